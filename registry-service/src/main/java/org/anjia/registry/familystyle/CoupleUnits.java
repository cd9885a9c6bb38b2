package org.anjia.registry.familystyle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.anjia.registry.worklist.TaskFormChoices;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the couple's side meets the residence units: the director approving a couple picks a unit
 * of the institution that is neither closed nor promised to another couple (the task page lists
 * them), and the contract's decision to exit is refused while children still live in the couple's
 * unit — each child first gets a new placement (another unit, a foster family, adoption, the
 * institution's own care; issue 11, local practice).
 */
@Component
class CoupleUnits implements TaskFormChoices {

  static final String UNIT_ID = "unitId";
  static final String VALUES_KEY = "freeUnits";

  /** A child of the couple's unit as the couple sees it: care notes, not the whole file. */
  record HomeChild(String name, int age, String healthNotes, String educationNotes, LocalDate livesHereSince,
      UnitReviews.ChildNote lastReview) {}

  /** The couple's unit on its portal: the children they raise and the review dates. */
  record Home(UUID unitId, String name, String place, int capacity, List<HomeChild> children, LocalDate lastReviewOn,
      Instant nextReviewDue, boolean reviewOverdue) {}

  private final JdbcClient jdbc;
  private final Applications applications;
  private final ResidenceUnits units;
  private final UnitAssignments assignments;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  CoupleUnits(JdbcClient jdbc, Applications applications, ResidenceUnits units, UnitAssignments assignments,
      AuditLog audit, Labels labels, Clock clock) {
    this.jdbc = jdbc;
    this.applications = applications;
    this.units = units;
    this.assignments = assignments;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  @Override
  public boolean supplies(String processId, String elementId) {
    return CoupleProcess.PROCESS_ID.equals(processId) && CoupleProcess.DIRECTOR_APPROVAL.equals(elementId);
  }

  @Override
  public String valuesKey() {
    return VALUES_KEY;
  }

  /** The institution's units a couple can still move into, with their occupancy: 一号家庭（东楼2层，3/6）. */
  @Override
  public List<Choice> choices(UUID applicationId, UUID childId) {
    return jdbc.sql("""
            select u.id, u.name, u.place, u.capacity,
                   (select count(*) from unit_assignment a where a.unit_id = u.id and a.ended_on is null) as children
            from residence_unit u
            where u.institution_code = :institution and u.state <> 'CLOSED' and u.couple_application_id is null
              and not exists (select 1 from family_style_contract c where c.unit_id = u.id and c.status <> 'ENDED')
            order by u.name""")
        .param("institution", applications.get(applicationId).getInstitutionCode())
        .query((rs, row) -> new Choice(
            rs.getString("name") + "（" + rs.getString("place") + "，" + rs.getInt("children") + "/" + rs.getInt("capacity") + "）",
            rs.getObject("id", UUID.class).toString()))
        .list();
  }

  /** The unit chosen with an approval, or the exit refused while the unit has children; in the completion's transaction. */
  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!CoupleProcess.PROCESS_ID.equals(completion.processId()) || completion.applicationId() == null) {
      return;
    }
    if (CoupleProcess.DIRECTOR_APPROVAL.equals(completion.elementId())
        && "approve".equals(completion.variables().get(CoupleProcess.DIRECTOR_DECISION))) {
      String chosen = String.valueOf(completion.variables().get(UNIT_ID));
      boolean free = choices(completion.applicationId(), null).stream().anyMatch(c -> c.value().equals(chosen));
      if (!free) {
        throw new InvalidInputException(List.of(new FieldProblem(UNIT_ID, labels.of("anjia.familyStyle.unitRequired"))));
      }
    }
    if (CoupleProcess.CONTRACT_DECISION.equals(completion.elementId())
        && "exit".equals(completion.variables().get(CoupleProcess.CONTRACT_DECISION_FIELD))) {
      unitOf(completion.applicationId()).ifPresent(unit -> {
        int children = units.occupancy(unit.id());
        if (children > 0) {
          throw new InvalidInputException(List.of(new FieldProblem(CoupleProcess.CONTRACT_DECISION_FIELD,
              labels.of("anjia.familyStyle.exitWithChildren", unit.name(), children))));
        }
      });
    }
  }

  /** The unit the couple of that application lives in (or is promised). */
  Optional<ResidenceUnits.Unit> unitOf(UUID applicationId) {
    return jdbc.sql("select unit_id from family_style_contract where application_id = :id and unit_id is not null")
        .param("id", applicationId).query(UUID.class).optional().flatMap(units::byId);
  }

  /**
   * The unit a couple lives in with the children's care notes and the reviews' dates; only the
   * caller's own contract leads here, so a couple never reads children of another unit. The read is audited.
   */
  Home home(UUID unitId) {
    ResidenceUnits.Unit unit = units.byId(unitId).orElseThrow();
    Map<UUID, UnitReviews.ChildNote> notes = UnitReviews.latestNotes(jdbc, unitId);
    List<HomeChild> children = assignments.ofUnit(unitId).stream()
        .map(c -> new HomeChild(c.name(), c.age(), c.healthNotes(), c.educationNotes(), c.startedOn(), notes.get(c.childId())))
        .toList();
    UnitReviews.ReviewStatus review = UnitReviews.status(jdbc, unitId, clock.instant());
    audit.record(AuditAction.READ, ResidenceUnits.OBJECT, unitId, List.of("children", "careNotes"), null);
    return new Home(unitId, unit.name(), unit.place(), unit.capacity(), children, review.lastHeldOn(), review.nextDue(),
        review.overdue());
  }

  /** The contract is in force: the unit shows its couple. */
  void moveIn(UUID applicationId, UUID unitId) {
    jdbc.sql("update residence_unit set couple_application_id = :application where id = :unit")
        .param("application", applicationId).param("unit", unitId).update();
  }

  /** The couple left: the unit is free for the next one. */
  void moveOut(UUID applicationId) {
    jdbc.sql("update residence_unit set couple_application_id = null where couple_application_id = :application")
        .param("application", applicationId).update();
  }
}

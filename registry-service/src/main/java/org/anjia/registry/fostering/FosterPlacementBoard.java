package org.anjia.registry.fostering;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.children.ChildHearings;
import org.anjia.registry.children.Children;
import org.anjia.registry.children.FosterChild;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.printing.PrintingSettings;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.management.JobDefinition;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.anjia.registry.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees what of the foster placements (issue 10): the institution's placement board (the register
 * with capacity and occupancy, the children in foster care with the end of their integration period
 * and their next visit, both as the engine's timers hold them), the numbers the matching checks, the
 * child's hearings (art. 11), and the agreement as PDF for the institution's staff and for the family
 * of that placement only.
 */
@Service
class FosterPlacementBoard {

  /** The board of one institution: its foster families and its placements. */
  record Board(List<FosterRegister.Entry> register, List<BoardPlacement> placements) {}

  /**
   * A placement on the board. {@code integrationEnds} and {@code nextVisitDue} come from the engine
   * (null before the placement starts or once it is over): the integration timer's date, and the
   * earliest of an open visit's due date and the next visit timer.
   */
  record BoardPlacement(UUID id, UUID childId, String childName, UUID familyId, String familyName,
      FosterPlacementStatus status, LocalDate from, LocalDate until, String primaryCaregiver, LocalDate startedOn,
      Instant integrationEnds, Instant nextVisitDue) {}

  /** A number the matching and the journey go by, with the article it rests on. */
  record Rule(String name, Object value, String source) {}

  /** A family's own placement (name, age and care notes of the child) with the day of its next visit. */
  record OwnPlacement(@JsonUnwrapped FosterPlacements.FamilyPlacement placement, Instant nextVisitDue) {}

  /** When the engine runs a running placement's integration end and next visit. */
  private record Schedule(Instant integrationEnds, Instant nextVisitDue) {}

  private static final String VISIT_TIMER = "VisitDue";
  private static final String HOME_VISIT = "HomeVisit";
  private static final BinaryOperator<Instant> EARLIER = (a, b) -> a.isBefore(b) ? a : b;

  private final FosterPlacements placements;
  private final FosterTerminations terminations;
  private final FosterRegister register;
  private final FosterRules rules;
  private final Children children;
  private final ChildHearings hearings;
  private final Institutions institutions;
  private final PrintingSettings printing;
  private final ManagementService management;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  FosterPlacementBoard(FosterPlacements placements, FosterTerminations terminations, FosterRegister register,
      FosterRules rules, Children children, ChildHearings hearings, Institutions institutions, PrintingSettings printing,
      ManagementService management, TaskService tasks, JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.placements = placements;
    this.terminations = terminations;
    this.register = register;
    this.rules = rules;
    this.children = children;
    this.hearings = hearings;
    this.institutions = institutions;
    this.printing = printing;
    this.management = management;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The signed-in staff member's institution: its register, and its placements in that status (the open ones without). */
  @Transactional
  Board board(FosterPlacementStatus status) {
    List<FosterPlacements.Placement> shown = placements.ofStaffInstitution(
        status == null ? FosterPlacementStatus.OPEN : List.of(status.name()));
    Map<String, Schedule> schedules = schedules(shown.stream()
        .filter(p -> p.status() == FosterPlacementStatus.ACTIVE).map(p -> p.childId().toString()).collect(Collectors.toSet()));
    shown.forEach(p -> audit.record(AuditAction.READ, "CHILD", p.childId(), List.of("fosterPlacements"), null));
    return new Board(register.entries(), shown.stream().map(p -> {
      Schedule schedule = schedules.getOrDefault(p.childId().toString(), new Schedule(null, null));
      return new BoardPlacement(p.id(), p.childId(), p.childName(), p.familyId(), p.familyName(), p.status(), p.from(),
          p.until(), p.primaryCaregiver(), p.startedOn(), schedule.integrationEnds(), schedule.nextVisitDue());
    }).toList());
  }

  /** The signed-in family's placements, as {@link FosterPlacements#own} shows them, with the next visit of each. */
  @Transactional
  List<OwnPlacement> own() {
    List<FosterPlacements.FamilyPlacement> own = placements.own();
    Map<UUID, UUID> childOf = placements.childrenOfOwn();
    Map<String, Schedule> schedules = schedules(own.stream()
        .filter(p -> p.status() == FosterPlacementStatus.ACTIVE && childOf.containsKey(p.id()))
        .map(p -> childOf.get(p.id()).toString()).collect(Collectors.toSet()));
    return own.stream().map(p -> {
      Schedule schedule = childOf.containsKey(p.id()) ? schedules.get(childOf.get(p.id()).toString()) : null;
      return new OwnPlacement(p, schedule == null ? null : schedule.nextVisitDue());
    }).toList();
  }

  /**
   * The engine's dates of the running placements, by child, in four queries whatever their number:
   * the instances with their integration end, the visit timer's job definitions, the instances' timer
   * jobs, their open visits. The job query is asked by process instances alone and the visit timers
   * picked by their definition here: Operaton builds broken SQL for {@code activityId} together with
   * {@code processInstanceIds}.
   */
  private Map<String, Schedule> schedules(Set<String> childIds) {
    if (childIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> childOfInstance = new HashMap<>();
    Map<String, Instant> integrationEnds = new HashMap<>();
    jdbc.sql("""
            select p.id_, p.business_key_, v.long_ as integration_ends
            from act_ru_execution p
            join act_re_procdef d on d.id_ = p.proc_def_id_ and d.key_ = :process
            left join act_ru_variable v on v.proc_inst_id_ = p.id_ and v.execution_id_ = p.id_ and v.name_ = :variable
            where p.parent_id_ is null and p.business_key_ in (:children)""")
        .param("process", FosterPlacementProcess.PROCESS_ID)
        .param("variable", FosterPlacementProcess.INTEGRATION_ENDS)
        .param("children", childIds)
        .query((rs, row) -> {
          childOfInstance.put(rs.getString("id_"), rs.getString("business_key_"));
          long ends = rs.getLong("integration_ends");
          if (!rs.wasNull()) {
            integrationEnds.put(rs.getString("business_key_"), Instant.ofEpochMilli(ends));
          }
          return null;
        })
        .list();
    if (childOfInstance.isEmpty()) {
      return Map.of();
    }
    // the visit timer's definitions (one per deployed version of the model)
    Set<String> visitTimers = management.createJobDefinitionQuery()
        .processDefinitionKey(FosterPlacementProcess.PROCESS_ID).activityIdIn(VISIT_TIMER).list().stream()
        .map(JobDefinition::getId).collect(Collectors.toSet());
    Map<String, Instant> nextVisits = new HashMap<>();
    for (Job timer : management.createJobQuery().processInstanceIds(childOfInstance.keySet()).timers().list()) {
      if (visitTimers.contains(timer.getJobDefinitionId()) && timer.getDuedate() != null) {
        nextVisits.merge(childOfInstance.get(timer.getProcessInstanceId()), timer.getDuedate().toInstant(), EARLIER);
      }
    }
    for (Task visit : tasks.createTaskQuery().processInstanceIdIn(childOfInstance.keySet().toArray(String[]::new))
        .taskDefinitionKey(HOME_VISIT).list()) {
      Date due = visit.getDueDate();
      if (due != null) {
        nextVisits.merge(childOfInstance.get(visit.getProcessInstanceId()), due.toInstant(), EARLIER);
      }
    }
    Map<String, Schedule> schedules = new HashMap<>();
    childOfInstance.values().forEach(child ->
        schedules.put(child, new Schedule(integrationEnds.get(child), nextVisits.get(child))));
    return schedules;
  }

  /** The numbers of the matching and the journey, each with its source, for the pages to say what they check. */
  List<Rule> rules() {
    FosterRules.Placement placement = rules.placement();
    return List.of(
        new Rule("maxChildrenPerFamily", rules.maxChildrenPerFamily(), "art. 9"),
        new Rule("ownChildMinAge", rules.eligibility().ownChildMinAge(), "art. 9"),
        new Rule("childConsentAge", placement.childConsentAge(), "art. 11"),
        new Rule("minIntegrationDays", placement.minIntegrationDays(), "art. 14"),
        new Rule("visitInterval", placement.visitInterval().toString(), "arts. 16–17, local practice"));
  }

  /** The child's hearings on foster care (art. 11), latest first, for the staff who keep the file. */
  @Transactional
  List<ChildHearings.Hearing> consentHearings(UUID childId) {
    children.fosterCandidate(childId);
    audit.record(AuditAction.READ, "CHILD", childId, List.of("fosterConsent"), null);
    return hearings.of(ChildHearings.Subject.fosterCare(childId));
  }

  /** The agreement of a placement of the signed-in staff member's institution. */
  @Transactional
  byte[] agreementForStaff(UUID id) {
    return agreement(placements.ofStaffInstitution(id));
  }

  /** The agreement of the signed-in family's own placement, from the director's approval on. */
  @Transactional
  byte[] agreementForFamily(UUID id) {
    return agreement(placements.agreementOfSignedInFamily(id));
  }

  private byte[] agreement(FosterPlacements.Placement placement) {
    audit.record(AuditAction.READ, "FOSTER_PLACEMENT", placement.id(), List.of("agreement"), null);
    return FosterAgreement.pdf(placement, parties(placement), clock.getZone(), printing.font());
  }

  /** The written notice of a terminated placement (arts. 18–19), for the staff of the child's institution. */
  @Transactional
  byte[] terminationNoticeForStaff(UUID id) {
    return terminationNotice(placements.ofStaffInstitution(id));
  }

  /** The same notice for the family it is addressed to. */
  @Transactional
  byte[] terminationNoticeForFamily(UUID id) {
    return terminationNotice(placements.ownedBySignedInFamily(id));
  }

  private byte[] terminationNotice(FosterPlacements.Placement placement) {
    FosterTerminations.Termination termination = terminations.of(placement.id())
        .filter(ended -> ended.reason() != null && ended.endedOn() != null)
        .orElseThrow(() -> new NotFoundException("termination notice of " + placement.id()));
    audit.record(AuditAction.READ, "FOSTER_PLACEMENT", placement.id(), List.of("terminationNotice"), null);
    return TerminationNotice.pdf(placement, parties(placement), termination, printing.font());
  }

  private FosterAgreement.Parties parties(FosterPlacements.Placement placement) {
    FosterChild child = children.fosterChild(placement.childId()).orElseThrow();
    String institution = institutions.find(child.institutionCode()).map(Institutions.Institution::name)
        .orElse(child.institutionCode());
    return new FosterAgreement.Parties(institution, placement.familyName(), placement.childName());
  }
}

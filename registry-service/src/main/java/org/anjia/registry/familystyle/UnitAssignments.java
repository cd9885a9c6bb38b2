package org.anjia.registry.familystyle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.children.ChildAdopted;
import org.anjia.registry.children.ChildPlacedElsewhere;
import org.anjia.registry.children.Children;
import org.anjia.registry.children.FosterChild;
import org.anjia.registry.children.PlacementKind;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The director assigns children of the institution to a residence unit. Each child must be in the
 * institution's own care (not discharged, not placed elsewhere, not already in a unit); the unit's
 * capacity holds, counted under the unit's row lock; siblings in care go to the same unit unless a
 * reason is recorded (spec/domain.md: "siblings kept together"). Every broken rule is refused next to
 * its field and nothing is written. Each assignment is a FAMILY_STYLE placement on the child's file
 * from the day of the assignment; ending it puts the child back in the institution's care.
 */
@Service
class UnitAssignments {

  private static final String OBJECT = "UNIT_ASSIGNMENT";

  record AssignRequest(List<UUID> childIds, String siblingsApartReason) {

    boolean apartExplained() {
      return siblingsApartReason != null && !siblingsApartReason.isBlank();
    }
  }

  record EndRequest(String reason) {}

  /** A child living in a unit, as the board shows it: age and care notes so groups are mixed sensibly. */
  record UnitChild(UUID assignmentId, UUID childId, String name, int age, String healthNotes, String educationNotes,
      LocalDate startedOn, String siblingsApartReason) {}

  private final ResidenceUnits units;
  private final Children children;
  private final CurrentUsers users;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  UnitAssignments(ResidenceUnits units, Children children, CurrentUsers users, JdbcClient jdbc, AuditLog audit,
      Labels labels, Clock clock) {
    this.units = units;
    this.children = children;
    this.users = users;
    this.jdbc = jdbc;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  @Transactional
  List<UnitChild> assign(UUID unitId, AssignRequest request) {
    CurrentUser director = users.current();
    ResidenceUnits.Unit unit = units.locked(unitId);
    if (unit.state() == ResidenceUnits.State.CLOSED) {
      throw new ConflictException("anjia.familyStyle.unit.closed");
    }
    List<FieldProblem> problems = new ArrayList<>();
    Set<UUID> ids = new LinkedHashSet<>(request.childIds() == null ? List.of() : request.childIds());
    if (ids.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem("childIds", labels.of("anjia.familyStyle.assign.noChildren"))));
    }
    // another institution's child does not exist for the director (404, like the child's file)
    List<FosterChild> group = ids.stream().map(children::fosterCandidate).toList();
    for (FosterChild child : group) {
      if (inAUnit(child.id())) {
        problems.add(new FieldProblem("childIds", labels.of("anjia.familyStyle.assign.alreadyInUnit", child.name())));
      } else if (!child.inCare() || children.currentPlacement(child.id()) != PlacementKind.INSTITUTION) {
        problems.add(new FieldProblem("childIds", labels.of("anjia.familyStyle.assign.notInInstitutionCare", child.name())));
      }
    }
    int placed = units.occupancy(unitId);
    if (placed + group.size() > unit.capacity()) {
      problems.add(new FieldProblem("childIds",
          labels.of("anjia.familyStyle.assign.capacity", unit.name(), placed, group.size(), unit.capacity())));
    }
    List<String> apart = new ArrayList<>();
    for (FosterChild child : group) {
      for (FosterChild sibling : children.siblingsInCare(child.id())) {
        boolean together = ids.contains(sibling.id()) || inUnit(sibling.id(), unitId);
        if (!together && !apart.contains(sibling.name())) {
          apart.add(sibling.name());
        }
      }
    }
    if (!apart.isEmpty() && !request.apartExplained()) {
      problems.add(new FieldProblem("siblingsApartReason",
          labels.of("anjia.familyStyle.assign.siblingsApart", String.join("、", apart))));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    LocalDate today = LocalDate.now(clock);
    String reason = !apart.isEmpty() && request.apartExplained() ? request.siblingsApartReason().trim() : null;
    for (FosterChild child : group) {
      UUID id = UUID.randomUUID();
      jdbc.sql("""
              insert into unit_assignment (id, unit_id, child_id, started_on, siblings_apart_reason, assigned_by, assigned_at)
              values (:id, :unit, :child, :on, :apart, :by, :at)""")
          .param("id", id).param("unit", unitId).param("child", child.id()).param("on", Date.valueOf(today))
          .param("apart", reason).param("by", director.username()).param("at", Timestamp.from(clock.instant()))
          .update();
      children.startFamilyStylePlacement(child.id(), id, today, unit.name());
      audit.record(AuditAction.CREATE, OBJECT, id, List.of("unitId", "childId", "startedOn"), reason);
    }
    units.refreshState(unitId);
    return ofUnit(unitId);
  }

  /** The child leaves the unit: the assignment ends today and the child is back in the institution's care. */
  @Transactional
  List<UnitChild> end(UUID unitId, UUID childId, EndRequest request) {
    units.locked(unitId);
    if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
      throw new InvalidInputException(List.of(new FieldProblem("reason", labels.of("anjia.familyStyle.assign.endReason"))));
    }
    UUID assignment = jdbc.sql("select id from unit_assignment where unit_id = :unit and child_id = :child and ended_on is null")
        .param("unit", unitId).param("child", childId).query(UUID.class).optional()
        .orElseThrow(() -> new NotFoundException("child " + childId + " in unit " + unitId));
    endAssignment(assignment, childId, request.reason().trim());
    units.refreshState(unitId);
    return ofUnit(unitId);
  }

  private void endAssignment(UUID assignment, UUID childId, String reason) {
    LocalDate today = LocalDate.now(clock);
    jdbc.sql("update unit_assignment set ended_on = :on, end_reason = :reason where id = :id and ended_on is null")
        .param("on", Date.valueOf(today)).param("reason", reason).param("id", assignment).update();
    children.endFamilyStylePlacement(childId, assignment, today, reason);
    audit.record(AuditAction.UPDATE, OBJECT, assignment, List.of("endedOn", "endReason"), reason);
  }

  /** A child of a unit adopted (民法典 art. 1105): the registration placed the child; the assignment ends with it. */
  @EventListener
  void on(ChildAdopted adoption) {
    leave(adoption.childId(), adoption.registeredOn(), "收养登记 " + adoption.certificateNumber());
  }

  /**
   * A child of a unit placed elsewhere on the file (a foster family, kinship, the institution's own
   * care): the file already ended the family-style placement; the unit lets the child go that day.
   */
  @EventListener
  void on(ChildPlacedElsewhere placement) {
    leave(placement.childId(), placement.from(), labels.recorded("PlacementKind." + placement.kind().name()));
  }

  private void leave(UUID childId, LocalDate on, String reason) {
    jdbc.sql("""
            update unit_assignment set ended_on = :on, end_reason = :reason where child_id = :child and ended_on is null
            returning unit_id""")
        .param("on", Date.valueOf(on)).param("reason", reason).param("child", childId).query(UUID.class).list()
        .forEach(units::refreshState);
  }

  /**
   * The children living in the unit now, longest there first; children placed together (one assignment, the
   * same moment) youngest first, then by name. Ordered by the moment alone, their order was whatever
   * PostgreSQL returned, and it changed from one reading to the next.
   */
  List<UnitChild> ofUnit(UUID unitId) {
    LocalDate today = LocalDate.now(clock);
    record Living(UnitChild child, Instant assignedAt) {}
    return jdbc.sql("""
            select id, child_id, started_on, siblings_apart_reason, assigned_at from unit_assignment
            where unit_id = :unit and ended_on is null""")
        .param("unit", unitId)
        .query((rs, row) -> {
          UUID childId = rs.getObject("child_id", UUID.class);
          FosterChild child = children.fosterChild(childId).orElseThrow();
          return new Living(new UnitChild(rs.getObject("id", UUID.class), childId, child.name(), child.ageOn(today),
              child.healthNotes(), child.educationNotes(), rs.getObject("started_on", LocalDate.class),
              rs.getString("siblings_apart_reason")), rs.getTimestamp("assigned_at").toInstant());
        })
        .list().stream()
        .sorted(Comparator.comparing((Living living) -> living.child().startedOn())
            .thenComparing(Living::assignedAt)
            .thenComparingInt(living -> living.child().age())
            .thenComparing(living -> living.child().name()))
        .map(Living::child)
        .toList();
  }

  private boolean inAUnit(UUID childId) {
    return jdbc.sql("select count(*) from unit_assignment where child_id = :child and ended_on is null")
        .param("child", childId).query(Integer.class).single() > 0;
  }

  private boolean inUnit(UUID childId, UUID unitId) {
    return jdbc.sql("select count(*) from unit_assignment where child_id = :child and unit_id = :unit and ended_on is null")
        .param("child", childId).param("unit", unitId).query(Integer.class).single() > 0;
  }
}

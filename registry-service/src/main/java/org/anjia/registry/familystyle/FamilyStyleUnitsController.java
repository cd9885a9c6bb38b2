package org.anjia.registry.familystyle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 家庭式养育单元 for the institution's staff: the units board (occupancy, couple, children with ages and
 * care notes, next review), and the director's changes: create, edit, close a unit; assign children;
 * end a child's assignment. Auditors read every institution's board.
 */
@RestController
class FamilyStyleUnitsController {

  /** A unit on the board. */
  record UnitView(UUID id, String institutionCode, String name, String place, int capacity, int occupancy,
      ResidenceUnits.State state, UUID coupleApplicationId, Couple couple, List<UnitAssignments.UnitChild> children,
      LocalDate lastReviewOn, Instant nextReviewDue, boolean reviewOverdue) {}

  /** The couple living in the unit: their household, application and contract (PDF). */
  record Couple(String household, String applicationNumber, UUID contractId, LocalDate contractUntil) {}

  /** The board: the units, and the local-practice settings they follow (with their source). */
  record Board(List<UnitView> units, int maxCapacity, Period reviewInterval, String source) {}

  /** Edit: name, place, capacity; {@code state: CLOSED} closes the unit. */
  record UnitUpdate(String name, String place, Integer capacity, String state) {}

  private final ResidenceUnits units;
  private final UnitAssignments assignments;
  private final UnitRules rules;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  FamilyStyleUnitsController(ResidenceUnits units, UnitAssignments assignments, UnitRules rules, JdbcClient jdbc,
      AuditLog audit, Clock clock) {
    this.units = units;
    this.assignments = assignments;
    this.rules = rules;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/api/family-style/units")
  @Transactional
  Board board() {
    List<UnitView> views = units.visibleUnits().stream().map(this::view).toList();
    views.forEach(unit -> audit.record(AuditAction.READ, ResidenceUnits.OBJECT, unit.id(), List.of("board"), null));
    return new Board(views, rules.unitCapacity(), rules.reviewInterval(),
        "local practice (Xining), spec/domain.md; anjia.family-style.*");
  }

  @PostMapping("/api/family-style/units")
  @ResponseStatus(HttpStatus.CREATED)
  UnitView create(@RequestBody ResidenceUnits.UnitInput input) {
    return view(units.create(input));
  }

  @PutMapping("/api/family-style/units/{id}")
  UnitView update(@PathVariable UUID id, @RequestBody UnitUpdate update) {
    return view(units.update(id, new ResidenceUnits.UnitInput(update.name(), update.place(), update.capacity()),
        "CLOSED".equals(update.state())));
  }

  @PostMapping("/api/family-style/units/{id}/children")
  UnitView assign(@PathVariable UUID id, @RequestBody UnitAssignments.AssignRequest request) {
    assignments.assign(id, request);
    return view(units.visible(id));
  }

  @PostMapping("/api/family-style/units/{id}/children/{childId}/end")
  UnitView end(@PathVariable UUID id, @PathVariable UUID childId, @RequestBody UnitAssignments.EndRequest request) {
    assignments.end(id, childId, request);
    return view(units.visible(id));
  }

  private UnitView view(ResidenceUnits.Unit unit) {
    List<UnitAssignments.UnitChild> children = assignments.ofUnit(unit.id());
    UnitReviews.ReviewStatus review = unit.state() == ResidenceUnits.State.CLOSED
        ? new UnitReviews.ReviewStatus(null, null, false)
        : UnitReviews.status(jdbc, unit.id(), clock.instant());
    return new UnitView(unit.id(), unit.institutionCode(), unit.name(), unit.place(), unit.capacity(), children.size(),
        unit.state(), unit.coupleApplicationId(), couple(unit.coupleApplicationId()), children, review.lastHeldOn(),
        review.nextDue(), review.overdue());
  }

  private Couple couple(UUID applicationId) {
    if (applicationId == null) {
      return null;
    }
    return jdbc.sql("""
            select f.display_name, a.number, c.id, c.term_until from application a join family f on f.id = a.family_id
            join family_style_contract c on c.application_id = a.id where a.id = :id""")
        .param("id", applicationId)
        .query((rs, row) -> new Couple(rs.getString("display_name"), rs.getString("number"), rs.getObject("id", UUID.class),
            rs.getObject("term_until", LocalDate.class)))
        .optional().orElse(null);
  }
}

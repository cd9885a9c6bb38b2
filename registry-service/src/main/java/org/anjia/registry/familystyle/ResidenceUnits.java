package org.anjia.registry.familystyle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 家庭式养育单元: the residence units inside an institution where a couple raises a group of children
 * as one family (seeds 000 专栏4.2, 003 三(一)). The director of the institution creates, edits and
 * closes them; its caseworkers read them, auditors read every institution's. A unit is OPEN, OCCUPIED
 * at capacity, or CLOSED (refused while children live in it). Creating a unit starts its quarterly
 * review (family-style-unit-review.bpmn, business key = the unit's id); closing it ends the review.
 */
@Service
class ResidenceUnits {

  static final String OBJECT = "RESIDENCE_UNIT";

  enum State { OPEN, OCCUPIED, CLOSED }

  /** A unit as stored. */
  record Unit(UUID id, String institutionCode, String name, String place, int capacity, State state,
      UUID coupleApplicationId, String createdBy, Instant createdAt, Instant closedAt) {}

  /** What the director types: name, place and capacity (default: anjia.family-style.unit-capacity). */
  record UnitInput(String name, String place, Integer capacity) {}

  private final JdbcClient jdbc;
  private final CurrentUsers users;
  private final AuditLog audit;
  private final Labels labels;
  private final ProcessMessages messages;
  private final UnitRules rules;
  private final Clock clock;

  ResidenceUnits(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Labels labels, ProcessMessages messages,
      UnitRules rules, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.labels = labels;
    this.messages = messages;
    this.rules = rules;
    this.clock = clock;
  }

  /** A new unit of the director's institution; its review process starts in the same transaction. */
  @Transactional
  Unit create(UnitInput input) {
    CurrentUser director = users.current();
    int capacity = input.capacity() == null ? rules.unitCapacity() : input.capacity();
    List<FieldProblem> problems = new ArrayList<>();
    checkInput(input, capacity, 0, director.institution(), null, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into residence_unit (id, institution_code, name, place, capacity, state, created_by, created_at)
            values (:id, :institution, :name, :place, :capacity, 'OPEN', :by, :at)""")
        .param("id", id).param("institution", director.institution()).param("name", input.name().trim())
        .param("place", input.place().trim()).param("capacity", capacity).param("by", director.username())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    audit.record(AuditAction.CREATE, OBJECT, id, List.of("name", "place", "capacity"), null);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("unitId", id.toString());
    variables.put("unitName", input.name().trim());
    variables.put("institutionCode", director.institution());
    messages.start(UnitReviews.OPENED_MESSAGE, UnitReviews.PROCESS_ID, id.toString(), variables);
    return find(id).orElseThrow();
  }

  /**
   * The director changes name, place or capacity (never below the children living there, never above
   * the configured maximum), or closes the unit: refused while children remain, each first gets a new
   * placement. A closed unit stays closed.
   */
  @Transactional
  Unit update(UUID id, UnitInput input, boolean close) {
    Unit unit = locked(id);
    if (unit.state() == State.CLOSED) {
      throw new ConflictException("anjia.familyStyle.unit.closed");
    }
    int occupancy = occupancy(id);
    if (close) {
      if (occupancy > 0) {
        throw new ConflictException("anjia.familyStyle.unit.closeWithChildren", occupancy);
      }
      jdbc.sql("update residence_unit set state = 'CLOSED', closed_at = :at where id = :id")
          .param("at", Timestamp.from(clock.instant())).param("id", id).update();
      audit.record(AuditAction.UPDATE, OBJECT, id, List.of("state"), null);
      messages.notifyIfWaiting(UnitReviews.CLOSED_MESSAGE, id.toString());
      return find(id).orElseThrow();
    }
    int capacity = input.capacity() == null ? unit.capacity() : input.capacity();
    List<FieldProblem> problems = new ArrayList<>();
    checkInput(input, capacity, occupancy, unit.institutionCode(), id, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    jdbc.sql("update residence_unit set name = :name, place = :place, capacity = :capacity where id = :id")
        .param("name", input.name().trim()).param("place", input.place().trim()).param("capacity", capacity)
        .param("id", id).update();
    refreshState(id);
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("name", "place", "capacity"), null);
    return find(id).orElseThrow();
  }

  private void checkInput(UnitInput input, int capacity, int occupancy, String institution, UUID self,
      List<FieldProblem> problems) {
    if (input.name() == null || input.name().isBlank() || input.name().trim().length() > 100) {
      problems.add(new FieldProblem("name", labels.of("anjia.familyStyle.unit.name")));
    } else if (jdbc.sql("""
            select count(*) from residence_unit
            where institution_code = :institution and name = :name and (cast(:self as uuid) is null or id <> :self)""")
        .param("institution", institution).param("name", input.name().trim()).param("self", self)
        .query(Integer.class).single() > 0) {
      problems.add(new FieldProblem("name", labels.of("anjia.familyStyle.unit.nameTaken")));
    }
    if (input.place() == null || input.place().isBlank() || input.place().trim().length() > 200) {
      problems.add(new FieldProblem("place", labels.of("anjia.familyStyle.unit.place")));
    }
    if (capacity < 1 || capacity > rules.unitCapacity()) {
      problems.add(new FieldProblem("capacity", labels.of("anjia.familyStyle.unit.capacityRange", rules.unitCapacity())));
    } else if (capacity < occupancy) {
      problems.add(new FieldProblem("capacity", labels.of("anjia.familyStyle.unit.capacityBelowOccupancy", occupancy)));
    }
  }

  /** OCCUPIED at capacity, OPEN below it; a closed unit stays closed. */
  void refreshState(UUID id) {
    jdbc.sql("""
            update residence_unit u set state = case when (select count(*) from unit_assignment a
                where a.unit_id = u.id and a.ended_on is null) >= u.capacity then 'OCCUPIED' else 'OPEN' end
            where u.id = :id and u.state <> 'CLOSED'""")
        .param("id", id).update();
  }

  int occupancy(UUID id) {
    return jdbc.sql("select count(*) from unit_assignment where unit_id = :id and ended_on is null")
        .param("id", id).query(Integer.class).single();
  }

  /**
   * The unit of the signed-in staff member's institution, its row locked for the rest of the
   * transaction: two assignments at once are counted one after the other. Another institution's
   * unit does not exist for them.
   */
  Unit locked(UUID id) {
    CurrentUser user = users.current();
    Optional<UUID> found = jdbc.sql("select id from residence_unit where id = :id and institution_code = :institution for update")
        .param("id", id).param("institution", user.institution() == null ? "" : user.institution())
        .query(UUID.class).optional();
    if (found.isEmpty()) {
      throw outOfScope(id);
    }
    return find(id).orElseThrow();
  }

  /** A unit the signed-in user may read: staff of its institution, auditors. */
  Unit visible(UUID id) {
    CurrentUser user = users.current();
    return find(id).filter(unit -> user.has(Role.AUDITOR)
            || (user.hasAny(Role.CASEWORKER, Role.DIRECTOR) && unit.institutionCode().equals(user.institution())))
        .orElseThrow(() -> outOfScope(id));
  }

  /** The units the signed-in user may read, by name: own institution's for staff, all for auditors. */
  List<Unit> visibleUnits() {
    CurrentUser user = users.current();
    if (user.has(Role.AUDITOR)) {
      return list("true", Map.of());
    }
    return list("institution_code = :institution", Map.of("institution", user.institution() == null ? "" : user.institution()));
  }

  Optional<Unit> find(UUID id) {
    return list("id = :id", Map.of("id", id)).stream().findFirst();
  }

  /** A unit by id without a scope check, for the review process's steps (the engine's own calls). */
  Optional<Unit> byId(UUID id) {
    return find(id);
  }

  private List<Unit> list(String condition, Map<String, ?> params) {
    return jdbc.sql("select * from residence_unit where " + condition + " order by institution_code, name")
        .params(params).query((rs, row) -> unit(rs)).list();
  }

  private NotFoundException outOfScope(UUID id) {
    audit.recordRefusal(AuditAction.DENIED, OBJECT, id, "outside scope", null, null);
    return new NotFoundException("residence unit " + id);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private static Unit unit(ResultSet rs) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Unit(rs.getObject("id", UUID.class), rs.getString("institution_code"), rs.getString("name"),
        rs.getString("place"), rs.getInt("capacity"), State.valueOf(rs.getString("state")),
        rs.getObject("couple_application_id", UUID.class), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant());
  }
}

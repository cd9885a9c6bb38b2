package org.anjia.registry.fostering;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 短期托养 (家庭寄养管理办法 art. 20): when the family cannot care for the child for a while, the child
 * returns to the institution for at most the configured days (30 by the article). The family asks on the
 * portal and a caseworker decides, or the institution decides itself; foster-placement.bpmn then waits
 * for the child's return and escalates a respite past its limit.
 */
@Service
class FosterRespites {

  private static final String OBJECT = "FOSTER_RESPITE";

  enum Status { REQUESTED, DECLINED, ACTIVE, ENDED }

  record Respite(UUID id, boolean requestedByFamily, String requestedBy, Instant requestedAt, LocalDate from,
      LocalDate until, String reason, Status status, String decisionNote, LocalDate returnedOn, String returnNotes) {}

  private final FosterPlacements placements;
  private final FosterRules rules;
  private final ProcessMessages messages;
  private final CurrentUsers users;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  FosterRespites(FosterPlacements placements, FosterRules rules, ProcessMessages messages, CurrentUsers users,
      JdbcClient jdbc, AuditLog audit, Labels labels, Clock clock) {
    this.placements = placements;
    this.rules = rules;
    this.messages = messages;
    this.users = users;
    this.jdbc = jdbc;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /** The family asks on the portal; a caseworker decides (DecideRespite). */
  @Transactional
  Respite requestByFamily(UUID placementId, RespiteRequest request) {
    return request(placements.ownedBySignedInFamily(placementId), request, true);
  }

  /** The institution decides itself: the respite starts without a further decision. */
  @Transactional
  Respite decideByInstitution(UUID placementId, RespiteRequest request) {
    return request(placements.ofStaffInstitution(placementId), request, false);
  }

  private Respite request(FosterPlacements.Placement scoped, RespiteRequest request, boolean byFamily) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (request.from().isBefore(today)) {
      problems.add(new FieldProblem("from", labels.of("anjia.foster.respite.fromInPast")));
    }
    long days = ChronoUnit.DAYS.between(request.from(), request.until());
    int maxDays = rules.placement().maxRespiteDays();
    if (days < 1) {
      problems.add(new FieldProblem("until", labels.of("anjia.foster.respite.untilBeforeFrom")));
    } else if (days > maxDays) {
      problems.add(new FieldProblem("until", labels.of("anjia.foster.respite.tooLong", days, maxDays)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    FosterPlacements.Placement placement = placements.locked(scoped.id());
    if (placement.status() != FosterPlacementStatus.ACTIVE) {
      throw new ConflictException("anjia.foster.respite.placementNotActive");
    }
    if (!list("r.placement_id = :id and r.status in ('REQUESTED', 'ACTIVE')", placement.id()).isEmpty()) {
      throw new ConflictException("anjia.foster.respite.alreadyOpen");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into foster_respite (id, placement_id, requested_by_family, requested_by, requested_at, starts_on,
                ends_on, reason, status)
            values (:id, :placement, :family, :by, :at, :from, :until, :reason, 'REQUESTED')""")
        .param("id", id).param("placement", placement.id()).param("family", byFamily)
        .param("by", users.current().username()).param("at", Timestamp.from(clock.instant()))
        .param("from", Date.valueOf(request.from())).param("until", Date.valueOf(request.until()))
        .param("reason", request.reason().trim())
        .update();
    audit.record(AuditAction.CREATE, OBJECT, id, List.of("placementId", "period", "reason"), null);
    Map<String, Object> variables = new HashMap<>();
    variables.put(FosterPlacementProcess.RESPITE_ID, id.toString());
    variables.put(FosterPlacementProcess.RESPITE_REQUESTED_BY, byFamily ? "family" : "institution");
    variables.put(FosterPlacementProcess.RESPITE_PERIOD, request.from() + " — " + request.until());
    variables.put(FosterPlacementProcess.RESPITE_REASON, request.reason().trim());
    // the instance's variables outlive a respite: the last one's decision note is not this one's
    variables.put(FosterPlacementProcess.RESPITE_NOTE, null);
    messages.correlate(FosterPlacementProcess.RESPITE_REQUESTED_MESSAGE, placement.childId().toString(), variables);
    return find(id).orElseThrow();
  }

  /** The respites of a placement, latest first. */
  List<Respite> ofPlacement(UUID placementId) {
    return list("r.placement_id = :id", placementId);
  }

  /** The respite a child is in now, for the step that records the child's return. */
  Optional<Respite> activeOfChild(UUID childId) {
    return jdbc.sql("""
            select r.* from foster_respite r join foster_placement p on p.id = r.placement_id
            where p.child_id = :child and r.status = 'ACTIVE'""")
        .param("child", childId).query((rs, row) -> respite(rs)).optional();
  }

  // --- the process's steps: idempotent by the respite's status ---

  /** StartRespite: approved (with the caseworker's note) or decided by the institution, the child is back in its care. */
  Respite start(UUID id, String note) {
    move(id, Status.REQUESTED, Status.ACTIVE, note);
    return find(id).orElseThrow();
  }

  /** RecordRespiteDeclined: the family sees the caseworker's note on the portal. */
  void decline(UUID id, String note) {
    move(id, Status.REQUESTED, Status.DECLINED, note);
  }

  /** EndRespite: the child is back with the family on the day the caseworker recorded. */
  void end(UUID id, LocalDate returnedOn, String notes) {
    int moved = jdbc.sql("""
            update foster_respite set status = 'ENDED', returned_on = :on, return_notes = :notes
            where id = :id and status = 'ACTIVE'""")
        .param("on", Date.valueOf(returnedOn)).param("notes", notes).param("id", id)
        .update();
    if (moved > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, id, List.of("status", "returnedOn"), null);
    }
  }

  private void move(UUID id, Status from, Status to, String note) {
    int moved = jdbc.sql("update foster_respite set status = :to, decision_note = :note where id = :id and status = :from")
        .param("to", to.name()).param("note", note).param("id", id).param("from", from.name())
        .update();
    if (moved > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, id, List.of("status"), note);
    }
  }

  private Optional<Respite> find(UUID id) {
    return list("r.id = :id", id).stream().findFirst();
  }

  private List<Respite> list(String condition, UUID id) {
    return jdbc.sql("select r.* from foster_respite r where " + condition + " order by r.requested_at desc")
        .param("id", id).query((rs, row) -> respite(rs)).list();
  }

  private static Respite respite(ResultSet rs) throws SQLException {
    return new Respite(rs.getObject("id", UUID.class), rs.getBoolean("requested_by_family"),
        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("reason"),
        Status.valueOf(rs.getString("status")), rs.getString("decision_note"),
        rs.getObject("returned_on", LocalDate.class), rs.getString("return_notes"));
  }
}

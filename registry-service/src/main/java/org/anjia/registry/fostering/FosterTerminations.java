package org.anjia.registry.fostering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * 解除寄养关系 (家庭寄养管理办法 arts. 18–19): on the family's written request once the director agrees,
 * or by the director for a reason of the articles. The placement ends with its reason and article
 * recorded, the child is back in the institution's care (free for a new placement) and the family's
 * count drops; a caseworker then files the written notice with the county's civil-affairs department.
 */
@Service
class FosterTerminations {

  private static final String OBJECT = "FOSTER_PLACEMENT";

  /** How a placement was ended, as staff and the family read it. */
  record Termination(String requestText, Instant requestedAt, TerminationReason reason, String reasonLabel,
      String article, String details, LocalDate endedOn, LocalDate filedOn, String filedWith) {}

  private final FosterPlacements placements;
  private final ProcessMessages messages;
  private final CurrentUsers users;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  FosterTerminations(FosterPlacements placements, ProcessMessages messages, CurrentUsers users, JdbcClient jdbc,
      AuditLog audit, Labels labels, Clock clock) {
    this.placements = placements;
    this.messages = messages;
    this.users = users;
    this.jdbc = jdbc;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /** The family's written request (its reason required); the director decides it (DecideTermination). */
  @Transactional
  Termination requestByFamily(UUID placementId, FamilyTerminationRequest request) {
    FosterPlacements.Placement placement = activeAndLocked(placements.ownedBySignedInFamily(placementId));
    int recorded = jdbc.sql("""
            update foster_placement set termination_requested_by = :by, termination_requested_at = :at,
                termination_request_text = :text
            where id = :id and termination_requested_at is null and termination_reason is null""")
        .param("by", users.current().username()).param("at", Timestamp.from(clock.instant()))
        .param("text", request.reason().trim()).param("id", placement.id())
        .update();
    if (recorded == 0) {
      throw new ConflictException("anjia.foster.termination.alreadyRequested");
    }
    audit.record(AuditAction.UPDATE, OBJECT, placement.id(), List.of("terminationRequest"), null);
    messages.correlate(FosterPlacementProcess.TERMINATION_REQUESTED_MESSAGE, placement.childId().toString(),
        Map.of(FosterPlacementProcess.TERMINATION_REQUEST_REASON, request.reason().trim()));
    return of(placement.id()).orElseThrow();
  }

  /** The director ends the placement for a reason of arts. 18–19; the engine records it (RecordTermination). */
  @Transactional
  Termination terminateByInstitution(UUID placementId, TerminationRequest request) {
    if (request.reason() == TerminationReason.FAMILY_REQUEST) {
      throw new InvalidInputException(List.of(
          new FieldProblem("reason", labels.of("anjia.foster.termination.familyRequestIsTheFamilys"))));
    }
    FosterPlacements.Placement placement = activeAndLocked(placements.ofStaffInstitution(placementId));
    jdbc.sql("update foster_placement set termination_reason = :reason, termination_details = :details where id = :id")
        .param("reason", request.reason().name())
        .param("details", request.details() == null ? null : request.details().trim()).param("id", placement.id())
        .update();
    audit.record(AuditAction.UPDATE, OBJECT, placement.id(), List.of("terminationReason"), request.reason().name());
    messages.correlate(FosterPlacementProcess.TERMINATED_MESSAGE, placement.childId().toString(), Map.of());
    return of(placement.id()).orElseThrow();
  }

  private FosterPlacements.Placement activeAndLocked(FosterPlacements.Placement scoped) {
    FosterPlacements.Placement placement = placements.locked(scoped.id());
    if (placement.status() != FosterPlacementStatus.ACTIVE) {
      throw new ConflictException("anjia.foster.termination.placementNotActive");
    }
    return placement;
  }

  /** How a placement ended, if it was terminated or a termination was asked for. */
  Optional<Termination> of(UUID placementId) {
    return jdbc.sql("""
            select termination_request_text, termination_requested_at, termination_reason, termination_details,
                ended_on, termination_filed_on, termination_filed_with
            from foster_placement where id = :id and (termination_reason is not null or termination_requested_at is not null)""")
        .param("id", placementId)
        .query((rs, row) -> {
          String code = rs.getString("termination_reason");
          TerminationReason reason = code == null ? null : TerminationReason.valueOf(code);
          Timestamp requestedAt = rs.getTimestamp("termination_requested_at");
          return new Termination(rs.getString("termination_request_text"),
              requestedAt == null ? null : requestedAt.toInstant(), reason, reason == null ? null : labels.of(reason),
              reason == null ? null : reason.article(), rs.getString("termination_details"),
              rs.getObject("ended_on", LocalDate.class), rs.getObject("termination_filed_on", LocalDate.class),
              rs.getString("termination_filed_with"));
        })
        .optional();
  }

  // --- the process's steps: idempotent ---

  /**
   * RecordTermination: the placement ends today with its reason and article (a family's agreed request
   * when the director gave none); returns the reason as recorded, for the filing form.
   */
  String terminate(UUID placementId) {
    jdbc.sql("update foster_placement set termination_reason = coalesce(termination_reason, :request) where id = :id")
        .param("request", TerminationReason.FAMILY_REQUEST.name()).param("id", placementId)
        .update();
    TerminationReason reason = jdbc.sql("select termination_reason from foster_placement where id = :id")
        .param("id", placementId).query((rs, row) -> TerminationReason.valueOf(rs.getString(1))).single();
    String recorded = labels.recorded("anjia.foster.termination.recorded",
        labels.recorded(TerminationReason.class.getSimpleName() + "." + reason.name()), reason.article());
    placements.end(placementId, recorded);
    return recorded;
  }

  /** DecideTermination kept the placement: the request is answered, and the family may ask again later. */
  void keep(UUID childId) {
    jdbc.sql("""
            update foster_placement set termination_requested_by = null, termination_requested_at = null,
                termination_request_text = null
            where child_id = :child and status = :active and termination_reason is null""")
        .param("child", childId).param("active", FosterPlacementStatus.ACTIVE.name())
        .update();
  }

  /** FileTermination: the written notice is filed with the county's civil-affairs department (arts. 18–19: a written notice, filed). */
  void file(UUID childId, LocalDate filedOn, String filedWith, String by) {
    jdbc.sql("""
            update foster_placement set termination_filed_on = :on, termination_filed_with = :with, termination_filed_by = :by
            where child_id = :child and termination_reason is not null and termination_filed_on is null""")
        .param("on", Date.valueOf(filedOn)).param("with", filedWith).param("by", by).param("child", childId)
        .update();
  }
}

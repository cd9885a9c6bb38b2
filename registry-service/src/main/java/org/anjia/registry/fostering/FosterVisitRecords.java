package org.anjia.registry.fostering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.children.ChildDocumentType;
import org.anjia.registry.children.ChildView;
import org.anjia.registry.children.Children;
import org.anjia.registry.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 探访记录 (家庭寄养管理办法 arts. 16–17): each completed home-visit task leaves a record on the placement
 * — the date, who visited, the child's health, schooling and wellbeing, what was found — and its photos.
 */
@Service
class FosterVisitRecords {

  /** {@code photos}: documents on the child's file, read through its documents' content endpoint. */
  record Visit(UUID id, LocalDate visitedOn, String visitor, String health, String schooling, String wellbeing,
      String findings, List<UUID> photos) {}

  /** What the caseworker wrote on the HomeVisit form. */
  record Observations(String health, String schooling, String wellbeing, String findings) {}

  private final Children children;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  FosterVisitRecords(Children children, JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.children = children;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records the visit of the child's active placement, once per task: a repeated completion of the same
   * task changes nothing.
   */
  void record(UUID childId, String taskId, LocalDate visitedOn, String visitor, Observations seen) {
    UUID id = UUID.randomUUID();
    int recorded = jdbc.sql("""
            insert into foster_visit (id, placement_id, task_id, visited_on, visitor, health, schooling, wellbeing,
                findings, recorded_at)
            select :id, p.id, :task, :on, :visitor, :health, :schooling, :wellbeing, :findings, :at
            from foster_placement p where p.child_id = :child and p.status = :active
            on conflict (task_id) do nothing""")
        .param("id", id).param("task", taskId).param("on", Date.valueOf(visitedOn)).param("visitor", visitor)
        .param("health", seen.health()).param("schooling", seen.schooling()).param("wellbeing", seen.wellbeing())
        .param("findings", seen.findings()).param("at", Timestamp.from(clock.instant())).param("child", childId)
        .param("active", FosterPlacementStatus.ACTIVE.name())
        .update();
    if (recorded > 0) {
      audit.record(AuditAction.CREATE, "FOSTER_VISIT", id, List.of("visitedOn", "observations"), null);
    }
  }

  /** The visits of a placement, latest first. */
  List<Visit> ofPlacement(UUID placementId) {
    return jdbc.sql("select * from foster_visit where placement_id = :id order by visited_on desc, recorded_at desc")
        .param("id", placementId)
        .query((rs, row) -> new Visit(rs.getObject("id", UUID.class), rs.getObject("visited_on", LocalDate.class),
            rs.getString("visitor"), rs.getString("health"), rs.getString("schooling"), rs.getString("wellbeing"),
            rs.getString("findings"), photos(rs.getObject("id", UUID.class))))
        .list();
  }

  /** A photo of the visit, kept as a document on the child's file (一人一档) and linked to the visit. */
  @Transactional
  ChildView.Document addPhoto(FosterPlacements.Placement placement, UUID visitId, MultipartFile file) {
    boolean ofPlacement = jdbc.sql("select count(*) from foster_visit where id = :visit and placement_id = :placement")
        .param("visit", visitId).param("placement", placement.id()).query(Long.class).single() > 0;
    if (!ofPlacement) {
      throw new NotFoundException("foster visit " + visitId);
    }
    ChildView.Document document = children.addDocument(placement.childId(), ChildDocumentType.PHOTO, file);
    jdbc.sql("insert into foster_visit_photo (visit_id, document_id) values (:visit, :document)")
        .param("visit", visitId).param("document", document.id()).update();
    return document;
  }

  private List<UUID> photos(UUID visitId) {
    return jdbc.sql("select document_id from foster_visit_photo where visit_id = :id").param("id", visitId)
        .query(UUID.class).list();
  }
}

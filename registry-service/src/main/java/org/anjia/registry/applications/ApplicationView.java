package org.anjia.registry.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as its family and the staff see it: status, history, reasons, documents. */
public record ApplicationView(
    UUID id,
    String number,
    ApplicationType type,
    String institutionCode,
    String institutionName,
    boolean sealed,
    ApplicationStatus status,
    String statusLabel,
    Instant submittedAt,
    Instant decidedAt,
    FamilySummary family,
    List<HistoryEntry> history,
    List<RejectionReason> rejectionReasons,
    List<DocumentView> documents,
    /** The document types that may be uploaded to this application (its journey's list). */
    List<DocumentType> uploadTypes,
    /** Why the application comes first (the child's foster family, 家庭寄养管理办法 art. 23); null when none. */
    String priority) {

  public record FamilySummary(UUID id, String displayName, String address, List<MemberSummary> members) {}

  public record MemberSummary(String name, String role, String roleLabel, int age) {}

  /**
   * actor: who, as people read it ("南昌市儿童福利院 社工 张敏", "本家庭", "系统"), never a login name;
   * byYou: the reader did this step (a spouse confirms only what the other adult submitted).
   */
  public record HistoryEntry(ApplicationStatus status, String statusLabel, Instant at, String actor, boolean byYou,
      String note) {}

  /** {@code uploadedByStaff}: staff uploaded it on the family's behalf. */
  public record DocumentView(UUID id, DocumentType type, String typeLabel, String fileName, long size, String sha256,
      String uploadedBy, boolean uploadedByStaff, Instant uploadedAt) {}
}

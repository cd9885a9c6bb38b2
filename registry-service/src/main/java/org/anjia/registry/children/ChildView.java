package org.anjia.registry.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A child's file as the pages show it. */
public record ChildView(
    UUID id,
    /** 档案编号, what people read and write; the id stays the key in URLs and the API. */
    String fileNumber,
    String institutionCode,
    String institutionName,
    ChildRecord record,
    String categoryLabel,
    String admissionReasonLabel,
    int age,
    PlacementKind currentPlacement,
    AdoptionStatus adoptionStatus,
    String adoptionStatusNote,
    LocalDate dischargedOn,
    String dischargeReason,
    boolean sealed,
    List<UUID> siblings,
    List<Placement> placements) {

  public record Placement(UUID id, PlacementKind kind, LocalDate startedOn, LocalDate endedOn, String endReason,
      String household, String reference, UUID fosterPlacementId) {}

  /** actor: who, as people read it ("南昌市儿童福利院 社工 张敏"), never a login name. */
  public record Change(long id, Instant changedAt, String actor, String field, String oldValue, String newValue) {}

  public record Document(UUID id, ChildDocumentType type, String typeLabel, String fileName, long size, String sha256,
      String uploadedBy, Instant uploadedAt) {}
}

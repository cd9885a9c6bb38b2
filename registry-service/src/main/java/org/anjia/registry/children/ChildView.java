package org.anjia.registry.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A child's file as the pages show it. */
public record ChildView(
    UUID id,
    String institutionCode,
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

  public record Change(long id, Instant changedAt, String actor, String field, String oldValue, String newValue) {}

  public record Document(UUID id, ChildDocumentType type, String typeLabel, String fileName, long size, String sha256,
      String uploadedBy, Instant uploadedAt) {}
}

package org.anjia.registry.children;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.UUID;

/** A period of the child's life in one placement; ended, never deleted. */
@Entity
class ChildPlacement {

  @Id
  private UUID id;
  @ManyToOne
  @JoinColumn(name = "child_id")
  private Child child;
  @Enumerated(EnumType.STRING)
  private PlacementKind kind;
  private LocalDate startedOn;
  private LocalDate endedOn;
  private String endReason;
  private String household;
  private String reference;
  /** The foster placement of the journey (家庭寄养安置) this period came from; null for other kinds. */
  private UUID fosterPlacementId;

  protected ChildPlacement() {}

  ChildPlacement(Child child, PlacementKind kind, LocalDate startedOn, String household, String reference,
      UUID fosterPlacementId) {
    this.id = UUID.randomUUID();
    this.child = child;
    this.kind = kind;
    this.startedOn = startedOn;
    this.household = household;
    this.reference = reference;
    this.fosterPlacementId = fosterPlacementId;
  }

  void end(LocalDate on, String reason) {
    endedOn = on;
    endReason = reason;
  }

  boolean isCurrent() {
    return endedOn == null;
  }

  ChildView.Placement view() {
    return new ChildView.Placement(id, kind, startedOn, endedOn, endReason, household, reference, fosterPlacementId);
  }

  PlacementKind getKind() {
    return kind;
  }

  UUID getFosterPlacementId() {
    return fosterPlacementId;
  }

  LocalDate getStartedOn() {
    return startedOn;
  }
}

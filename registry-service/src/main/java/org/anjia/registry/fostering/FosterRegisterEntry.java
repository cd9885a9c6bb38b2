package org.anjia.registry.fostering;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A family in the foster register (寄养家庭名册), approved on a day and valid until another. */
@Entity
class FosterRegisterEntry {

  @Id
  private UUID id;
  private UUID familyId;
  private UUID applicationId;
  private String primaryCaregiver;
  private BigDecimal trainingHours;
  private LocalDate approvedOn;
  private LocalDate expiresOn;
  private Instant createdAt;

  protected FosterRegisterEntry() {}

  FosterRegisterEntry(UUID familyId, UUID applicationId, String primaryCaregiver, BigDecimal trainingHours,
      LocalDate approvedOn, LocalDate expiresOn, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.familyId = familyId;
    this.applicationId = applicationId;
    this.primaryCaregiver = primaryCaregiver;
    this.trainingHours = trainingHours;
    this.approvedOn = approvedOn;
    this.expiresOn = expiresOn;
    this.createdAt = createdAt;
  }

  UUID getId() {
    return id;
  }
}

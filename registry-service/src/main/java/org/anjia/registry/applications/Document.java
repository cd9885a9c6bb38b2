package org.anjia.registry.applications;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.anjia.registry.documents.StoredFile;

/** A supporting document of an application. */
@Entity
public class Document {

  @Id
  private UUID id;
  private UUID applicationId;
  @Enumerated(EnumType.STRING)
  private DocumentType type;
  @Embedded
  private StoredFile file;
  /** The account that uploaded it; null for the registration's own certificates. */
  private String uploadedBy;
  /** Uploaded by staff (on the family's behalf), not by the family. */
  private boolean uploadedByStaff;
  private Instant uploadedAt;

  protected Document() {}

  Document(UUID applicationId, DocumentType type, StoredFile file, String uploadedBy, boolean uploadedByStaff,
      Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.applicationId = applicationId;
    this.type = type;
    this.file = file;
    this.uploadedBy = uploadedBy;
    this.uploadedByStaff = uploadedByStaff;
    this.uploadedAt = uploadedAt;
  }

  public UUID getId() {
    return id;
  }

  public UUID getApplicationId() {
    return applicationId;
  }

  public DocumentType getType() {
    return type;
  }

  public StoredFile getFile() {
    return file;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public boolean isUploadedByStaff() {
    return uploadedByStaff;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}

package org.anjia.registry.applications;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.documents.StoredFile;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.Role;

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
  /** Who uploaded it (the login for the audit trail, the rest for people); null for issued certificates. */
  private String uploadedBy;
  private String uploadedByName;
  @Enumerated(EnumType.STRING)
  private Role uploadedByRole;
  private String uploadedByUnit;
  /** Uploaded by staff (on the family's behalf), not by the family. */
  private boolean uploadedByStaff;
  private Instant uploadedAt;

  protected Document() {}

  Document(UUID applicationId, DocumentType type, StoredFile file, Actor uploader, boolean uploadedByStaff,
      Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.applicationId = applicationId;
    this.type = type;
    this.file = file;
    if (uploader != null) {
      this.uploadedBy = uploader.login();
      this.uploadedByName = uploader.name();
      this.uploadedByRole = uploader.role();
      this.uploadedByUnit = uploader.unit();
    }
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

  public Optional<Actor> getUploader() {
    return Optional.ofNullable(uploadedBy).map(login -> new Actor(login, uploadedByRole, uploadedByName, uploadedByUnit));
  }

  public boolean isUploadedByStaff() {
    return uploadedByStaff;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}

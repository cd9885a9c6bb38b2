package org.anjia.registry.children;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.anjia.registry.documents.StoredFile;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.Role;

/** A document on a child's file; added, never replaced or removed (child_document is append-only). */
@Entity
class ChildDocument {

  @Id
  private UUID id;
  private UUID childId;
  @Enumerated(EnumType.STRING)
  private ChildDocumentType type;
  @Embedded
  private StoredFile file;
  /** Who uploaded it: the login for the audit trail, the rest for people. */
  private String uploadedBy;
  private String uploadedByName;
  @Enumerated(EnumType.STRING)
  private Role uploadedByRole;
  private String uploadedByUnit;
  private Instant uploadedAt;

  protected ChildDocument() {}

  ChildDocument(UUID childId, ChildDocumentType type, StoredFile file, Actor uploader, Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.childId = childId;
    this.type = type;
    this.file = file;
    this.uploadedBy = uploader.login();
    this.uploadedByName = uploader.name();
    this.uploadedByRole = uploader.role();
    this.uploadedByUnit = uploader.unit();
    this.uploadedAt = uploadedAt;
  }

  UUID getId() {
    return id;
  }

  UUID getChildId() {
    return childId;
  }

  ChildDocumentType getType() {
    return type;
  }

  StoredFile getFile() {
    return file;
  }

  Actor getUploader() {
    return new Actor(uploadedBy, uploadedByRole, uploadedByName, uploadedByUnit);
  }

  Instant getUploadedAt() {
    return uploadedAt;
  }
}

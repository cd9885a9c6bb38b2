package org.anjia.registry.children;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.anjia.registry.documents.StoredFile;

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
  private String uploadedBy;
  private Instant uploadedAt;

  protected ChildDocument() {}

  ChildDocument(UUID childId, ChildDocumentType type, StoredFile file, String uploadedBy, Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.childId = childId;
    this.type = type;
    this.file = file;
    this.uploadedBy = uploadedBy;
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

  String getUploadedBy() {
    return uploadedBy;
  }

  Instant getUploadedAt() {
    return uploadedAt;
  }
}

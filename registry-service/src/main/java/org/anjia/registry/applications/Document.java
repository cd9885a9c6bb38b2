package org.anjia.registry.applications;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A supporting document, stored with its checksum so later tampering or corruption shows. */
@Entity
public class Document {

  @Id
  private UUID id;
  private UUID applicationId;
  @Enumerated(EnumType.STRING)
  private DocumentType type;
  private String fileName;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  @Basic(fetch = FetchType.LAZY)
  @Column(columnDefinition = "bytea")
  private byte[] content;
  private Instant uploadedAt;

  protected Document() {}

  Document(UUID applicationId, DocumentType type, String fileName, String contentType, byte[] content, String sha256,
      Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.applicationId = applicationId;
    this.type = type;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
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

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public byte[] getContent() {
    return content;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}

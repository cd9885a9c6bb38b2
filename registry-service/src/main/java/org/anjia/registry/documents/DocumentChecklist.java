package org.anjia.registry.documents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The documents a check requires of one case, each with the files stored for it: what the task page
 * lists (present / missing, each file to open) and what a completion that declares the documents
 * complete is held to. A document counts as present only with a stored file; nobody's tick does.
 *
 * @param article the rule that requires these documents, as the user reads it
 */
public record DocumentChecklist(String article, List<Required> documents) {

  /** One required kind of document ({@code type}: the enum name of the case's document type). */
  public record Required(String type, String label, List<File> files) {

    @JsonProperty("present")
    public boolean present() {
      return !files.isEmpty();
    }
  }

  /**
   * A stored file: {@code href} opens it (every download is audited); {@code byStaff} when staff
   * uploaded it, on the family's behalf or for the institution's own file.
   */
  public record File(UUID id, String fileName, String href, String uploadedBy, boolean byStaff, Instant uploadedAt) {}

  public List<Required> missing() {
    return documents.stream().filter(document -> !document.present()).toList();
  }
}

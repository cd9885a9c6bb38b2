package org.anjia.registry.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an uploaded document must be before anything is stored: not empty, not larger than
 * {@code anjia.documents.max-size}, of an accepted type (scans, photos and PDFs, as
 * {@code anjia.documents.content-types} lists them). A refusal names the field {@code file}.
 */
@Component
public class Uploads {

  /** Longest file name the document tables hold. */
  private static final int MAX_NAME = 255;

  /**
   * @param maxSize the largest document accepted; below the servlet's multipart limit, so a page
   *     gets a message next to its file field rather than a bare 413
   * @param contentTypes the accepted media types
   */
  @ConfigurationProperties("anjia.documents")
  record Rules(DataSize maxSize, List<MediaType> contentTypes) {}

  private final Rules rules;
  private final Labels labels;

  Uploads(Rules rules, Labels labels) {
    this.rules = rules;
    this.labels = labels;
  }

  public StoredFile accept(MultipartFile file) {
    if (file.isEmpty()) {
      throw refused("anjia.validation.emptyFile");
    }
    if (file.getSize() > rules.maxSize().toBytes()) {
      throw refused("anjia.validation.fileTooLarge", rules.maxSize().toMegabytes() + " MB");
    }
    MediaType type = accepted(file.getContentType());
    if (type == null) {
      throw refused("anjia.validation.fileType", rules.contentTypes().stream()
          .map(t -> t.getSubtype().toUpperCase(Locale.ROOT)).collect(Collectors.joining(" / ")));
    }
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
        ? "document" : file.getOriginalFilename();
    if (name.length() > MAX_NAME) {
      throw refused("anjia.validation.fileName", MAX_NAME);
    }
    try {
      return new StoredFile(name, type.toString(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The declared type without parameters, if it is one of the accepted ones. */
  private MediaType accepted(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    try {
      MediaType type = MediaType.parseMediaType(declared);
      return rules.contentTypes().stream().filter(t -> t.equalsTypeAndSubtype(type)).findFirst().orElse(null);
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  private InvalidInputException refused(String code, Object... args) {
    return new InvalidInputException(List.of(new FieldProblem("file", labels.of(code, args))));
  }
}

package org.anjia.registry.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * {@code anjia.documents.content-types} lists them) whose first bytes are that type's signature, so
 * a text or program renamed {@code .pdf} is refused whatever its name or declared type says. A refusal
 * names the field {@code file}.
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
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Signature.matches(type, content)) {
      throw refused("anjia.validation.fileContent", type.getSubtype().toUpperCase(Locale.ROOT));
    }
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
        ? "document" : file.getOriginalFilename();
    if (name.length() > MAX_NAME) {
      throw refused("anjia.validation.fileName", MAX_NAME);
    }
    return new StoredFile(name, type.toString(), content);
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

  /** The leading bytes each accepted type starts with (its "magic number"). */
  private enum Signature {
    PDF("pdf", 0, "%PDF-".getBytes(StandardCharsets.US_ASCII)),
    JPEG("jpeg", 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("png", 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    TIFF_INTEL("tiff", 0, new byte[] {'I', 'I', '*', 0}),
    TIFF_MOTOROLA("tiff", 0, new byte[] {'M', 'M', 0, '*'}),
    // ISO base media file: a box size, then "ftyp" (the brand that follows varies: heic, mif1, ...)
    HEIC("heic", 4, "ftyp".getBytes(StandardCharsets.US_ASCII));

    private final String subtype;
    private final int offset;
    private final byte[] bytes;

    Signature(String subtype, int offset, byte[] bytes) {
      this.subtype = subtype;
      this.offset = offset;
      this.bytes = bytes;
    }

    /** Whether the content starts as the type says; a type with no known signature is refused. */
    static boolean matches(MediaType type, byte[] content) {
      for (Signature s : values()) {
        if (s.subtype.equalsIgnoreCase(type.getSubtype()) && s.startsIn(content)) {
          return true;
        }
      }
      return false;
    }

    private boolean startsIn(byte[] content) {
      return content.length >= offset + bytes.length
          && Arrays.equals(content, offset, offset + bytes.length, bytes, 0, bytes.length);
    }
  }

  private InvalidInputException refused(String code, Object... args) {
    return new InvalidInputException(List.of(new FieldProblem("file", labels.of(code, args))));
  }
}

package org.anjia.registry.applications;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ApplicationController {

  private final Applications applications;

  ApplicationController(Applications applications) {
    this.applications = applications;
  }

  @GetMapping("/api/applications/{id}")
  ApplicationView application(@PathVariable UUID id) {
    return applications.view(id);
  }

  @PostMapping(path = "/api/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationView.DocumentView upload(@PathVariable UUID id, @RequestParam DocumentType type,
      @RequestParam MultipartFile file) {
    return applications.addDocument(id, type, file);
  }

  @GetMapping("/api/documents/{id}/content")
  ResponseEntity<byte[]> content(@PathVariable UUID id) {
    Document document = applications.document(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.getFileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build().toString())
        .header("X-Content-SHA256", document.getSha256())
        .body(document.getContent());
  }
}

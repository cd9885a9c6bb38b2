package org.anjia.registry.applications;

import java.util.UUID;
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

  /** A sealed record is read only with a stated reason ({@code reason}), which the audit log keeps. */
  @GetMapping("/api/applications/{id}")
  ApplicationView application(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return applications.read(id, reason);
  }

  @PostMapping("/api/applications/{id}/seal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void seal(@PathVariable UUID id, @RequestParam String reason) {
    applications.seal(id, reason);
  }

  record AssessorAssignment(@jakarta.validation.constraints.NotBlank String assessor) {}

  @PostMapping("/api/applications/{id}/assessors")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void assignAssessor(@PathVariable UUID id,
      @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody AssessorAssignment assignment) {
    applications.assignAssessor(id, assignment.assessor());
  }

  @GetMapping("/api/portal/applications")
  java.util.List<ApplicationView> myApplications() {
    return applications.mine();
  }

  @PostMapping(path = "/api/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationView.DocumentView upload(@PathVariable UUID id, @RequestParam DocumentType type,
      @RequestParam MultipartFile file) {
    return applications.addDocument(id, type, file);
  }

  @GetMapping("/api/documents/{id}/content")
  ResponseEntity<byte[]> content(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return applications.document(id, reason).getFile().download();
  }
}

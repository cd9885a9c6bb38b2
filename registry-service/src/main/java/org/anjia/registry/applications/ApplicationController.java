package org.anjia.registry.applications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
class ApplicationController {

  private final Applications applications;
  private final AssessorAssignments assessors;

  ApplicationController(Applications applications, AssessorAssignments assessors) {
    this.applications = applications;
    this.assessors = assessors;
  }

  /** A sealed record is read only with a stated reason ({@code reason}), which the audit log keeps. */
  @GetMapping("/api/applications/{id}")
  ApplicationView application(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return applications.read(id, reason);
  }

  /** The registrar seals the record (民法典 art. 1110: 收养人、送养人要求保守收养秘密的); the reason goes to the audit log. */
  @PostMapping("/api/applications/{id}/seal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void seal(@PathVariable UUID id, @RequestParam @NotBlank @Size(max = 500) String reason) {
    applications.seal(id, reason);
  }

  record AssessorAssignment(@NotBlank @Size(max = 200) String assessor) {}

  /** Who assesses the case, and whom the caller may assign (the jurisdiction's assessors, as Keycloak lists them). */
  @GetMapping("/api/applications/{id}/assessors")
  AssessorAssignments.Assessors assessors(@PathVariable UUID id) {
    return assessors.of(id);
  }

  @PostMapping("/api/applications/{id}/assessors")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void assignAssessor(@PathVariable UUID id, @Valid @RequestBody AssessorAssignment assignment) {
    assessors.assign(id, assignment.assessor());
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

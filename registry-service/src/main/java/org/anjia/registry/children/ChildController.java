package org.anjia.registry.children;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ChildController {

  record PlacementRequest(@NotNull PlacementKind kind, @NotNull LocalDate from, @Size(max = 200) String household,
      @Size(max = 100) String reference) {}

  record SiblingRequest(@NotNull UUID siblingId) {}

  private final Children children;

  ChildController(Children children) {
    this.children = children;
  }

  @PostMapping("/api/children")
  ResponseEntity<ChildView> admit(@Valid @RequestBody ChildRecord record) {
    ChildView child = children.admit(record);
    return ResponseEntity.created(URI.create("/api/children/" + child.id())).body(child);
  }

  @GetMapping("/api/children")
  List<ChildView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return children.list(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))).getContent();
  }

  @GetMapping("/api/children/{id}")
  ChildView read(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return children.read(id, reason);
  }

  @PutMapping("/api/children/{id}")
  ChildView update(@PathVariable UUID id, @Valid @RequestBody ChildRecord record) {
    return children.update(id, record);
  }

  @GetMapping("/api/children/{id}/history")
  List<ChildView.Change> history(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return children.history(id, reason);
  }

  @PostMapping("/api/children/{id}/placements")
  ChildView place(@PathVariable UUID id, @Valid @RequestBody PlacementRequest request) {
    return children.place(id, request.kind(), request.from(), request.household(), request.reference());
  }

  @PostMapping(path = "/api/children/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ChildView.Document upload(@PathVariable UUID id, @RequestParam ChildDocumentType type,
      @RequestParam MultipartFile file) {
    return children.addDocument(id, type, file);
  }

  @GetMapping("/api/children/{id}/documents")
  List<ChildView.Document> documents(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return children.documents(id, reason);
  }

  /** A sealed file's document is read only with a stated reason ({@code reason}), which the audit log keeps. */
  @GetMapping("/api/children/{id}/documents/{documentId}/content")
  ResponseEntity<byte[]> documentContent(@PathVariable UUID id, @PathVariable UUID documentId,
      @RequestParam(required = false) String reason) {
    return children.document(id, documentId, reason).download();
  }

  record ClaimRequest(@jakarta.validation.constraints.NotBlank @Size(max = 2000) String note) {}

  /** 送养: start placing the child for adoption (caseworker of the child's institution). */
  @PostMapping("/api/children/{id}/adoption-placement")
  ChildView requestAdoptionPlacement(@PathVariable UUID id) {
    return children.requestAdoptionPlacement(id);
  }

  /** Birth parents came forward during the public notice (registrar of the jurisdiction). */
  @PostMapping("/api/children/{id}/birth-parent-claim")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void birthParentClaim(@PathVariable UUID id, @Valid @RequestBody ClaimRequest request) {
    children.recordBirthParentClaim(id, request.note());
  }

  /**
   * 寻根回访: an adoptee's visit to the institution (caseworker or director of the institution); 201 for a new
   * visit, 200 with the earlier one when the same Idempotency-Key comes again.
   */
  @PostMapping("/api/children/{id}/root-seeking-visits")
  ResponseEntity<RootSeekingVisit> recordRootSeekingVisit(@PathVariable UUID id,
      @Valid @RequestBody RootSeekingVisit.Input visit,
      @RequestHeader(name = "Idempotency-Key", required = false) String requestKey) {
    return answer(children.recordRootSeekingVisit(id, visit, requestKey));
  }

  /** The same for a file named by its number: the sealed file of an adoptee, which its recorder may not open. */
  @PostMapping("/api/root-seeking-visits")
  ResponseEntity<RootSeekingVisit> recordRootSeekingVisitByFileNumber(
      @Valid @RequestBody RootSeekingVisit.ByFileNumber request,
      @RequestHeader(name = "Idempotency-Key", required = false) String requestKey) {
    return answer(children.recordRootSeekingVisit(request.fileNumber(), request.visit(), requestKey));
  }

  private static ResponseEntity<RootSeekingVisit> answer(Children.RecordedVisit recorded) {
    return recorded.repeated() ? ResponseEntity.ok(recorded.visit())
        : ResponseEntity.status(HttpStatus.CREATED).body(recorded.visit());
  }

  @GetMapping("/api/children/{id}/root-seeking-visits")
  List<RootSeekingVisit> rootSeekingVisits(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return children.rootSeekingVisits(id, reason);
  }

  @PostMapping("/api/children/{id}/siblings")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void linkSibling(@PathVariable UUID id, @Valid @RequestBody SiblingRequest request) {
    children.linkSiblings(id, request.siblingId());
  }
}

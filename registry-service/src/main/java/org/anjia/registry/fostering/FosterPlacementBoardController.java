package org.anjia.registry.fostering;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.children.ChildHearings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who sees what of the foster placements: the institution's board, the rules, the agreement and a termination notice as PDF. */
@RestController
class FosterPlacementBoardController {

  private final FosterPlacementBoard board;

  FosterPlacementBoardController(FosterPlacementBoard board) {
    this.board = board;
  }

  /** 寄养安置: the institution's register with occupancy, and its placements (the open ones, or those of a status). */
  @GetMapping("/api/foster-placements")
  FosterPlacementBoard.Board board(@RequestParam(required = false) FosterPlacementStatus status) {
    return board.board(status);
  }

  /** The numbers the matching checks (arts. 9, 11, 14, 16–17), as configured here. */
  @GetMapping("/api/foster-placement-rules")
  List<FosterPlacementBoard.Rule> rules() {
    return board.rules();
  }

  /** The child's hearings on foster care (art. 11), latest first: the consent the matching requires from 8. */
  @GetMapping("/api/children/{id}/foster-consent")
  List<ChildHearings.Hearing> consentHearings(@PathVariable UUID id) {
    return board.consentHearings(id);
  }

  /** The agreement (art. 12(5)) for the staff of the child's institution. */
  @GetMapping("/api/foster-placements/{id}/agreement.pdf")
  ResponseEntity<byte[]> agreement(@PathVariable UUID id) {
    return pdf(board.agreementForStaff(id));
  }

  /** The agreement for the family of that placement; another family's does not exist for it. */
  @GetMapping("/api/portal/foster-placements/{id}/agreement.pdf")
  ResponseEntity<byte[]> ownAgreement(@PathVariable UUID id) {
    return pdf(board.agreementForFamily(id));
  }

  /** The written notice of a terminated placement (arts. 18–19) for the staff of the child's institution. */
  @GetMapping("/api/foster-placements/{id}/termination-notice.pdf")
  ResponseEntity<byte[]> terminationNotice(@PathVariable UUID id) {
    return pdf(board.terminationNoticeForStaff(id), "解除家庭寄养关系通知书.pdf");
  }

  /** The notice for the family it is addressed to. */
  @GetMapping("/api/portal/foster-placements/{id}/termination-notice.pdf")
  ResponseEntity<byte[]> ownTerminationNotice(@PathVariable UUID id) {
    return pdf(board.terminationNoticeForFamily(id), "解除家庭寄养关系通知书.pdf");
  }

  private static ResponseEntity<byte[]> pdf(byte[] content) {
    return pdf(content, "家庭寄养协议.pdf");
  }

  /** Shown in the browser (inline), saved under its name. */
  private static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}

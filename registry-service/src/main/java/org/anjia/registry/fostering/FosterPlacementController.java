package org.anjia.registry.fostering;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.children.ChildConsentRequest;
import org.anjia.registry.children.ChildHearings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 家庭寄养安置: the caseworker's match, the child's consent, the family's signature, and who sees which placements. */
@RestController
class FosterPlacementController {

  private final FosterPlacements placements;
  private final FosterPlacementBoard board;

  FosterPlacementController(FosterPlacements placements, FosterPlacementBoard board) {
    this.placements = placements;
    this.board = board;
  }

  /** A caseworker matches a child with a family of the register (arts. 7, 9, 11, 12(5), 14). */
  @PostMapping("/api/foster-placements")
  ResponseEntity<FosterPlacements.Placement> propose(@Valid @RequestBody FosterPlacementRequest request) {
    FosterPlacements.Placement placement = placements.propose(request);
    return ResponseEntity.created(URI.create("/api/children/" + placement.childId() + "/foster-placements"))
        .body(placement);
  }

  /** 听取儿童意见 (art. 11): recorded by the caseworker who heard the child. */
  @PostMapping("/api/children/{id}/foster-consent")
  @ResponseStatus(HttpStatus.CREATED)
  ChildHearings.Hearing recordConsent(@PathVariable UUID id, @Valid @RequestBody ChildConsentRequest request) {
    return placements.recordConsent(id, request);
  }

  @GetMapping("/api/children/{id}/foster-placements")
  List<FosterPlacements.Placement> ofChild(@PathVariable UUID id) {
    return placements.ofChild(id);
  }

  @GetMapping("/api/foster-families/{id}/placements")
  List<FosterPlacements.Placement> ofFamily(@PathVariable UUID id) {
    return placements.ofFamily(id);
  }

  /** The signed-in family's foster children: name, age and care notes, not the whole file; the next visit. */
  @GetMapping("/api/portal/foster-placements")
  List<FosterPlacementBoard.OwnPlacement> own() {
    return board.own();
  }

  /** The family signs the agreement of its own placement (art. 12(5)). */
  @PostMapping("/api/portal/foster-placements/{id}/signature")
  FosterPlacements.FamilyPlacement sign(@PathVariable UUID id) {
    return placements.signByFamily(id);
  }
}

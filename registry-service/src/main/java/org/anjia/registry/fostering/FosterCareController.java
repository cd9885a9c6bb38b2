package org.anjia.registry.fostering;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.children.ChildView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A placement while the child lives with the family: visits (arts. 16–17), respite (art. 20) and
 * termination (arts. 18–19), for the institution's staff and, under /api/portal, for the family itself.
 */
@RestController
class FosterCareController {

  /** What happened during a placement, as staff read it. */
  record CareRecord(List<FosterVisitRecords.Visit> visits, List<FosterRespites.Respite> respites,
      FosterTerminations.Termination termination) {}

  /** What the family reads of it: its respites and a termination, not the caseworker's visit notes. */
  record FamilyCareRecord(List<FosterRespites.Respite> respites, FosterTerminations.Termination termination) {}

  private final FosterPlacements placements;
  private final FosterRespites respites;
  private final FosterTerminations terminations;
  private final FosterVisitRecords visits;

  FosterCareController(FosterPlacements placements, FosterRespites respites, FosterTerminations terminations,
      FosterVisitRecords visits) {
    this.placements = placements;
    this.respites = respites;
    this.terminations = terminations;
    this.visits = visits;
  }

  @GetMapping("/api/foster-placements/{id}/care-record")
  CareRecord careRecord(@PathVariable UUID id) {
    UUID placement = placements.ofStaffInstitution(id).id();
    return new CareRecord(visits.ofPlacement(placement), respites.ofPlacement(placement), terminations.of(placement).orElse(null));
  }

  /** A photo taken on a recorded visit (arts. 16–17), kept on the child's file. */
  @PostMapping(path = "/api/foster-placements/{id}/visits/{visitId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ChildView.Document addVisitPhoto(@PathVariable UUID id, @PathVariable UUID visitId, @RequestParam MultipartFile file) {
    return visits.addPhoto(placements.ofStaffInstitution(id), visitId, file);
  }

  /** The institution decides a respite itself (art. 20): it starts without a further decision. */
  @PostMapping("/api/foster-placements/{id}/respites")
  @ResponseStatus(HttpStatus.CREATED)
  FosterRespites.Respite decideRespite(@PathVariable UUID id, @Valid @RequestBody RespiteRequest request) {
    return respites.decideByInstitution(id, request);
  }

  /** The director ends the placement for a reason of arts. 18–19. */
  @PostMapping("/api/foster-placements/{id}/termination")
  FosterTerminations.Termination terminate(@PathVariable UUID id,
      @Valid @RequestBody TerminationRequest request) {
    return terminations.terminateByInstitution(id, request);
  }

  @GetMapping("/api/portal/foster-placements/{id}/care-record")
  FamilyCareRecord ownCareRecord(@PathVariable UUID id) {
    UUID placement = placements.ownedBySignedInFamily(id).id();
    return new FamilyCareRecord(respites.ofPlacement(placement), terminations.of(placement).orElse(null));
  }

  /** The family asks for a respite (art. 20); a caseworker decides. */
  @PostMapping("/api/portal/foster-placements/{id}/respite-requests")
  @ResponseStatus(HttpStatus.CREATED)
  FosterRespites.Respite requestRespite(@PathVariable UUID id, @Valid @RequestBody RespiteRequest request) {
    return respites.requestByFamily(id, request);
  }

  /** The family's written request to end the placement (arts. 18–19); the director decides. */
  @PostMapping("/api/portal/foster-placements/{id}/termination-request")
  @ResponseStatus(HttpStatus.CREATED)
  FosterTerminations.Termination requestTermination(@PathVariable UUID id,
      @Valid @RequestBody FamilyTerminationRequest request) {
    return terminations.requestByFamily(id, request);
  }
}

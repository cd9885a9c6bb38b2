package org.anjia.registry.adoption;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.Submissions;
import org.anjia.registry.children.AdoptableChild;
import org.anjia.registry.children.ChildConsentRequest;
import org.anjia.registry.children.ChildHearings;
import org.anjia.registry.children.Children;
import org.anjia.registry.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdoptionController {

  private final AdoptionApplications adoptions;
  private final AdoptionDissolutions dissolutions;
  private final AdoptionJourney journey;
  private final Applications applications;
  private final Submissions submissions;
  private final ChildConsents childConsents;
  private final Children children;

  AdoptionController(AdoptionApplications adoptions, AdoptionDissolutions dissolutions, AdoptionJourney journey,
      Applications applications, Submissions submissions, ChildConsents childConsents, Children children) {
    this.children = children;
    this.submissions = submissions;
    this.childConsents = childConsents;
    this.adoptions = adoptions;
    this.dissolutions = dissolutions;
    this.journey = journey;
    this.applications = applications;
  }

  /** Each step with its article, what happens now, and the next deadline (the family portal's view). */
  @GetMapping("/api/applications/{id}/journey")
  AdoptionJourney.View journey(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    return journey.of(id, reason);
  }

  /** The child of the institution's link, as the adoption page names it (name, sex, age). */
  @GetMapping("/api/portal/adoptable-children/{id}")
  AdoptableChild.Introduction adoptableChild(@PathVariable UUID id) {
    return children.introduction(id).orElseThrow(() -> new NotFoundException("child " + id));
  }

  /**
   * A family applies to adopt an available child (登记办法 art. 6): 201 with the new application; 200
   * with the earlier one when the same Idempotency-Key comes again.
   */
  @PostMapping("/api/adoption-applications")
  ResponseEntity<ApplicationView> apply(@Valid @RequestBody AdoptionApplicationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String submissionKey) {
    Submissions.Outcome outcome = submissions.once(submissionKey, () -> adoptions.submit(request).getId());
    return Submissions.answer(outcome, applications.read(outcome.applicationId(), null));
  }

  /** The official who heard the child records its consent or refusal (民法典 art. 1104). */
  @PostMapping("/api/applications/{id}/child-consent")
  @ResponseStatus(HttpStatus.CREATED)
  ChildHearings.Hearing hearChild(@PathVariable UUID id, @Valid @RequestBody ChildConsentRequest request) {
    return childConsents.record(id, request);
  }

  /** Every hearing of the child, latest first. */
  @GetMapping("/api/applications/{id}/child-consent")
  List<ChildHearings.Hearing> childHearings(@PathVariable UUID id) {
    return childConsents.of(id);
  }

  /** The spouse confirms the joint application (民法典 art. 1101). */
  @PostMapping("/api/portal/applications/{id}/confirm")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void confirm(@PathVariable UUID id) {
    adoptions.confirmBySpouse(id);
  }

  /** The adopters apply to register an agreed dissolution (民法典 arts. 1114–1116; 登记办法 art. 10). */
  @PostMapping("/api/portal/applications/{id}/dissolution")
  ResponseEntity<ApplicationView> requestDissolution(@PathVariable UUID id,
      @Valid @RequestBody AdoptionDissolutionRequest request) {
    dissolutions.request(id, request);
    return ResponseEntity.status(HttpStatus.CREATED).body(applications.read(id, null));
  }
}

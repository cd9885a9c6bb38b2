package org.anjia.registry.fostering;

import jakarta.validation.Valid;
import java.util.List;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.Submissions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FosterApplicationController {

  private final FosterApplications fosterApplications;
  private final Applications applications;
  private final FosterRegister register;
  private final Submissions submissions;

  FosterApplicationController(FosterApplications fosterApplications, Applications applications,
      FosterRegister register, Submissions submissions) {
    this.fosterApplications = fosterApplications;
    this.applications = applications;
    this.register = register;
    this.submissions = submissions;
  }

  /** A family applies to become a foster family (寄养办法 art. 12(1)); the process starts from here. */
  /** 201 with the new application; 200 with the earlier one when the same Idempotency-Key comes again. */
  @PostMapping("/api/foster-applications")
  ResponseEntity<ApplicationView> submit(@Valid @RequestBody FosterApplicationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String submissionKey) {
    Submissions.Outcome outcome = submissions.once(submissionKey, () -> fosterApplications.submit(request).getId());
    return Submissions.answer(outcome, applications.read(outcome.applicationId(), null));
  }

  /** 寄养家庭名册 for staff, within their scope. */
  @GetMapping("/api/foster-register")
  List<FosterRegister.Entry> fosterRegister() {
    return register.entries();
  }

  /** The signed-in family's own approval: approved on, valid until (the portal shows it). */
  @GetMapping("/api/portal/foster-register")
  List<FosterRegister.Entry> ownFosterApproval() {
    return register.ownEntries();
  }
}

package org.anjia.registry.fostering;

import jakarta.validation.Valid;
import java.net.URI;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.Applications;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FosterApplicationController {

  private final FosterApplications fosterApplications;
  private final Applications applications;
  private final FosterRegister register;

  FosterApplicationController(FosterApplications fosterApplications, Applications applications,
      FosterRegister register) {
    this.fosterApplications = fosterApplications;
    this.applications = applications;
    this.register = register;
  }

  /** A family applies to become a foster family (寄养办法 art. 12(1)); the process starts from here. */
  @PostMapping("/api/foster-applications")
  ResponseEntity<ApplicationView> submit(@Valid @RequestBody FosterApplicationRequest request) {
    Application application = fosterApplications.submit(request);
    return ResponseEntity.created(URI.create("/api/applications/" + application.getId()))
        .body(applications.read(application.getId(), null));
  }

  @GetMapping("/api/foster-register")
  java.util.List<FosterRegister.Entry> fosterRegister() {
    return register.entries();
  }
}

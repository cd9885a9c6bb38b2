package org.anjia.registry.adoption;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.Applications;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdoptionController {

  private final AdoptionApplications adoptions;
  private final Applications applications;

  AdoptionController(AdoptionApplications adoptions, Applications applications) {
    this.adoptions = adoptions;
    this.applications = applications;
  }

  /** A family applies to adopt an available child (登记办法 art. 6). */
  @PostMapping("/api/adoption-applications")
  ResponseEntity<ApplicationView> apply(@Valid @RequestBody AdoptionApplicationRequest request) {
    Application application = adoptions.submit(request);
    return ResponseEntity.created(URI.create("/api/applications/" + application.getId()))
        .body(applications.read(application.getId(), null));
  }

  /** The spouse confirms the joint application (民法典 art. 1101). */
  @PostMapping("/api/portal/applications/{id}/confirm")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void confirm(@PathVariable UUID id) {
    adoptions.confirmBySpouse(id);
  }
}

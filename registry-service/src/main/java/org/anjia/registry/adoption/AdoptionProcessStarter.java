package org.anjia.registry.adoption;

import java.util.Map;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.engine.ProcessMessages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The adoption journey's messages to the engine, after commit and replayed from the outbox; each
 * message id makes its delivery happen once.
 */
@Component
class AdoptionProcessStarter {

  private final ProcessMessages messages;
  private final Applications applications;
  private final AdoptionApplications adoptionApplications;
  private final AdoptionDissolutions dissolutions;

  AdoptionProcessStarter(ProcessMessages messages, Applications applications,
      AdoptionApplications adoptionApplications, AdoptionDissolutions dissolutions) {
    this.messages = messages;
    this.applications = applications;
    this.adoptionApplications = adoptionApplications;
    this.dissolutions = dissolutions;
  }

  @ApplicationModuleListener
  void on(AdoptionApplicationSubmitted event) {
    Application application = applications.get(event.applicationId());
    String key = application.getId().toString();
    messages.publish(AdoptionProcess.SUBMITTED_MESSAGE, key, key, adoptionApplications.startVariables(application));
  }

  /** Starts adoption-dissolution.bpmn; its correlation key allows one open dissolution per adoption. */
  @ApplicationModuleListener
  void on(AdoptionDissolutionRequested event) {
    Map<String, Object> variables = dissolutions.startVariables(event.dissolutionId());
    messages.publish(AdoptionProcess.DISSOLUTION_MESSAGE, (String) variables.get(AdoptionProcess.APPLICATION_ID),
        "dissolution-" + event.dissolutionId(), variables);
  }

  /** Ends adoption.bpmn's pending visits; ignored by the engine when that process has already ended. */
  @ApplicationModuleListener
  void on(AdoptionDissolved event) {
    String key = event.applicationId().toString();
    messages.publish(AdoptionProcess.DISSOLVED_MESSAGE, key, "dissolved-" + key, Map.of());
  }
}

package org.anjia.registry.adoption;

import java.util.Map;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.engine.ProcessMessages;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The adoption journey's messages to the engine, in the transaction of the record that causes them:
 * if the engine refuses, the record is not written either.
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

  @EventListener
  void on(AdoptionApplicationSubmitted event) {
    Application application = applications.get(event.applicationId());
    messages.start(AdoptionProcess.SUBMITTED_MESSAGE, AdoptionProcess.PROCESS_ID, application.getId().toString(),
        adoptionApplications.startVariables(application));
  }

  /** Starts adoption-dissolution.bpmn; one open dissolution per adoption. */
  @EventListener
  void on(AdoptionDissolutionRequested event) {
    Map<String, Object> variables = dissolutions.startVariables(event.dissolutionId());
    messages.start(AdoptionProcess.DISSOLUTION_MESSAGE, AdoptionProcess.DISSOLUTION_PROCESS_ID,
        (String) variables.get(AdoptionProcess.APPLICATION_ID), variables);
  }

  /** Ends adoption.bpmn's pending visits; nothing to do when that process has already ended. */
  @EventListener
  void on(AdoptionDissolved event) {
    messages.notifyIfWaiting(AdoptionProcess.DISSOLVED_MESSAGE, event.applicationId().toString());
  }
}

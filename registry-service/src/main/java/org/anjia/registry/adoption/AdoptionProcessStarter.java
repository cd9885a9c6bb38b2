package org.anjia.registry.adoption;

import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.engine.ProcessMessages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Starts adoption.bpmn after commit, replayed from the outbox; the message id makes it happen once. */
@Component
class AdoptionProcessStarter {

  private final ProcessMessages messages;
  private final Applications applications;
  private final AdoptionApplications adoptionApplications;

  AdoptionProcessStarter(ProcessMessages messages, Applications applications,
      AdoptionApplications adoptionApplications) {
    this.messages = messages;
    this.applications = applications;
    this.adoptionApplications = adoptionApplications;
  }

  @ApplicationModuleListener
  void on(AdoptionApplicationSubmitted event) {
    Application application = applications.get(event.applicationId());
    String key = application.getId().toString();
    messages.publish(AdoptionProcess.SUBMITTED_MESSAGE, key, key, adoptionApplications.startVariables(application));
  }
}

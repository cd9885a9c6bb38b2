package org.anjia.registry.fostering;

import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts the qualification process once the application is committed. Spring Modulith keeps the
 * event in its publication registry until this listener succeeds, so an engine outage or a crash
 * replays the start instead of losing it; the message id (= application id) makes a replay that
 * reaches the engine twice start one instance only.
 */
@Component
class FosterProcessStarter {

  private final ProcessMessages messages;
  private final Applications applications;
  private final FamilyRepository families;
  private final FosterApplications fosterApplications;

  FosterProcessStarter(ProcessMessages messages, Applications applications, FamilyRepository families,
      FosterApplications fosterApplications) {
    this.messages = messages;
    this.applications = applications;
    this.families = families;
    this.fosterApplications = fosterApplications;
  }

  @ApplicationModuleListener
  void on(FosterApplicationSubmitted event) {
    Application application = applications.get(event.applicationId());
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    String key = application.getId().toString();
    messages.publish(FosterQualification.SUBMITTED_MESSAGE, key, key,
        fosterApplications.startVariables(application, family));
  }
}

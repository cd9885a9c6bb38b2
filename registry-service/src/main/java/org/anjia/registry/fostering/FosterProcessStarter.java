package org.anjia.registry.fostering;

import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the qualification process in the transaction that stores the application: both are
 * written, or neither.
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

  @EventListener
  void on(FosterApplicationSubmitted event) {
    Application application = applications.get(event.applicationId());
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    messages.start(FosterQualification.SUBMITTED_MESSAGE, FosterQualification.PROCESS_ID,
        application.getId().toString(), fosterApplications.startVariables(application, family));
  }
}

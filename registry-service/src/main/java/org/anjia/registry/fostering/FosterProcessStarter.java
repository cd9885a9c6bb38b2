package org.anjia.registry.fostering;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger LOG = LoggerFactory.getLogger(FosterProcessStarter.class);
  /** Long enough for every replay of the outbox to meet the first message and be refused as a duplicate. */
  private static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(24);

  private final CamundaClient camunda;
  private final Applications applications;
  private final FamilyRepository families;
  private final FosterApplications fosterApplications;

  FosterProcessStarter(CamundaClient camunda, Applications applications, FamilyRepository families,
      FosterApplications fosterApplications) {
    this.camunda = camunda;
    this.applications = applications;
    this.families = families;
    this.fosterApplications = fosterApplications;
  }

  @ApplicationModuleListener
  void on(FosterApplicationSubmitted event) {
    Application application = applications.get(event.applicationId());
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    String key = application.getId().toString();
    try {
      camunda.newPublishMessageCommand()
          .messageName(FosterQualification.SUBMITTED_MESSAGE)
          .correlationKey(key)
          .messageId(key)
          .timeToLive(MESSAGE_TIME_TO_LIVE)
          .variables(fosterApplications.startVariables(application, family))
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      LOG.info("Start of application {} was already published; replay ignored", application.getNumber());
    }
  }
}

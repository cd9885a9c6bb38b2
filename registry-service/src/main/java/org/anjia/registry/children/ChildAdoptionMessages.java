package org.anjia.registry.children;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers the placement's messages to the engine after commit, replayed from the outbox until
 * they arrive. Message ids make a replay that reaches the engine twice count once.
 */
@Component
class ChildAdoptionMessages {

  private static final Duration TIME_TO_LIVE = Duration.ofHours(24);

  private final CamundaClient camunda;
  private final ChildRepository children;

  ChildAdoptionMessages(CamundaClient camunda, ChildRepository children) {
    this.camunda = camunda;
    this.children = children;
  }

  @ApplicationModuleListener
  void on(ChildAdoptionEvents.PlacementRequested event) {
    Child child = children.findById(event.childId()).orElseThrow();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ChildAdoptionPlacement.CHILD_ID, child.getId().toString());
    variables.put("childName", child.record().name());
    variables.put("institutionCode", child.getInstitutionCode());
    variables.put("jurisdictionCode", child.getJurisdictionCode());
    variables.put("foundling", child.getAdmissionReason() == AdmissionReason.FOUNDLING);
    publish(ChildAdoptionPlacement.REQUESTED_MESSAGE, child.getId().toString(), "placement-" + child.getId(),
        variables);
  }

  @ApplicationModuleListener
  void on(ChildAdoptionEvents.BirthParentsClaimed event) {
    publish(ChildAdoptionPlacement.CLAIMED_MESSAGE, event.childId().toString(), "claim-" + event.childId(),
        Map.of("claimNote", event.note()));
  }

  private void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    try {
      camunda.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).messageId(messageId)
          .timeToLive(TIME_TO_LIVE).variables(variables).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}

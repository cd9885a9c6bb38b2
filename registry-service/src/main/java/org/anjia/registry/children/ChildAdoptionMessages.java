package org.anjia.registry.children;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anjia.registry.engine.ProcessMessages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers the placement's messages to the engine after commit, replayed from the outbox until
 * they arrive. Message ids make a replay that reaches the engine twice count once.
 */
@Component
class ChildAdoptionMessages {

  private final ProcessMessages messages;
  private final ChildRepository children;

  ChildAdoptionMessages(ProcessMessages messages, ChildRepository children) {
    this.messages = messages;
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
    messages.publish(ChildAdoptionPlacement.REQUESTED_MESSAGE, child.getId().toString(), "placement-" + child.getId(),
        variables);
  }

  @ApplicationModuleListener
  void on(ChildAdoptionEvents.BirthParentsClaimed event) {
    messages.publish(ChildAdoptionPlacement.CLAIMED_MESSAGE, event.childId().toString(), "claim-" + event.childId(),
        Map.of("claimNote", event.note()));
  }

}

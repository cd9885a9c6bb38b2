package org.anjia.registry.children;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anjia.registry.engine.ProcessMessages;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The placement's messages to the engine, in the transaction of the change to the child's file: both
 * happen, or neither. A claim when no public notice is running is refused (409).
 */
@Component
class ChildAdoptionMessages {

  private final ProcessMessages messages;
  private final ChildRepository children;

  ChildAdoptionMessages(ProcessMessages messages, ChildRepository children) {
    this.messages = messages;
    this.children = children;
  }

  @EventListener
  void on(ChildAdoptionEvents.PlacementRequested event) {
    Child child = children.findById(event.childId()).orElseThrow();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ChildAdoptionPlacement.CHILD_ID, child.getId().toString());
    variables.put("childName", child.record().name());
    variables.put("institutionCode", child.getInstitutionCode());
    variables.put("jurisdictionCode", child.getJurisdictionCode());
    variables.put("foundling", child.getAdmissionReason() == AdmissionReason.FOUNDLING);
    messages.start(ChildAdoptionPlacement.REQUESTED_MESSAGE, ChildAdoptionPlacement.PROCESS_ID, child.getId().toString(),
        variables);
  }

  @EventListener
  void on(ChildAdoptionEvents.BirthParentsClaimed event) {
    messages.correlate(ChildAdoptionPlacement.CLAIMED_MESSAGE, event.childId().toString(),
        Map.of("claimNote", event.note()));
  }

}

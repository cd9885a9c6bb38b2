package org.anjia.registry.children;

import java.util.ArrayList;
import java.util.List;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.RequiredChoices;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The institution's materials for placing a child (登记办法 art. 7): always the admission record;
 * the police report of the found child when the birth parents cannot be found, the proof of the
 * parents' death for an orphan, the disability certificate for a disabled child. A completion of
 * 准备送养材料 without them is refused in its transaction.
 */
@Component
class PlacementMaterialRules {

  private final Children children;
  private final Labels labels;

  PlacementMaterialRules(Children children, Labels labels) {
    this.children = children;
    this.labels = labels;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!ChildAdoptionPlacement.PROCESS_ID.equals(completion.processId())
        || !"PrepareMaterials".equals(completion.elementId()) || completion.childId() == null) {
      return;
    }
    AdoptableChild child = children.adoptable(completion.childId()).orElseThrow();
    List<String> required = new ArrayList<>(List.of("admissionRecord"));
    if (child.parentsCannotBeFound()) {
      required.add("foundReport");
    }
    if (child.orphan()) {
      required.add("parentsDeathProof");
    }
    if (child.disabled()) {
      required.add("disabilityCertificate");
    }
    RequiredChoices.require(completion, "placementMaterials", required, "anjia.placement.material",
        "anjia.placement.materialsMissing", labels);
  }
}

package org.anjia.registry.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.documents.DocumentCheck;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.web.Labels;
import org.springframework.stereotype.Component;

/**
 * The institution's materials for placing a child (准备送养材料, 登记办法 art. 7), each a file on the
 * child's file: always the admission record; the police report of the found child when the birth
 * parents cannot be found, the proof of the parents' death for an orphan, the disability
 * certificate for a disabled child. 准备送养材料 completes only when each is there.
 */
@Component
class PlacementMaterials implements DocumentCheck {

  private final Children children;
  private final Labels labels;

  PlacementMaterials(Children children, Labels labels) {
    this.children = children;
    this.labels = labels;
  }

  @Override
  public boolean checks(String processId, String elementId) {
    return ChildAdoptionPlacement.PROCESS_ID.equals(processId) && "PrepareMaterials".equals(elementId);
  }

  /** The step has no refusal: completing it always says the materials are ready. */
  @Override
  public boolean declaresComplete(Map<String, Object> variables) {
    return true;
  }

  @Override
  public DocumentChecklist checklist(UUID applicationId, UUID childId) {
    return children.checklist(childId, required(children.adoptable(childId).orElseThrow()),
        labels.of("anjia.documents.article.placement"));
  }

  private static List<ChildDocumentType> required(AdoptableChild child) {
    List<ChildDocumentType> required = new ArrayList<>(List.of(ChildDocumentType.ADMISSION_RECORD));
    if (child.parentsCannotBeFound()) {
      required.add(ChildDocumentType.FOUNDLING_POLICE_REPORT);
    }
    if (child.orphan()) {
      required.add(ChildDocumentType.PARENTS_DEATH_PROOF);
    }
    if (child.disabled()) {
      required.add(ChildDocumentType.DISABILITY_CERTIFICATE);
    }
    return required;
  }
}

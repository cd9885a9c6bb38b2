package org.anjia.registry.adoption;

import java.util.ArrayList;
import java.util.List;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.children.AdoptableChild;
import org.anjia.registry.children.Children;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.RequiredChoices;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The registrar may accept an adoption application's documents as complete only with every
 * document of 登记办法 art. 6 ticked; for a child whose birth parents cannot be found also the
 * adopters' 生育情况证明. Checked in the completion's transaction, so nothing reaches the engine.
 */
@Component
class AdoptionDocumentRules {

  static final List<String> ARTICLE_6 = List.of("applicationForm", "hukouBook", "idCard", "maritalAndCapacityProof",
      "childrenStatement", "healthCertificate");
  static final String BIRTH_STATUS_PROOF = "birthStatusProof";

  private final Applications applications;
  private final Children children;
  private final Labels labels;

  AdoptionDocumentRules(Applications applications, Children children, Labels labels) {
    this.applications = applications;
    this.children = children;
    this.labels = labels;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!AdoptionProcess.PROCESS_ID.equals(completion.processId())
        || !"CheckAdoptionDocuments".equals(completion.elementId())
        || !"complete".equals(completion.variables().get("documentsDecision"))) {
      return;
    }
    List<String> required = new ArrayList<>(ARTICLE_6);
    AdoptableChild child = children.adoptable(applications.get(completion.applicationId()).getChildId()).orElseThrow();
    if (child.parentsCannotBeFound()) {
      required.add(BIRTH_STATUS_PROOF);
    }
    RequiredChoices.require(completion, "documentChecklist", required, "anjia.adoption.document",
        "anjia.adoption.documentsMissing", labels);
  }
}

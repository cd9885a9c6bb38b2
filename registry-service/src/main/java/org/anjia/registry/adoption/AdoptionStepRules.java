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
 * Legal rules on what a step of adoption.bpmn must record before it may complete, checked in the
 * completion's transaction, so nothing reaches the engine: the registrar accepts the documents as
 * complete only with every document of 登记办法 art. 6 ticked (for a child whose birth parents
 * cannot be found also the adopters' 生育情况证明); an assessment without a red flag covers every
 * item of 收养评估办法 art. 8 (one with a red flag of art. 11 may stop early).
 */
@Component
class AdoptionStepRules {

  static final List<String> ARTICLE_6 = List.of("applicationForm", "hukouBook", "idCard", "maritalAndCapacityProof",
      "childrenStatement", "healthCertificate");
  static final String BIRTH_STATUS_PROOF = "birthStatusProof";
  static final List<String> ARTICLE_8 = List.of("motive", "morals", "education", "health", "financesAndHousing",
      "familyRelations", "householdViews", "parentingPlan", "neighbours", "community");

  private final Applications applications;
  private final Children children;
  private final Labels labels;

  AdoptionStepRules(Applications applications, Children children, Labels labels) {
    this.applications = applications;
    this.children = children;
    this.labels = labels;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!AdoptionProcess.PROCESS_ID.equals(completion.processId())) {
      return;
    }
    Object decision = completion.variables().get("documentsDecision");
    if ("CheckAdoptionDocuments".equals(completion.elementId()) && "complete".equals(decision)) {
      List<String> required = new ArrayList<>(ARTICLE_6);
      AdoptableChild child = children.adoptable(applications.get(completion.applicationId()).getChildId()).orElseThrow();
      if (child.parentsCannotBeFound()) {
        required.add(BIRTH_STATUS_PROOF);
      }
      RequiredChoices.require(completion, "documentChecklist", required, "anjia.adoption.document",
          "anjia.adoption.documentsMissing", labels);
    }
    if ("AssessFamily".equals(completion.elementId()) && "none".equals(completion.variables().get("redFlag"))) {
      RequiredChoices.require(completion, "assessmentItems", ARTICLE_8, "anjia.adoption.assessmentItem",
          "anjia.adoption.assessmentIncomplete", labels);
    }
  }
}

package org.anjia.registry.adoption;

import java.util.List;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.RequiredChoices;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Legal rules on what a step of adoption.bpmn must record before it may complete, checked in the
 * completion's transaction, so nothing reaches the engine: an assessment without a red flag covers
 * every item of 收养评估办法 art. 8 (one with a red flag of art. 11 may stop early). The documents of
 * 登记办法 art. 6 are files, not ticks: {@link AdoptionDocuments}.
 */
@Component
class AdoptionStepRules {

  static final List<String> ARTICLE_8 = List.of("motive", "morals", "education", "health", "financesAndHousing",
      "familyRelations", "householdViews", "parentingPlan", "neighbours", "community");

  private final Labels labels;

  AdoptionStepRules(Labels labels) {
    this.labels = labels;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!AdoptionProcess.PROCESS_ID.equals(completion.processId())) {
      return;
    }
    if ("AssessFamily".equals(completion.elementId()) && "none".equals(completion.variables().get("redFlag"))) {
      RequiredChoices.require(completion, "assessmentItems", ARTICLE_8, "anjia.adoption.assessmentItem",
          "anjia.adoption.assessmentIncomplete", labels);
    }
  }
}

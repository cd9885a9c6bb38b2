package org.anjia.registry.adoption;

import java.util.Map;
import java.util.Optional;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What a completed step of adoption.bpmn means for the application, in the completion's transaction. */
@Component
class AdoptionTaskOutcomes {

  private final Applications applications;

  AdoptionTaskOutcomes(Applications applications) {
    this.applications = applications;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!AdoptionProcess.PROCESS_ID.equals(completion.processId()) || completion.applicationId() == null) {
      return;
    }
    statusAfter(completion.elementId(), completion.variables()).ifPresent(status ->
        applications.moveTo(completion.applicationId(), status, completion.actor(), null));
  }

  static Optional<ApplicationStatus> statusAfter(String elementId, Map<String, Object> variables) {
    return Optional.ofNullable(switch (elementId) {
      case "CheckAdoptionDocuments" -> "complete".equals(variables.get("documentsDecision"))
          ? ApplicationStatus.DOCUMENTS_CHECKED : null;
      case "RecordConsent" -> ApplicationStatus.ASSESSMENT_CONSENTED;
      case "AssessFamily" -> "none".equals(variables.get("redFlag")) ? ApplicationStatus.ASSESSED : null;
      case "MatchChild" -> ApplicationStatus.MATCHED;
      case "AssessIntegration" -> ApplicationStatus.INTEGRATION_ASSESSED;
      case "WriteReport" -> "recommend".equals(variables.get("conclusion")) ? ApplicationStatus.REPORTED : null;
      default -> null;
    });
  }
}

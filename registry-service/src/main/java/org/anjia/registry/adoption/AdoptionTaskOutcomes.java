package org.anjia.registry.adoption;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.AssessorAssignments;
import org.anjia.registry.engine.ProcessVariables;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What a completed step of adoption.bpmn means for the application, in the completion's transaction. */
@Component
class AdoptionTaskOutcomes {

  private final Applications applications;
  private final AssessorAssignments assessors;

  AdoptionTaskOutcomes(Applications applications, AssessorAssignments assessors) {
    this.applications = applications;
    this.assessors = assessors;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!AdoptionProcess.PROCESS_ID.equals(completion.processId()) || completion.applicationId() == null) {
      return;
    }
    if ("RecordConsent".equals(completion.elementId())) {
      // 评估办法 art. 5: at least two assessors, each one the registry knows (the jurisdiction's, in
      // Keycloak); the model reopens the consent with fewer
      List<String> names = assessors.recordConsented(completion.applicationId(),
          assessorNames(completion.variables().get("assessors")), "assessors");
      completion.derived().put("assessorNames", ProcessVariables.json(names));
      completion.derived().put("assessorCount", names.size());
    }
    statusAfter(completion.elementId(), completion.variables()).ifPresent(status ->
        applications.moveTo(completion.applicationId(), status, completion.actor(), null));
  }

  /** The distinct, non-empty names of the consent form's dynamic list of assessors. */
  static List<String> assessorNames(Object assessors) {
    if (!(assessors instanceof List<?> rows)) {
      return List.of();
    }
    return rows.stream()
        .filter(Map.class::isInstance)
        .map(row -> String.valueOf(((Map<?, ?>) row).get("name") == null ? "" : ((Map<?, ?>) row).get("name")).trim())
        .filter(name -> !name.isEmpty())
        .distinct()
        .toList();
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

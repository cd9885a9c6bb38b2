package org.anjia.registry.fostering;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a completed step of the qualification means for the application's status, recorded in the
 * same transaction as the completion. Refusals are recorded by the process's rejection step, which
 * also collects the reasons.
 */
@Component
class FosterTaskOutcomes {

  private final Applications applications;

  FosterTaskOutcomes(Applications applications) {
    this.applications = applications;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!FosterQualification.PROCESS_ID.equals(completion.processId()) || completion.applicationId() == null) {
      return;
    }
    statusAfter(completion.elementId(), completion.variables()).ifPresent(status ->
        applications.moveTo(completion.applicationId(), status, completion.actor(), note(status, completion.variables())));
  }

  static Optional<ApplicationStatus> statusAfter(String elementId, Map<String, Object> variables) {
    return Optional.ofNullable(switch (elementId) {
      case FosterQualification.CHECK_DOCUMENTS ->
          "complete".equals(variables.get(FosterQualification.DOCUMENTS_DECISION)) ? ApplicationStatus.DOCUMENTS_CHECKED : null;
      case FosterQualification.ASSESS_HOME -> ApplicationStatus.HOME_ASSESSED;
      case FosterQualification.REVIEW_BY_DIRECTOR -> switch (Objects.toString(variables.get(FosterQualification.DIRECTOR_DECISION))) {
        case "approve" -> ApplicationStatus.DIRECTOR_APPROVED;
        case "send_back" -> ApplicationStatus.SENT_BACK;
        default -> null;
      };
      case FosterQualification.TRAIN_CAREGIVER -> ApplicationStatus.TRAINED;
      default -> null;
    });
  }

  /** The director's words go into the history when the assessment is sent back, so the assessor sees why. */
  private static String note(ApplicationStatus status, Map<String, Object> variables) {
    Object comments = variables.get(FosterQualification.DIRECTOR_COMMENTS);
    return status == ApplicationStatus.SENT_BACK && comments != null ? comments.toString() : null;
  }
}

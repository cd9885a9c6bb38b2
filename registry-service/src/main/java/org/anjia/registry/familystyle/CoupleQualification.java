package org.anjia.registry.familystyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.DocumentType;
import org.anjia.registry.applications.RejectionReason;
import org.anjia.registry.documents.DocumentCheck;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.engine.ProcessVariables;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The qualification steps of family-style-qualification.bpmn as the service sees them: what a
 * completed step means for the application's status, the documents the document check requires, the
 * rejection with its reasons (bean coupleRejection), all in the transaction of the step.
 */
@Configuration(proxyBeanMethods = false)
class CoupleQualification {

  static final String DIRECTOR_SOURCE = "机构内家庭式养育 地方惯例（西宁）：机构负责人审批";
  static final String DOCUMENTS_SOURCE = "机构内家庭式养育 地方惯例（西宁）：结婚证、夫妻双方身份证和健康证明";
  static final String BACKGROUND_SOURCE = "未成年人保护法 第九十八条";

  /** 记录不予通过: idempotent, the application's rejection is recorded once. */
  @Bean
  JavaDelegate coupleRejection(Applications applications) {
    return execution -> applications.reject(ProcessVariables.caseId(execution), reasons(ProcessVariables.of(execution)),
        Actor.system());
  }

  /** Why the couple was refused: the latest refusing step, or the unmet rules of the DMN. */
  static List<RejectionReason> reasons(Map<String, Object> variables) {
    if ("reject".equals(variables.get(CoupleProcess.DIRECTOR_DECISION))) {
      return List.of(new RejectionReason("DIRECTOR_APPROVAL", DIRECTOR_SOURCE,
          text(variables.get(CoupleProcess.DIRECTOR_COMMENTS), "机构负责人未予批准")));
    }
    List<RejectionReason> background = new ArrayList<>();
    if ("found".equals(variables.get(CoupleProcess.APPLICANT_RECORD))) {
      background.add(new RejectionReason("APPLICANT_RECORD", BACKGROUND_SOURCE, "申请人违法犯罪记录查询结果为有记录"));
    }
    if ("found".equals(variables.get(CoupleProcess.SPOUSE_RECORD))) {
      background.add(new RejectionReason("SPOUSE_RECORD", BACKGROUND_SOURCE, "配偶违法犯罪记录查询结果为有记录"));
    }
    if (!background.isEmpty()) {
      return background;
    }
    if ("reject".equals(variables.get(CoupleProcess.DOCUMENTS_DECISION))) {
      return List.of(new RejectionReason("DOCUMENTS", DOCUMENTS_SOURCE,
          text(variables.get(CoupleProcess.DOCUMENTS_NOTES), "申请材料不符合要求")));
    }
    if (variables.get(CoupleProcess.ELIGIBILITY_VIOLATIONS) instanceof List<?> violations && !violations.isEmpty()) {
      return violations.stream().map(Map.class::cast)
          .map(v -> new RejectionReason(text(v.get("rule"), ""), text(v.get("article"), ""), text(v.get("reason"), "")))
          .toList();
    }
    throw new IllegalStateException("Rejected without a reason: no refusing decision in " + variables.keySet());
  }

  private static String text(Object value, String fallback) {
    String text = Objects.toString(value, "").trim();
    return text.isEmpty() ? fallback : text;
  }

  /** The application's status after a completed step, in the completion's transaction. */
  @Component
  static class CoupleTaskOutcomes {

    private final Applications applications;

    CoupleTaskOutcomes(Applications applications) {
      this.applications = applications;
    }

    @EventListener
    void on(TaskCompletionSubmitted completion) {
      if (!CoupleProcess.PROCESS_ID.equals(completion.processId()) || completion.applicationId() == null) {
        return;
      }
      statusAfter(completion.elementId(), completion.variables()).ifPresent(status ->
          applications.moveTo(completion.applicationId(), status, completion.actor(), null));
    }

    static Optional<ApplicationStatus> statusAfter(String elementId, Map<String, Object> variables) {
      return Optional.ofNullable(switch (elementId) {
        case CoupleProcess.CHECK_DOCUMENTS ->
            "complete".equals(variables.get(CoupleProcess.DOCUMENTS_DECISION)) ? ApplicationStatus.DOCUMENTS_CHECKED : null;
        case CoupleProcess.HOME_LIFE_ASSESSMENT -> ApplicationStatus.HOME_ASSESSED;
        case CoupleProcess.TRAINING -> ApplicationStatus.TRAINED;
        case CoupleProcess.DIRECTOR_APPROVAL ->
            "approve".equals(variables.get(CoupleProcess.DIRECTOR_DECISION)) ? ApplicationStatus.DIRECTOR_APPROVED : null;
        default -> null;
      });
    }
  }

  /** 材料审核: the marriage certificate, the IDs and health certificates, each as a stored file. */
  @Component
  static class CoupleDocuments implements DocumentCheck {

    static final List<DocumentType> REQUIRED = List.of(DocumentType.MARRIAGE_CERTIFICATE, DocumentType.ID_CARD,
        DocumentType.HEALTH_CERTIFICATE);

    private final Applications applications;
    private final Labels labels;

    CoupleDocuments(Applications applications, Labels labels) {
      this.applications = applications;
      this.labels = labels;
    }

    @Override
    public boolean checks(String processId, String elementId) {
      return CoupleProcess.PROCESS_ID.equals(processId) && CoupleProcess.CHECK_DOCUMENTS.equals(elementId);
    }

    @Override
    public boolean declaresComplete(Map<String, Object> variables) {
      return "complete".equals(variables.get(CoupleProcess.DOCUMENTS_DECISION));
    }

    @Override
    public DocumentChecklist checklist(UUID applicationId, UUID childId) {
      return applications.checklist(applicationId, REQUIRED, labels.of("anjia.familyStyle.documentsSource"));
    }
  }
}

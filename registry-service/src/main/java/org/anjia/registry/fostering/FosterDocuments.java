package org.anjia.registry.fostering;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.DocumentType;
import org.anjia.registry.documents.DocumentCheck;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.web.Labels;
import org.springframework.stereotype.Component;

/**
 * 材料审核: the family's written application comes with 户口簿、身份证复印件，家庭经济收入和住房情况、
 * 家庭成员健康状况的证明，以及家庭成员一致同意寄养的意见 (家庭寄养管理办法 art. 12(1)). The caseworker
 * accepts them as complete only when each is on the application as a file.
 */
@Component
class FosterDocuments implements DocumentCheck {

  static final List<DocumentType> ARTICLE_12_1 = List.of(DocumentType.ID_CARD, DocumentType.HUKOU_BOOK,
      DocumentType.INCOME_PROOF, DocumentType.HOUSING_PROOF, DocumentType.HEALTH_CERTIFICATE,
      DocumentType.MEMBERS_CONSENT);

  private final Applications applications;
  private final Labels labels;

  FosterDocuments(Applications applications, Labels labels) {
    this.applications = applications;
    this.labels = labels;
  }

  @Override
  public boolean checks(String processId, String elementId) {
    return FosterQualification.PROCESS_ID.equals(processId) && FosterQualification.CHECK_DOCUMENTS.equals(elementId);
  }

  @Override
  public boolean declaresComplete(Map<String, Object> variables) {
    return "complete".equals(variables.get(FosterQualification.DOCUMENTS_DECISION));
  }

  @Override
  public DocumentChecklist checklist(UUID applicationId, UUID childId) {
    return applications.checklist(applicationId, ARTICLE_12_1, labels.of("anjia.documents.article.foster"));
  }
}

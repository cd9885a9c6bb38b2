package org.anjia.registry.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.DocumentType;
import org.anjia.registry.children.Children;
import org.anjia.registry.documents.DocumentCheck;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.web.Labels;
import org.springframework.stereotype.Component;

/**
 * 审查申请材料: what the adopters submit (中国公民收养子女登记办法 art. 6): 收养申请书、户口簿和居民身份证、
 * 婚姻状况和抚养教育被收养人能力等情况的证明、有无子女的情况声明、县级以上医疗机构出具的身体健康检查证明;
 * for a child whose birth parents cannot be found also their 生育情况证明. The registrar accepts them
 * as complete only when each is on the application as a file.
 */
@Component
class AdoptionDocuments implements DocumentCheck {

  static final List<DocumentType> ARTICLE_6 = List.of(DocumentType.ADOPTION_APPLICATION_FORM, DocumentType.HUKOU_BOOK,
      DocumentType.ID_CARD, DocumentType.MARITAL_STATUS_PROOF, DocumentType.CHILDREN_STATEMENT,
      DocumentType.HEALTH_CERTIFICATE);

  private final Applications applications;
  private final Children children;
  private final Labels labels;

  AdoptionDocuments(Applications applications, Children children, Labels labels) {
    this.applications = applications;
    this.children = children;
    this.labels = labels;
  }

  @Override
  public boolean checks(String processId, String elementId) {
    return AdoptionProcess.PROCESS_ID.equals(processId) && "CheckAdoptionDocuments".equals(elementId);
  }

  @Override
  public boolean declaresComplete(Map<String, Object> variables) {
    return "complete".equals(variables.get("documentsDecision"));
  }

  @Override
  public DocumentChecklist checklist(UUID applicationId, UUID childId) {
    List<DocumentType> required = new ArrayList<>(ARTICLE_6);
    if (children.adoptable(applications.get(applicationId).getChildId()).orElseThrow().parentsCannotBeFound()) {
      required.add(DocumentType.BIRTH_STATUS_PROOF);
    }
    return applications.checklist(applicationId, required, labels.of("anjia.documents.article.adoption"));
  }
}

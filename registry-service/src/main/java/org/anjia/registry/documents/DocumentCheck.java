package org.anjia.registry.documents;

import java.util.Map;
import java.util.UUID;

/**
 * A task that checks a case's documents (材料审核, 审查申请材料, 准备送养材料). The module that owns the
 * task defines which documents its rule requires, with the article; the worklist shows the
 * checklist on the task page and refuses a completion that declares the documents complete while
 * one of them has no stored file.
 */
public interface DocumentCheck {

  /** Whether this is the check of that task (process id and BPMN element id). */
  boolean checks(String processId, String elementId);

  /** Whether the submitted form declares the documents complete; a refusal of the case needs none. */
  boolean declaresComplete(Map<String, Object> variables);

  /** The required documents of the case (an application, or a child's file) with their files; the read is audited. */
  DocumentChecklist checklist(UUID applicationId, UUID childId);
}

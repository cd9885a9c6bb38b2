package org.anjia.registry.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.documents.DocumentChecklist;

/**
 * A task as the worklist shows it; {@code key} is the engine's task id, {@code name} and {@code processName}
 * the step's and the journey's names in the reader's language, {@code assigneeName} the name the
 * assignee is shown by (null when none was recorded: then the user name).
 */
record TaskView(
    String key,
    String name,
    String elementId,
    String processId,
    String processName,
    List<String> candidateGroups,
    String assignee,
    String assigneeName,
    String state,
    Instant createdAt,
    Instant dueDate,
    boolean overdue,
    boolean reminded,
    boolean escalated,
    ApplicationRef application,
    FamilyRef family,
    ChildRef child,
    UnitRef unit) {

  /** The state of every listed task: done tasks leave the worklist. */
  static final String OPEN = "CREATED";

  record ApplicationRef(UUID id, String number, String status, String statusLabel) {}

  record FamilyRef(UUID id, String displayName) {}

  /** The child a placement task concerns (送养), for tasks that belong to no application. */
  record ChildRef(UUID id, String fileNumber, String name) {}

  /** The residence unit a review task concerns (机构内家庭式养育), for tasks that belong to no application or child. */
  record UnitRef(UUID id, String name) {}

  /**
   * The task page: the task, its form and the process variables that pre-fill it; for a document
   * check, the required documents with their files (otherwise null).
   */
  record Detail(
      @com.fasterxml.jackson.annotation.JsonUnwrapped TaskView task,
      JsonNode form,
      Map<String, JsonNode> variables,
      DocumentChecklist documents) {}
}

package org.anjia.registry.worklist;

import java.util.List;
import java.util.UUID;

/**
 * Choices a task's form lists that come from the registry as it stands when the task page opens,
 * not from the process (form-js {@code valuesKey}): e.g. the residence units still free when the
 * director approves a couple. The module owning the task supplies them and checks the submitted
 * value itself when the task completes ({@link TaskCompletionSubmitted}).
 */
public interface TaskFormChoices {

  /** One option: what the form shows and the value it submits. */
  record Choice(String label, String value) {}

  /** Whether this supplies the choices of that task (process id and BPMN element id). */
  boolean supplies(String processId, String elementId);

  /** The form's {@code valuesKey} the choices fill. */
  String valuesKey();

  /** The choices for the task's case (an application, or a child's file). */
  List<Choice> choices(UUID applicationId, UUID childId);
}

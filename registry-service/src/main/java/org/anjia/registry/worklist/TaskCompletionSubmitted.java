package org.anjia.registry.worklist;

import java.util.Map;
import java.util.UUID;
import org.anjia.registry.identity.Actor;

/**
 * A user's validated completion of a task, published in the transaction that completes it. Journeys
 * listen in that transaction to record what the step means for the application or the child, or
 * to refuse it with an {@code InvalidInputException} (a legal rule the form alone cannot check),
 * which rolls everything back, the engine's completion included. A listener may add to
 * {@code derived} what the model needs besides the form's fields (e.g. a count the gateway reads).
 */
public record TaskCompletionSubmitted(
    String taskId,
    String processId,
    String elementId,
    UUID applicationId,
    UUID childId,
    Map<String, Object> variables,
    Actor actor,
    Map<String, Object> derived) {}

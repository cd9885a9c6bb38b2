package org.anjia.registry.worklist;

import java.util.Map;
import java.util.UUID;

/**
 * A user's validated completion of a task, stored and published in one transaction. Journeys
 * listen in that transaction to record what the step means for the application or the child, or
 * to refuse it with an {@code InvalidInputException} (a legal rule the form alone cannot check),
 * which rolls the completion back; the engine is told after commit, through the outbox.
 */
public record TaskCompletionSubmitted(
    long userTaskKey,
    String processId,
    String elementId,
    UUID applicationId,
    UUID childId,
    Map<String, Object> variables,
    String actor) {}

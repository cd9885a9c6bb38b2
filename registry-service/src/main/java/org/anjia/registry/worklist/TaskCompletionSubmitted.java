package org.anjia.registry.worklist;

import java.util.Map;
import java.util.UUID;

/**
 * A user's validated completion of a task, stored and published in one transaction. Journeys
 * listen in that transaction to record what the step means for the application; the engine is
 * told after commit, through the outbox.
 */
public record TaskCompletionSubmitted(
    long userTaskKey,
    String processId,
    String elementId,
    UUID applicationId,
    Map<String, Object> variables,
    String actor) {}

package org.anjia.registry.worklist;

import java.time.Instant;
import java.util.UUID;

/** A failure the engine could not get past (a worker that kept failing, a bad expression). */
record IncidentView(
    String key,
    String processId,
    String processName,
    String elementId,
    String errorType,
    String errorMessage,
    Instant createdAt,
    TaskView.ApplicationRef application) {}

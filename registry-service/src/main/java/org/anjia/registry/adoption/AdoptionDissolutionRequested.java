package org.anjia.registry.adoption;

import java.util.UUID;

/** The parties applied to register a dissolution: adoption-dissolution.bpmn starts in the same transaction. */
record AdoptionDissolutionRequested(UUID dissolutionId) {}

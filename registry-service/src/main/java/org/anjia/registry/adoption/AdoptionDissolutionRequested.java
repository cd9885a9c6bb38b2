package org.anjia.registry.adoption;

import java.util.UUID;

/** The parties applied to register a dissolution: the outbox carries the start of adoption-dissolution.bpmn. */
record AdoptionDissolutionRequested(UUID dissolutionId) {}

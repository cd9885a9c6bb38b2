package org.anjia.registry.adoption;

import java.util.UUID;

/** Both adopters have confirmed: the outbox carries the start of adoption.bpmn to the engine. */
record AdoptionApplicationSubmitted(UUID applicationId) {}

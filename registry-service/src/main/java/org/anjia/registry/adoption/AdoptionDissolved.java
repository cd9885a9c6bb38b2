package org.anjia.registry.adoption;

import java.util.UUID;

/** The dissolution is registered: the outbox tells adoption.bpmn to drop the visits still pending. */
record AdoptionDissolved(UUID applicationId) {}

package org.anjia.registry.adoption;

import java.util.UUID;

/** The dissolution is registered: adoption.bpmn drops the visits still pending, in the same transaction. */
record AdoptionDissolved(UUID applicationId) {}

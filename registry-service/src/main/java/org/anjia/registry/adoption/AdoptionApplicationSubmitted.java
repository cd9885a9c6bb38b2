package org.anjia.registry.adoption;

import java.util.UUID;

/** Both adopters have confirmed: adoption.bpmn starts in the same transaction. */
record AdoptionApplicationSubmitted(UUID applicationId) {}

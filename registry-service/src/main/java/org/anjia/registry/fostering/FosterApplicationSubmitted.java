package org.anjia.registry.fostering;

import java.util.UUID;

/** Published in the transaction that stores the application; the outbox carries it to the engine. */
record FosterApplicationSubmitted(UUID applicationId) {}

package org.anjia.registry.fostering;

import java.util.UUID;

/** Published in the transaction that stores the application; the process starts in it too. */
record FosterApplicationSubmitted(UUID applicationId) {}

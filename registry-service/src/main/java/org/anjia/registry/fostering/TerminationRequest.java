package org.anjia.registry.fostering;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The director ends a placement for a reason of arts. 18–19; the details go on the written notice. */
record TerminationRequest(@NotNull TerminationReason reason, @Size(max = 4000) String details) {}

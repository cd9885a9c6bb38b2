package org.anjia.registry.fostering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The family's written request to end its placement (arts. 18–19): the reason is required. */
record FamilyTerminationRequest(@NotBlank @Size(max = 4000) String reason) {}

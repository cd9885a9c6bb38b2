package org.anjia.registry.fostering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.anjia.registry.families.HouseholdInput;

/** A family's written application to foster (寄养办法 art. 12(1)), as the application page sends it. */
record FosterApplicationRequest(
    @NotBlank @Size(max = 60) String institutionCode,
    @Size(max = 2000) String motivation,
    @NotNull @Valid HouseholdInput family) {}

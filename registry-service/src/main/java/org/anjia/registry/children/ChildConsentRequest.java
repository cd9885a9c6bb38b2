package org.anjia.registry.adoption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What the official who heard the child records (民法典 art. 1104).
 *
 * @param childWords what the child said, in the child's words as far as possible
 */
record ChildConsentRequest(
    @NotNull LocalDate heardOn,
    @NotNull Boolean consents,
    @NotBlank @Size(max = 2000) String childWords) {}

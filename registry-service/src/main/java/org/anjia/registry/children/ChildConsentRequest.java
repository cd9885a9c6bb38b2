package org.anjia.registry.children;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What the official who heard the child records: for an adoption (民法典 art. 1104) or a foster
 * placement (家庭寄养管理办法 art. 11), a child of 8 or more must consent.
 *
 * @param childWords what the child said, in the child's words as far as possible
 */
public record ChildConsentRequest(
    @NotNull LocalDate heardOn,
    @NotNull Boolean consents,
    @NotBlank @Size(max = 2000) String childWords) {}

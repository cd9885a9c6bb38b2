package org.anjia.registry.adoption;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.anjia.registry.families.HouseholdInput;

/**
 * A family's adoption application (登记办法 art. 6): the household (the primary caregiver and, for
 * a married applicant, the spouse are the adopters), the child applied for, and declarations.
 *
 * @param confidential the parties ask that the adoption be kept secret (民法典 art. 1110)
 * @param canRaiseAndProtect declaration of 民法典 art. 1098(2), re-checked by the assessment
 * @param childConsents the child's consent, required at 8 and over (art. 1104); null for younger children
 */
record AdoptionApplicationRequest(
    @NotNull UUID childId,
    boolean confidential,
    @AssertTrue(message = "{anjia.validation.capacityDeclaration}") boolean canRaiseAndProtect,
    Boolean childConsents,
    @Size(max = 2000) String motivation,
    @NotNull @Valid HouseholdInput family) {}

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
 * @param maritalStatus the applicant's; a married applicant lists the spouse, who co-applies (民法典 art. 1101)
 * @param confidential the parties ask that the adoption be kept secret (民法典 art. 1110)
 * @param canRaiseAndProtect declaration of 民法典 art. 1098(2), re-checked by the assessment
 *
 * <p>The child's consent (art. 1104) is not declared here: an official hears the child ({@link ChildConsents}).
 */
record AdoptionApplicationRequest(
    @NotNull UUID childId,
    @NotNull MaritalStatus maritalStatus,
    boolean confidential,
    @AssertTrue(message = "{anjia.validation.capacityDeclaration}") boolean canRaiseAndProtect,
    @Size(max = 2000) String motivation,
    @NotNull @Valid HouseholdInput family) {}

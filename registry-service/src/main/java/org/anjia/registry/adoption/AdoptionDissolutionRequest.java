package org.anjia.registry.adoption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The adopters' application to register an agreed dissolution (民法典 arts. 1114–1116; 登记办法
 * art. 10): when the written agreement with the placing party (or the adult adoptee) was signed,
 * why, and whether an adoptee of 8 or more consents (art. 1114).
 */
record AdoptionDissolutionRequest(
    @NotNull LocalDate agreementSignedOn,
    @NotBlank @Size(max = 2000) String reason,
    Boolean childConsents) {}

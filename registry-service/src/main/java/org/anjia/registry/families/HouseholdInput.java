package org.anjia.registry.families;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A household as an application page sends it (foster and adoption applications alike). */
public record HouseholdInput(
    @NotBlank @Size(max = 500) String address,
    @NotBlank @Size(max = 200) String hukouLocality,
    @NotNull Boolean localHukou,
    @NotNull Boolean fixedHome,
    @NotNull @DecimalMin("0") BigDecimal livingSpaceM2,
    @NotNull @DecimalMin("0") BigDecimal monthlyIncomeYuan,
    @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "{anjia.validation.phone}") String phone,
    @NotNull Boolean infectiousOrMentalIllness,
    @NotNull Boolean criminalRecord,
    @NotEmpty @Size(max = 20) List<@Valid MemberInput> members) {

  public record MemberInput(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @ValidResidentId String residentId,
      @NotNull MemberRole role,
      @NotNull Education education,
      @Size(max = 500) String healthNote) {}
}

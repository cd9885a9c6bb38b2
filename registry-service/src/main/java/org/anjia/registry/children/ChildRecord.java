package org.anjia.registry.children;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.anjia.registry.families.ResidentId;
import org.anjia.registry.families.ValidResidentId;

/**
 * The editable content of a child's file, as the caseworker's page sends it (create and update).
 * Disability type, grade and certificate go together (残疾证: type, grade 1–4, certificate number).
 * {@code needsProfessionalCare}: the child needs long-term professional care (需要长期依靠专业机构照料), so
 * it is not placed in family foster care (家庭寄养管理办法 art. 7).
 */
record ChildRecord(
    @NotBlank @Size(max = 100) String name,
    @NotNull ResidentId.Sex sex,
    @NotNull @PastOrPresent LocalDate birthDate,
    boolean birthDateEstimated,
    @ValidResidentId String residentId,
    @NotNull ChildCategory category,
    @NotNull AdmissionReason admissionReason,
    @NotNull @PastOrPresent LocalDate admissionDate,
    @NotBlank @Size(max = 4000) String admissionRecord,
    @Size(max = 40) String disabilityType,
    @Min(1) @Max(4) Integer disabilityGrade,
    @Size(max = 60) String disabilityCertificate,
    @Size(max = 4000) String healthNotes,
    @Size(max = 4000) String educationNotes,
    @NotBlank @Size(max = 200) String guardian,
    boolean needsProfessionalCare) {

  /** Field name → value as text, to compare two versions of a file field by field. */
  Map<String, String> asFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("sex", Objects.toString(sex, null));
    fields.put("birthDate", Objects.toString(birthDate, null));
    fields.put("birthDateEstimated", Boolean.toString(birthDateEstimated));
    fields.put("residentId", blankToNull(residentId));
    fields.put("category", Objects.toString(category, null));
    fields.put("admissionReason", Objects.toString(admissionReason, null));
    fields.put("admissionDate", Objects.toString(admissionDate, null));
    fields.put("admissionRecord", admissionRecord);
    fields.put("disabilityType", blankToNull(disabilityType));
    fields.put("disabilityGrade", Objects.toString(disabilityGrade, null));
    fields.put("disabilityCertificate", blankToNull(disabilityCertificate));
    fields.put("healthNotes", blankToNull(healthNotes));
    fields.put("educationNotes", blankToNull(educationNotes));
    fields.put("guardian", guardian);
    // only when set: an admission's history lists what was recorded, not an unticked box
    fields.put("needsProfessionalCare", needsProfessionalCare ? "true" : null);
    return fields;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

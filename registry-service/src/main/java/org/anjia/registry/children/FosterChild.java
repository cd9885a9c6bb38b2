package org.anjia.registry.children;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/**
 * What the foster placement journey knows of a child: the facts of 家庭寄养管理办法 arts. 7 and 11,
 * and the care notes a foster family needs (not the whole file).
 *
 * @param inGuardianship an orphan (parents dead) or a foundling in the institution's guardianship (art. 7)
 * @param inCare not discharged: still in the institution's care
 * @param needsProfessionalCare needs long-term professional care, so not placed in a family (art. 7)
 */
public record FosterChild(UUID id, String name, String institutionCode, LocalDate birthDate, boolean inGuardianship,
    boolean inCare, String healthNotes, String educationNotes, boolean needsProfessionalCare) {

  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }
}

package org.anjia.registry.families;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.UUID;

/** A person living in the household (家庭成员); birth date and sex are read from the resident ID. */
@Entity
public class HouseholdMember {

  @Id
  private UUID id;
  @ManyToOne
  @JoinColumn(name = "family_id")
  private Family family;
  private int position;
  private String name;
  private String residentId;
  private LocalDate birthDate;
  @Enumerated(EnumType.STRING)
  private ResidentId.Sex sex;
  @Enumerated(EnumType.STRING)
  private MemberRole role;
  @Enumerated(EnumType.STRING)
  private Education education;
  private String healthNote;

  protected HouseholdMember() {}

  HouseholdMember(Family family, int position, Household.Member member) {
    this.id = UUID.randomUUID();
    this.family = family;
    this.position = position;
    this.name = member.name();
    this.residentId = member.residentId().value();
    this.birthDate = member.residentId().birthDate();
    this.sex = member.residentId().sex();
    this.role = member.role();
    this.education = member.education();
    this.healthNote = member.healthNote();
  }

  public int ageOn(LocalDate day) {
    return Family.ageOn(birthDate, day);
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getResidentId() {
    return residentId;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public ResidentId.Sex getSex() {
    return sex;
  }

  public MemberRole getRole() {
    return role;
  }

  public Education getEducation() {
    return education;
  }

  public String getHealthNote() {
    return healthNote;
  }
}

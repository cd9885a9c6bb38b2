package org.anjia.registry.children;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.families.ResidentId;

/** One child, one file (一人一档): held by the institution that admitted the child. */
@Entity
class Child {

  @Id
  private UUID id;
  /** 档案编号, e.g. NC01-2026-000123 (ChildFileNumbers). */
  private String fileNumber;
  private String institutionCode;
  private String jurisdictionCode;
  private String name;
  @Enumerated(EnumType.STRING)
  private ResidentId.Sex sex;
  private LocalDate birthDate;
  private boolean birthDateEstimated;
  private String residentId;
  @Enumerated(EnumType.STRING)
  private ChildCategory category;
  @Enumerated(EnumType.STRING)
  private AdmissionReason admissionReason;
  private LocalDate admissionDate;
  private String admissionRecord;
  private String disabilityType;
  private Integer disabilityGrade;
  private String disabilityCertificate;
  private String healthNotes;
  private String educationNotes;
  private String guardian;
  private boolean needsProfessionalCare;
  @Enumerated(EnumType.STRING)
  private PlacementKind currentPlacement;
  private LocalDate dischargedOn;
  private String dischargeReason;
  private boolean sealed;
  @Enumerated(EnumType.STRING)
  private AdoptionStatus adoptionStatus = AdoptionStatus.NOT_PLACED;
  private String adoptionStatusNote;
  private Instant createdAt;
  @Version
  private long version;

  @OneToMany(mappedBy = "child", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  // a placement ended the day the next one starts shares its start day: the ended one comes first
  // (PostgreSQL sorts nulls last), whatever order the rows have on disk
  @OrderBy("startedOn ASC, endedOn ASC")
  private List<ChildPlacement> placements = new ArrayList<>();

  protected Child() {}

  /** Admitted into the institution's own care (机构养育): the first placement starts on admission. */
  Child(String fileNumber, String institutionCode, String jurisdictionCode, ChildRecord record, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.fileNumber = fileNumber;
    this.institutionCode = institutionCode;
    this.jurisdictionCode = jurisdictionCode;
    this.createdAt = createdAt;
    apply(record);
    this.currentPlacement = PlacementKind.INSTITUTION;
    placements.add(new ChildPlacement(this, PlacementKind.INSTITUTION, record.admissionDate(), null, null, null));
  }

  void apply(ChildRecord record) {
    name = record.name().trim();
    sex = record.sex();
    birthDate = record.birthDate();
    birthDateEstimated = record.birthDateEstimated();
    residentId = record.asFields().get("residentId");
    category = record.category();
    admissionReason = record.admissionReason();
    admissionDate = record.admissionDate();
    admissionRecord = record.admissionRecord();
    disabilityType = record.asFields().get("disabilityType");
    disabilityGrade = record.disabilityGrade();
    disabilityCertificate = record.asFields().get("disabilityCertificate");
    healthNotes = record.asFields().get("healthNotes");
    educationNotes = record.asFields().get("educationNotes");
    guardian = record.guardian().trim();
    needsProfessionalCare = record.needsProfessionalCare();
  }

  ChildRecord record() {
    return new ChildRecord(name, sex, birthDate, birthDateEstimated, residentId, category, admissionReason,
        admissionDate, admissionRecord, disabilityType, disabilityGrade, disabilityCertificate, healthNotes,
        educationNotes, guardian, needsProfessionalCare);
  }

  /** The current placement (if any) ends on the day the new one starts. */
  void place(PlacementKind kind, LocalDate from, String household, String reference) {
    place(kind, from, household, reference, null);
  }

  /** A foster placement of the journey: linked to it, not a household typed in. */
  void placeInFosterCare(LocalDate from, String family, UUID fosterPlacementId) {
    place(PlacementKind.FOSTER, from, family, null, fosterPlacementId);
  }

  private void place(PlacementKind kind, LocalDate from, String household, String reference, UUID fosterPlacementId) {
    currentPlacementRecord().ifPresent(current -> current.end(from, "转入" + kind.recordName()));
    placements.add(new ChildPlacement(this, kind, from, household, reference, fosterPlacementId));
    currentPlacement = kind;
  }

  Optional<ChildPlacement> currentPlacementRecord() {
    return placements.stream().filter(ChildPlacement::isCurrent).reduce((first, second) -> second);
  }

  int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  /** Leaves the institution's care (离院); a confidential adoption also seals the file. */
  void discharge(LocalDate on, String reason, boolean seal) {
    dischargedOn = on;
    dischargeReason = reason;
    sealed = sealed || seal;
  }

  /**
   * 解除收养关系 (民法典 art. 1117): the adoption placement ends; a minor returns to the care of the
   * institution that placed it, whose staff keep the file again, so it is no longer discharged or
   * sealed (the institution is a party to the dissolution agreement and knows the family).
   */
  void dissolveAdoption(LocalDate on, String certificateNumber, boolean returnsToInstitution) {
    currentPlacementRecord().ifPresent(current -> current.end(on, "解除收养关系 " + certificateNumber));
    if (returnsToInstitution) {
      place(PlacementKind.INSTITUTION, on, null, certificateNumber);
      dischargedOn = null;
      dischargeReason = null;
      sealed = false;
    }
  }

  /** Moves the child's way to adoption; false (nothing changes) when it is already there. */
  boolean adoptionStatus(AdoptionStatus next, String note) {
    if (adoptionStatus == next) {
      return false;
    }
    adoptionStatus = next;
    adoptionStatusNote = note;
    return true;
  }

  AdoptionStatus getAdoptionStatus() {
    return adoptionStatus;
  }

  String getAdoptionStatusNote() {
    return adoptionStatusNote;
  }

  UUID getId() {
    return id;
  }

  String getFileNumber() {
    return fileNumber;
  }

  String getInstitutionCode() {
    return institutionCode;
  }

  String getJurisdictionCode() {
    return jurisdictionCode;
  }

  boolean isSealed() {
    return sealed;
  }

  LocalDate getBirthDate() {
    return birthDate;
  }

  String getName() {
    return name;
  }

  String getHealthNotes() {
    return healthNotes;
  }

  String getEducationNotes() {
    return educationNotes;
  }

  ChildCategory getCategory() {
    return category;
  }

  AdmissionReason getAdmissionReason() {
    return admissionReason;
  }

  PlacementKind getCurrentPlacement() {
    return currentPlacement;
  }

  LocalDate getDischargedOn() {
    return dischargedOn;
  }

  String getDischargeReason() {
    return dischargeReason;
  }

  List<ChildPlacement> getPlacements() {
    return placements;
  }
}

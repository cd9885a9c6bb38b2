package org.anjia.registry.families;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** A household that applies to foster, adopt or care (申请家庭), with its members and circumstances. */
@Entity
public class Family {

  @Id
  private UUID id;
  private String displayName;
  private String address;
  private String hukouLocality;
  private boolean localHukou;
  private boolean fixedHome;
  @Column(name = "living_space_m2")
  private BigDecimal livingSpaceM2;
  private BigDecimal monthlyIncomeYuan;
  private String phone;
  private boolean infectiousOrMentalIllness;
  private boolean criminalRecord;
  private Instant createdAt;
  @Version
  private long version;

  @OneToMany(mappedBy = "family", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<HouseholdMember> members = new ArrayList<>();

  protected Family() {}

  public Family(Household household, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.createdAt = createdAt;
    declare(household);
  }

  /** What the household declares now replaces what it declared before (the audit log keeps the change). */
  void declare(Household household) {
    this.address = household.address();
    this.hukouLocality = household.hukouLocality();
    this.localHukou = household.localHukou();
    this.fixedHome = household.fixedHome();
    this.livingSpaceM2 = household.livingSpaceM2();
    this.monthlyIncomeYuan = household.monthlyIncomeYuan();
    this.phone = household.phone();
    this.infectiousOrMentalIllness = household.infectiousOrMentalIllness();
    this.criminalRecord = household.criminalRecord();
    members.clear();
    for (Household.Member member : household.members()) {
      members.add(new HouseholdMember(this, members.size(), member));
    }
    this.displayName = primaryCaregiver().map(m -> m.getName() + "家庭").orElse(members.getFirst().getName() + "家庭");
  }

  public Optional<HouseholdMember> primaryCaregiver() {
    return members.stream().filter(m -> m.getRole() == MemberRole.PRIMARY_CAREGIVER).findFirst();
  }

  /** Age in whole years of the youngest own child, if the household has children. */
  public OptionalInt youngestChildAge(LocalDate on) {
    return members.stream()
        .filter(m -> m.getRole() == MemberRole.CHILD)
        .mapToInt(m -> m.ageOn(on))
        .min();
  }

  public BigDecimal livingSpacePerPerson() {
    return livingSpaceM2.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
  }

  public BigDecimal incomePerPerson() {
    return monthlyIncomeYuan.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
  }

  public UUID getId() {
    return id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getAddress() {
    return address;
  }

  public String getHukouLocality() {
    return hukouLocality;
  }

  public boolean isLocalHukou() {
    return localHukou;
  }

  public boolean isFixedHome() {
    return fixedHome;
  }

  public BigDecimal getLivingSpaceM2() {
    return livingSpaceM2;
  }

  public BigDecimal getMonthlyIncomeYuan() {
    return monthlyIncomeYuan;
  }

  public String getPhone() {
    return phone;
  }

  public boolean hasInfectiousOrMentalIllness() {
    return infectiousOrMentalIllness;
  }

  public boolean hasCriminalRecord() {
    return criminalRecord;
  }

  public List<HouseholdMember> getMembers() {
    return Collections.unmodifiableList(members);
  }

  /** Ages are counted as the law counts them: completed years (周岁) on the given day. */
  static int ageOn(LocalDate birthDate, LocalDate on) {
    return Period.between(birthDate, on).getYears();
  }
}

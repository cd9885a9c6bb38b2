package org.anjia.registry.fostering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.RejectionReason;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The foster register and the two ways a qualification ends: entered, or rejected with reasons. */
@Service
class FosterRegister {

  record Entry(UUID id, UUID familyId, String familyName, UUID applicationId, String applicationNumber,
      String primaryCaregiver, BigDecimal trainingHours, LocalDate approvedOn, LocalDate expiresOn) {}

  private final FosterRegisterRepository entries;
  private final Applications applications;
  private final FamilyRepository families;
  private final FosterRules rules;
  private final Clock clock;

  FosterRegister(FosterRegisterRepository entries, Applications applications, FamilyRepository families,
      FosterRules rules, Clock clock) {
    this.entries = entries;
    this.applications = applications;
    this.families = families;
    this.rules = rules;
    this.clock = clock;
  }

  /** Idempotent: a second call for the same application finds the entry and changes nothing. */
  @Transactional
  void enter(UUID applicationId, BigDecimal trainingHours) {
    if (entries.findByApplicationId(applicationId).isPresent()) {
      return;
    }
    Application application = applications.get(applicationId);
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    LocalDate approvedOn = LocalDate.now(clock);
    String caregiver = family.primaryCaregiver().map(HouseholdMember::getName).orElseThrow();
    entries.save(new FosterRegisterEntry(family.getId(), applicationId, caregiver, trainingHours, approvedOn,
        approvedOn.plus(rules.registerValidity()), clock.instant()));
    applications.moveTo(applicationId, ApplicationStatus.APPROVED, Actor.system(), null);
  }

  /** Idempotent through the application: a decided application is not decided again. */
  @Transactional
  void reject(UUID applicationId, List<RejectionReason> reasons) {
    applications.reject(applicationId, reasons, Actor.system());
  }

  @Transactional(readOnly = true)
  List<Entry> entries() {
    return entries.findAllByOrderByApprovedOnDesc().stream().map(e -> {
      Application application = applications.get(e.getApplicationId());
      String familyName = families.findById(e.getFamilyId()).map(Family::getDisplayName).orElse("");
      return new Entry(e.getId(), e.getFamilyId(), familyName, e.getApplicationId(), application.getNumber(),
          e.getPrimaryCaregiver(), e.getTrainingHours(), e.getApprovedOn(), e.getExpiresOn());
    }).toList();
  }
}

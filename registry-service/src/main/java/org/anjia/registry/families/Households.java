package org.anjia.registry.families;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the household an application declares, with exactly one primary caregiver (主要照料人). */
@Service
public class Households {

  private final FamilyRepository families;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  Households(FamilyRepository families, AuditLog audit, Labels labels, Clock clock) {
    this.families = families;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /** Stored and flushed at once: account links and applications refer to it by plain SQL too. */
  @Transactional
  public Family record(HouseholdInput input, String fieldPrefix) {
    Family family = families.saveAndFlush(new Family(household(input, fieldPrefix), clock.instant()));
    audit.record(AuditAction.CREATE, "FAMILY", family.getId(), List.of("household", "members"), null);
    return family;
  }

  private Household household(HouseholdInput input, String fieldPrefix) {
    LocalDate today = LocalDate.now(clock);
    List<Household.Member> members = new ArrayList<>();
    for (HouseholdInput.MemberInput m : input.members()) {
      // already validated by @ValidResidentId; parsed again for the birth date and sex it carries
      ResidentId residentId = ResidentId.parse(m.residentId(), today).orElseThrow();
      members.add(new Household.Member(m.name().trim(), residentId, m.role(), m.education(), m.healthNote()));
    }
    long caregivers = members.stream().filter(m -> m.role() == MemberRole.PRIMARY_CAREGIVER).count();
    if (caregivers != 1) {
      // 寄养办法 art. 12(5) names one primary caregiver; an adoption names the applicant the same way
      throw new InvalidInputException(List.of(
          new FieldProblem(fieldPrefix + "members", labels.of("anjia.validation.onePrimaryCaregiver"))));
    }
    return new Household(input.address().trim(), input.hukouLocality().trim(), input.localHukou(), input.fixedHome(),
        input.livingSpaceM2(), input.monthlyIncomeYuan(), input.phone().trim(), input.infectiousOrMentalIllness(),
        input.criminalRecord(), members);
  }
}

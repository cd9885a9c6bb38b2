package org.anjia.registry.families;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.identity.CurrentUsers;
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
  private final FamilyAccounts accounts;
  private final CurrentUsers users;
  private final Clock clock;

  Households(FamilyRepository families, AuditLog audit, Labels labels, FamilyAccounts accounts, CurrentUsers users,
      Clock clock) {
    this.families = families;
    this.accounts = accounts;
    this.users = users;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /**
   * The household the signed-in adult applies for: the one the account already belongs to (joined by
   * invitation or through an earlier application), with what it declares now, so its adults act on one
   * household without new invitations; a new household only for an account that has none. Stored and
   * flushed at once: account links and applications refer to it by plain SQL too.
   */
  @Transactional
  public Family forApplicant(HouseholdInput input, String fieldPrefix) {
    Household declared = household(input, fieldPrefix);
    List<UUID> own = accounts.familiesLockedFor(users.current().subject());
    if (own.isEmpty()) {
      Family family = families.saveAndFlush(new Family(declared, clock.instant()));
      audit.record(AuditAction.CREATE, "FAMILY", family.getId(), List.of("household", "members"), null);
      return family;
    }
    // the latest household joined, as the portal's invitation uses
    Family family = families.lockById(own.getLast()).orElseThrow();
    family.declare(declared);
    families.saveAndFlush(family);
    audit.record(AuditAction.UPDATE, "FAMILY", family.getId(), List.of("household", "members"), null);
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

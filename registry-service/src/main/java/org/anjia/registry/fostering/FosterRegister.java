package org.anjia.registry.fostering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.RejectionReason;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The foster register and the two ways a qualification ends: entered, or rejected with reasons. */
@Service
class FosterRegister {

  /**
   * One family in the register. {@code capacity} is how many foster children it may take (寄养办法
   * art. 9); {@code occupied} how many it holds in open placements (proposed, awaiting signatures or
   * active, the count the matching refuses by). {@code status}, {@code suspended} and {@code renewal}
   * say whether it takes a new child and what its yearly renewal still needs (RegisterRenewals).
   */
  record Entry(UUID id, UUID familyId, String familyName, UUID applicationId, String applicationNumber,
      String institutionCode, String primaryCaregiver, BigDecimal trainingHours, LocalDate approvedOn,
      LocalDate expiresOn, Standing standing, int capacity, int occupied, RegisterRenewals.Status status,
      boolean suspended, RegisterRenewals.Renewal renewal) {}

  /** How an approval stands on a day: valid through {@code expiresOn}, marked in the warning period before. */
  enum Standing {
    VALID, EXPIRING, EXPIRED;

    static Standing on(LocalDate today, LocalDate expiresOn, Period warning) {
      if (today.isAfter(expiresOn)) {
        return EXPIRED;
      }
      return today.plus(warning).isBefore(expiresOn) ? VALID : EXPIRING;
    }
  }

  private final FosterRegisterRepository entries;
  private final Applications applications;
  private final FamilyRepository families;
  private final FamilyAccounts familyAccounts;
  private final FosterRules rules;
  private final CurrentUsers users;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final RegisterRenewals renewals;
  private final Clock clock;

  FosterRegister(FosterRegisterRepository entries, Applications applications, FamilyRepository families,
      FamilyAccounts familyAccounts, FosterRules rules, CurrentUsers users, JdbcClient jdbc, AuditLog audit,
      RegisterRenewals renewals, Clock clock) {
    this.entries = entries;
    this.applications = applications;
    this.families = families;
    this.familyAccounts = familyAccounts;
    this.rules = rules;
    this.users = users;
    this.jdbc = jdbc;
    this.audit = audit;
    this.renewals = renewals;
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
    LocalDate expiresOn = approvedOn.plus(rules.registerValidity());
    FosterRegisterEntry entry = entries.saveAndFlush(new FosterRegisterEntry(family.getId(), applicationId, caregiver,
        trainingHours, approvedOn, expiresOn, clock.instant()));
    renewals.begin(entry.getId(), application, family, approvedOn, expiresOn);
    applications.moveTo(applicationId, ApplicationStatus.APPROVED, Actor.system(), null);
  }

  /** Idempotent through the application: a decided application is not decided again. */
  @Transactional
  void reject(UUID applicationId, List<RejectionReason> reasons) {
    applications.reject(applicationId, reasons, Actor.system());
  }

  /**
   * The register as the signed-in staff member may see it (the scope of ApplicationAccess): the
   * institution's for caseworkers and directors, the jurisdiction's for registrars, all for
   * auditors; most urgent expiry first. A sealed record (民法典 art. 1110) is not listed: it is read
   * only one at a time, with a reason. Each family listed is a read of its record, audited.
   */
  @Transactional
  List<Entry> entries() {
    CurrentUser user = users.current();
    if (user.hasAny(Role.CASEWORKER, Role.DIRECTOR)) {
      return read("not a.sealed and a.institution_code = :scope", Map.of("scope", user.institution()));
    }
    if (user.has(Role.REGISTRAR)) {
      return read("not a.sealed and a.jurisdiction_code = :scope", Map.of("scope", user.jurisdiction()));
    }
    if (user.has(Role.AUDITOR)) {
      return read("not a.sealed", Map.of());
    }
    return List.of();
  }

  /** The signed-in family's own entries: when its approval was given and until when it holds. */
  @Transactional
  List<Entry> ownEntries() {
    List<UUID> households = familyAccounts.familiesOf(users.current().subject());
    return households.isEmpty() ? List.of() : read("e.family_id in (:households)", Map.of("households", households));
  }

  private List<Entry> read(String scope, Map<String, ?> parameters) {
    LocalDate today = LocalDate.now(clock);
    List<Entry> found = jdbc.sql("""
            select e.id, e.family_id, f.display_name, e.application_id, a.number, a.institution_code,
                   e.primary_caregiver, e.training_hours, e.approved_on, e.expires_on, e.status, e.suspended_at,
                   (select count(*) from foster_placement p
                    where p.family_id = e.family_id and p.status in (:open)) as occupied
            from foster_register_entry e
            join application a on a.id = e.application_id
            join family f on f.id = e.family_id
            where %s
            order by e.expires_on, f.display_name""".formatted(scope))
        .params(parameters)
        .param("open", FosterPlacementStatus.OPEN)
        .query((rs, row) -> {
          LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
          return new Entry(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
              rs.getString("display_name"), rs.getObject("application_id", UUID.class), rs.getString("number"),
              rs.getString("institution_code"), rs.getString("primary_caregiver"), rs.getBigDecimal("training_hours"),
              rs.getObject("approved_on", LocalDate.class), expiresOn,
              Standing.on(today, expiresOn, rules.registerExpiryWarning()), rules.maxChildrenPerFamily(),
              rs.getInt("occupied"), RegisterRenewals.Status.valueOf(rs.getString("status")),
              rs.getTimestamp("suspended_at") != null, null);
        })
        .list();
    found.forEach(entry -> audit.record(AuditAction.READ, "FAMILY", entry.familyId(), List.of("fosterRegister"), null));
    return found.stream().map(this::withRenewal).toList();
  }

  private Entry withRenewal(Entry entry) {
    return new Entry(entry.id(), entry.familyId(), entry.familyName(), entry.applicationId(), entry.applicationNumber(),
        entry.institutionCode(), entry.primaryCaregiver(), entry.trainingHours(), entry.approvedOn(), entry.expiresOn(),
        entry.standing(), entry.capacity(), entry.occupied(), entry.status(), entry.suspended(),
        renewals.renewalOf(entry.id()));
  }
}

package org.anjia.registry.fostering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjia.registry.applications.Application;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.fostering.HouseholdChecks.CheckRequest;
import org.anjia.registry.fostering.HouseholdChecks.Kind;
import org.anjia.registry.identity.ActorNames;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 寄养家庭名册的年度续期与复查 (foster-register-renewal.bpmn): an entry expires yearly; from
 * {@code anjia.foster.renewal.opens-before} its expiry every adult of the household is re-checked
 * (criminal-record query, 未成年人保护法 art. 98; health certificate, 寄养办法 art. 8(3)) and the
 * director approves another year. A refused renewal FAILS the entry, one not approved by its last
 * day EXPIRES; either way it takes no new child and its current placements go to the director. A
 * director may suspend an entry at any time. Adults who join the household later count once a
 * criminal-record check has passed.
 */
@Service
class RegisterRenewals {

  private static final String OBJECT = "FOSTER_REGISTER_ENTRY";

  enum Status { ACTIVE, FAILED, EXPIRED }

  /** Where the yearly renewal stands: not open yet, adults being re-checked, awaiting the director, or over. */
  enum Stage { NOT_DUE, RECHECK, APPROVAL, CLOSED }

  /**
   * The renewal as the family and staff read it: when it opens, the day it must be done by (the
   * entry's last day), the reminder, and what is still missing, in words.
   */
  record Renewal(Stage stage, LocalDate opensOn, LocalDate dueOn, LocalDate remindedOn, List<String> missing) {}

  /** A recorded check as staff read it: who recorded it by name, role and unit. */
  record CheckView(String memberName, String residentId, Kind kind, HouseholdChecks.Result result,
      LocalDate checkedOn, String note, String checkedBy, Instant recordedAt) {}

  /** An entry's standing, renewal and checks for the institution's staff. */
  record EntryRenewal(UUID entryId, String familyName, Status status, boolean suspended, String suspensionReason,
      LocalDate expiresOn, Renewal renewal, List<CheckView> checks) {}

  record SuspensionRequest(String reason) {}

  /** The entry's row as renewals need it. */
  private record EntryState(UUID id, UUID familyId, String familyName, UUID applicationId, String institutionCode,
      Status status, LocalDate expiresOn, LocalDate openedOn, Stage stage, LocalDate remindedOn, boolean suspended,
      String suspensionReason) {}

  private final HouseholdChecks checks;
  private final FamilyRepository families;
  private final ProcessMessages messages;
  private final FosterRules rules;
  private final CurrentUsers users;
  private final ActorNames actorNames;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  RegisterRenewals(HouseholdChecks checks, FamilyRepository families, ProcessMessages messages, FosterRules rules,
      CurrentUsers users, ActorNames actorNames, JdbcClient jdbc, AuditLog audit, Labels labels, Clock clock) {
    this.checks = checks;
    this.families = families;
    this.messages = messages;
    this.rules = rules;
    this.users = users;
    this.actorNames = actorNames;
    this.jdbc = jdbc;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /**
   * The family has entered the register: its adults' background checks of the qualification are the
   * first checks, and the renewal process starts, in the entry's transaction.
   */
  void begin(UUID entryId, Application application, Family family, LocalDate approvedOn, LocalDate expiresOn) {
    checks.recordQualification(entryId, family, approvedOn, application.getNumber());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(FosterRenewalProcess.ENTRY_ID, entryId.toString());
    variables.put("applicationId", application.getId().toString());
    variables.put("applicationNumber", application.getNumber());
    variables.put("familyName", family.getDisplayName());
    variables.put(FosterRenewalProcess.EXPIRES_ON, expiresOn.toString());
    messages.start(FosterRenewalProcess.ENTERED_MESSAGE, FosterRenewalProcess.PROCESS_ID,
        application.getId().toString(), variables);
  }

  // --- the process's steps (FosterRenewalDelegates): idempotent, recorded as the engine's ---

  /** The year's three dates, from the entry as it stands: opening, reminder, and 24:00 of its last day. */
  Map<String, Object> schedule(UUID entryId) {
    LocalDate expiresOn = state(entryId).expiresOn();
    Map<String, Object> dates = new LinkedHashMap<>();
    dates.put(FosterRenewalProcess.EXPIRES_ON, expiresOn.toString());
    dates.put(FosterRenewalProcess.RENEWAL_OPENS, startOf(opensOn(expiresOn)));
    dates.put(FosterRenewalProcess.RENEWAL_REMINDER, startOf(expiresOn.minus(rules.renewal().reminderBefore())));
    dates.put(FosterRenewalProcess.REGISTER_EXPIRES, startOf(expiresOn.plusDays(1)));
    return dates;
  }

  /** The renewal opens: the family sees it on the portal; returns the adults to re-check, for the caseworker's form. */
  String open(UUID entryId) {
    int opened = jdbc.sql("""
            update foster_register_entry set renewal_opened_on = :today, renewal_stage = :stage, renewal_reminded_on = null
            where id = :id and status = :active and renewal_opened_on is null""")
        .param("today", Date.valueOf(LocalDate.now(clock))).param("stage", Stage.RECHECK.name()).param("id", entryId)
        .param("active", Status.ACTIVE.name())
        .update();
    if (opened > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, entryId, List.of("renewalOpenedOn"), null);
    }
    Family family = family(state(entryId));
    return checks.adults(family).stream().map(adult -> adult.getName() + " " + adult.getResidentId())
        .collect(Collectors.joining("；"));
  }

  /** The reminder before expiry: the portal and the renewal show it. */
  void remind(UUID entryId) {
    int reminded = jdbc.sql("""
            update foster_register_entry set renewal_reminded_on = :today
            where id = :id and renewal_opened_on is not null and renewal_reminded_on is null""")
        .param("today", Date.valueOf(LocalDate.now(clock))).param("id", entryId)
        .update();
    if (reminded > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, entryId, List.of("renewalRemindedOn"), null);
    }
  }

  /** The director approved: another year from the old expiry, so the cycle keeps its day. Returns the new expiry. */
  LocalDate renew(UUID entryId) {
    EntryState entry = state(entryId);
    LocalDate renewedUntil = entry.expiresOn().plus(rules.registerValidity());
    int renewed = jdbc.sql("""
            update foster_register_entry
            set expires_on = :until, renewal_opened_on = null, renewal_stage = null, renewal_reminded_on = null
            where id = :id and status = :active and renewal_stage = :approval""")
        .param("until", Date.valueOf(renewedUntil)).param("id", entryId)
        .param("active", Status.ACTIVE.name()).param("approval", Stage.APPROVAL.name())
        .update();
    if (renewed > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, entryId, List.of("expiresOn"), renewedUntil.toString());
    }
    return state(entryId).expiresOn();
  }

  /** The director refused the renewal (FAILED) or its last day passed (EXPIRED): no new child from now on. */
  void close(UUID entryId, Status status) {
    int closed = jdbc.sql("""
            update foster_register_entry set status = :status, renewal_stage = null where id = :id and status = :active""")
        .param("status", status.name()).param("id", entryId).param("active", Status.ACTIVE.name())
        .update();
    if (closed > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, entryId, List.of("status"), status.name());
    }
  }

  /** The children the family fosters now or is about to (open placements with this institution), by name. */
  List<String> currentPlacements(UUID entryId) {
    EntryState entry = state(entryId);
    return jdbc.sql("""
            select c.name from foster_placement p join child c on c.id = p.child_id
            where p.family_id = :family and p.institution_code = :institution and p.status in (:open)
            order by p.proposed_at""")
        .param("family", entry.familyId()).param("institution", entry.institutionCode())
        .param("open", FosterPlacementStatus.OPEN)
        .query(String.class).list();
  }

  /**
   * The caseworker's re-check (RecheckHousehold) records each adult's criminal-record query and health
   * certificate and is refused while an adult lacks either; the director's approval (ApproveRenewal)
   * is refused while an adult has no passing criminal-record check of this renewal (art. 98).
   */
  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!FosterRenewalProcess.PROCESS_ID.equals(completion.processId())) {
      return;
    }
    EntryState entry = stateOfApplication(completion.applicationId());
    Family family = family(entry);
    LocalDate since = opensOn(entry.expiresOn());
    if (FosterRenewalProcess.RECHECK_HOUSEHOLD.equals(completion.elementId())) {
      checks.record(entry.id(), family, adultChecks(completion.variables()), completion.actor());
      List<String> missing = missingChecks(entry.id(), family, since);
      if (!missing.isEmpty()) {
        throw new InvalidInputException(List.of(new FieldProblem(FosterRenewalProcess.ADULT_CHECKS,
            labels.of("anjia.foster.renewal.checksMissing", String.join("；", missing)))));
      }
      jdbc.sql("update foster_register_entry set renewal_stage = :approval where id = :id and renewal_stage = :recheck")
          .param("approval", Stage.APPROVAL.name()).param("recheck", Stage.RECHECK.name()).param("id", entry.id())
          .update();
      completion.derived().put(FosterRenewalProcess.RECHECK_SUMMARY, summary(entry.id(), since));
    }
    if (FosterRenewalProcess.APPROVE_RENEWAL.equals(completion.elementId())
        && "approve".equals(completion.variables().get(FosterRenewalProcess.RENEWAL_DECISION))) {
      List<HouseholdMember> unchecked = checks.notPassed(entry.id(), family, Kind.CRIMINAL_RECORD, since);
      if (!unchecked.isEmpty()) {
        throw new InvalidInputException(List.of(new FieldProblem(FosterRenewalProcess.RENEWAL_DECISION,
            labels.of("anjia.foster.renewal.approvalRefused", names(unchecked)))));
      }
    }
  }

  /** The form's dynamic list: per adult the criminal-record query's result and date, and the health certificate's date. */
  private static Map<String, CheckRequest> adultChecks(Map<String, Object> variables) {
    Map<String, CheckRequest> requests = new LinkedHashMap<>();
    if (variables.get(FosterRenewalProcess.ADULT_CHECKS) instanceof List<?> rows) {
      for (int i = 0; i < rows.size(); i++) {
        Map<?, ?> row = rows.get(i) instanceof Map<?, ?> map ? map : Map.of();
        String field = FosterRenewalProcess.ADULT_CHECKS + "[" + i + "]";
        String residentId = text(row.get("residentId"));
        String result = text(row.get("criminalRecordResult"));
        requests.put(field + ".criminalRecord", new CheckRequest(residentId, Kind.CRIMINAL_RECORD.name(),
            result == null ? null : result.toUpperCase(java.util.Locale.ROOT), text(row.get("criminalRecordCheckedOn")),
            null));
        requests.put(field + ".health", new CheckRequest(residentId, Kind.HEALTH.name(),
            HouseholdChecks.Result.PASSED.name(), text(row.get("healthCertificateOn")), null));
      }
    }
    return requests;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private String summary(UUID entryId, LocalDate since) {
    return checks.of(entryId).stream().filter(check -> !check.checkedOn().isBefore(since))
        .map(check -> check.memberName() + " " + labels.recorded("HouseholdChecks.Kind." + check.kind().name()) + " "
            + labels.recorded("HouseholdChecks.Result." + check.result().name()) + " " + check.checkedOn())
        .collect(Collectors.joining("；"));
  }

  // --- suspension by the director ---

  /** The director suspends the entry: no new child until lifted. */
  @Transactional
  EntryRenewal suspend(UUID entryId, SuspensionRequest request) {
    EntryState entry = inScope(entryId);
    String reason = request == null || request.reason() == null ? "" : request.reason().trim();
    if (reason.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem("reason", labels.of("anjia.foster.renewal.reasonMissing"))));
    }
    CurrentUser director = users.current();
    int suspended = jdbc.sql("""
            update foster_register_entry set suspended_at = :at, suspended_by = :by, suspension_reason = :reason
            where id = :id and suspended_at is null""")
        .param("at", Timestamp.from(clock.instant())).param("by", director.username()).param("reason", reason)
        .param("id", entry.id())
        .update();
    if (suspended == 0) {
      throw new ConflictException("anjia.foster.renewal.alreadySuspended");
    }
    audit.record(AuditAction.UPDATE, OBJECT, entry.id(), List.of("suspended"), reason);
    return view(state(entry.id()));
  }

  @Transactional
  EntryRenewal lift(UUID entryId) {
    EntryState entry = inScope(entryId);
    int lifted = jdbc.sql("""
            update foster_register_entry set suspended_at = null, suspended_by = null, suspension_reason = null
            where id = :id and suspended_at is not null""")
        .param("id", entry.id())
        .update();
    if (lifted == 0) {
      throw new ConflictException("anjia.foster.renewal.notSuspended");
    }
    audit.record(AuditAction.UPDATE, OBJECT, entry.id(), List.of("suspended"), null);
    return view(state(entry.id()));
  }

  // --- checks recorded outside the renewal task: an adult who joined later, or a re-check any time ---

  @Transactional
  EntryRenewal recordCheck(UUID entryId, CheckRequest request) {
    EntryState entry = inScope(entryId);
    if (entry.status() != Status.ACTIVE) {
      throw new ConflictException("anjia.foster.renewal.closed");
    }
    checks.record(entry.id(), family(entry), Map.of("", request), users.current().asActor());
    audit.record(AuditAction.CREATE, OBJECT, entry.id(), List.of("memberCheck"), request.kind());
    return view(state(entry.id()));
  }

  @Transactional
  EntryRenewal renewal(UUID entryId) {
    EntryState entry = inScope(entryId);
    audit.record(AuditAction.READ, OBJECT, entry.id(), List.of("renewal", "memberChecks"), null);
    return view(entry);
  }

  private EntryRenewal view(EntryState entry) {
    CurrentUser reader = users.current();
    List<CheckView> recorded = checks.of(entry.id()).stream()
        .map(check -> new CheckView(check.memberName(), check.residentId(), check.kind(), check.result(),
            check.checkedOn(), check.note(), actorNames.describe(check.checkedBy(), reader), check.recordedAt()))
        .toList();
    return new EntryRenewal(entry.id(), entry.familyName(), entry.status(), entry.suspended(), entry.suspensionReason(),
        entry.expiresOn(), renewal(entry), recorded);
  }

  /** The entry's renewal, for the register's and the portal's rows. */
  Renewal renewalOf(UUID entryId) {
    return renewal(state(entryId));
  }

  private Renewal renewal(EntryState entry) {
    LocalDate opensOn = opensOn(entry.expiresOn());
    if (entry.status() != Status.ACTIVE) {
      return new Renewal(Stage.CLOSED, opensOn, null, entry.remindedOn(), List.of());
    }
    Family family = family(entry);
    if (entry.stage() == null) {
      // between renewals only an adult who joined later and has no passing check is missing
      List<String> missing = checks.notPassed(entry.id(), family, Kind.CRIMINAL_RECORD, null).stream()
          .map(adult -> labels.of("anjia.foster.renewal.missing.criminalRecord", adult.getName())).toList();
      return new Renewal(Stage.NOT_DUE, opensOn, entry.expiresOn(), entry.remindedOn(), missing);
    }
    List<String> missing = new ArrayList<>(missingChecks(entry.id(), family, opensOn));
    if (entry.stage() == Stage.APPROVAL) {
      missing.add(labels.of("anjia.foster.renewal.missing.approval"));
    }
    return new Renewal(entry.stage(), opensOn, entry.expiresOn(), entry.remindedOn(), missing);
  }

  /** Each adult's criminal-record query and health certificate of this renewal (dated from its opening), in words. */
  private List<String> missingChecks(UUID entryId, Family family, LocalDate since) {
    List<String> missing = new ArrayList<>();
    checks.notPassed(entryId, family, Kind.CRIMINAL_RECORD, since).forEach(adult ->
        missing.add(labels.of("anjia.foster.renewal.missing.criminalRecord", adult.getName())));
    checks.notPassed(entryId, family, Kind.HEALTH, since).forEach(adult ->
        missing.add(labels.of("anjia.foster.renewal.missing.health", adult.getName())));
    return missing;
  }

  // --- matching (FosterPlacements.checkFamily) ---

  /**
   * A match is refused when the entry FAILED its renewal, is suspended, or an adult of the household
   * has no passing criminal-record check (an adult who joined later counts only once checked, art.
   * 98). An expired entry is refused by its date in FosterPlacements.
   */
  void refuseMatch(UUID entryId, Family family, List<FieldProblem> problems) {
    EntryState entry = state(entryId);
    if (entry.status() == Status.FAILED) {
      problems.add(new FieldProblem("familyId", labels.of("anjia.foster.renewal.failed")));
    }
    if (entry.suspended()) {
      problems.add(new FieldProblem("familyId", labels.of("anjia.foster.renewal.suspended", entry.suspensionReason())));
    }
    List<HouseholdMember> unchecked = checks.notPassed(entryId, family, Kind.CRIMINAL_RECORD, null);
    if (!unchecked.isEmpty()) {
      problems.add(new FieldProblem("familyId", labels.of("anjia.foster.renewal.adultUnchecked", names(unchecked))));
    }
  }

  private static String names(List<HouseholdMember> members) {
    return members.stream().map(HouseholdMember::getName).collect(Collectors.joining("、"));
  }

  private LocalDate opensOn(LocalDate expiresOn) {
    return expiresOn.minus(rules.renewal().opensBefore());
  }

  private java.util.Date startOf(LocalDate day) {
    return java.util.Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }

  private Family family(EntryState entry) {
    return families.findById(entry.familyId()).orElseThrow();
  }

  /** The entry, if the staff member's institution keeps it; otherwise it does not exist for them (404, audited). */
  private EntryState inScope(UUID entryId) {
    CurrentUser user = users.current();
    return find("e.id = :id", Map.of("id", entryId))
        .filter(entry -> entry.institutionCode().equals(user.institution()))
        .orElseThrow(() -> {
          audit.recordRefusal(AuditAction.DENIED, OBJECT, entryId, "outside scope", null, null);
          return new NotFoundException("foster register entry " + entryId);
        });
  }

  private EntryState state(UUID entryId) {
    return find("e.id = :id", Map.of("id", entryId)).orElseThrow();
  }

  private EntryState stateOfApplication(UUID applicationId) {
    return find("e.application_id = :id", Map.of("id", applicationId)).orElseThrow();
  }

  private Optional<EntryState> find(String condition, Map<String, ?> parameters) {
    return jdbc.sql("""
            select e.*, f.display_name, a.institution_code from foster_register_entry e
            join application a on a.id = e.application_id join family f on f.id = e.family_id
            where %s""".formatted(condition))
        .params(parameters)
        .query((rs, row) -> new EntryState(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
            rs.getString("display_name"), rs.getObject("application_id", UUID.class), rs.getString("institution_code"),
            Status.valueOf(rs.getString("status")), rs.getObject("expires_on", LocalDate.class),
            rs.getObject("renewal_opened_on", LocalDate.class),
            rs.getString("renewal_stage") == null ? null : Stage.valueOf(rs.getString("renewal_stage")),
            rs.getObject("renewal_reminded_on", LocalDate.class), rs.getTimestamp("suspended_at") != null,
            rs.getString("suspension_reason")))
        .optional();
  }
}

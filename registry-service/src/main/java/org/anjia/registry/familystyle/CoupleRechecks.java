package org.anjia.registry.familystyle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 续签复查: a contract is renewed only after both spouses were checked again in its last term — the
 * criminal-record query (未成年人保护法 art. 98, "定期查询" as for foster households) and their health
 * (local practice, Xining, like the qualification's health certificates). The re-check task opens
 * with the contract's first reminder (family-style-qualification.bpmn, CoupleRecheck); the service
 * records its result per term and refuses the director's renewal without a passing one, in the
 * transaction of the completion.
 */
@Component
class CoupleRechecks {

  static final String OBJECT = "FAMILY_STYLE_RECHECK";
  /** A line the decision form shows read-only: the term's re-check, or that it is still missing. */
  static final String SUMMARY = "recheckSummary";
  static final String APPLICANT_RECORD = "recheckApplicantRecord";
  static final String SPOUSE_RECORD = "recheckSpouseRecord";
  static final String APPLICANT_HEALTH = "recheckApplicantHealth";
  static final String SPOUSE_HEALTH = "recheckSpouseHealth";
  static final String CHECKED_ON = "recheckedOn";
  static final String NOTES = "recheckNotes";

  /** Where a contract's current term stands with its re-check, as the couple's portal shows it. */
  enum Status { NOT_YET_OPEN, DUE, PASSED, FAILED }

  /** The latest re-check of a term. */
  record Recheck(LocalDate checkedOn, String applicantRecord, String applicantHealth, String spouseRecord,
      String spouseHealth) {

    /** Both spouses without a record and fit to raise children. */
    boolean passed() {
      return "clear".equals(applicantRecord) && "clear".equals(spouseRecord) && "fit".equals(applicantHealth)
          && "fit".equals(spouseHealth);
    }
  }

  private final JdbcClient jdbc;
  private final CoupleContracts contracts;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  CoupleRechecks(JdbcClient jdbc, CoupleContracts contracts, AuditLog audit, Labels labels, Clock clock) {
    this.jdbc = jdbc;
    this.contracts = contracts;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!CoupleProcess.PROCESS_ID.equals(completion.processId()) || completion.applicationId() == null) {
      return;
    }
    if (CoupleProcess.RECHECK.equals(completion.elementId())) {
      record(completion);
    } else if (CoupleProcess.CONTRACT_DECISION.equals(completion.elementId())
        && "renew".equals(completion.variables().get(CoupleProcess.CONTRACT_DECISION_FIELD))) {
      refuseRenewalWithoutPassingRecheck(completion.applicationId());
    }
  }

  /** The caseworker's re-check, once per task; the decision form's summary follows it. */
  private void record(TaskCompletionSubmitted completion) {
    CoupleContracts.Contract contract = contracts.ofApplication(completion.applicationId()).orElseThrow();
    if (contract.status() != CoupleContracts.Status.ACTIVE) {
      throw new InvalidInputException(List.of(new FieldProblem(CHECKED_ON, labels.of("anjia.familyStyle.recheck.notActive"))));
    }
    Map<String, Object> variables = completion.variables();
    LocalDate checkedOn = date(variables.get(CHECKED_ON));
    LocalDate opened = contract.firstReminderAt() == null ? contract.termFrom()
        : LocalDate.ofInstant(contract.firstReminderAt(), clock.getZone());
    if (checkedOn == null) {
      throw new InvalidInputException(List.of(new FieldProblem(CHECKED_ON, labels.of("anjia.form.required"))));
    }
    if (checkedOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException(List.of(new FieldProblem(CHECKED_ON, labels.of("anjia.familyStyle.recheck.dateFuture"))));
    }
    if (checkedOn.isBefore(opened)) {
      throw new InvalidInputException(List.of(new FieldProblem(CHECKED_ON,
          labels.of("anjia.familyStyle.recheck.dateTooEarly", opened))));
    }
    Recheck recheck = new Recheck(checkedOn, (String) variables.get(APPLICANT_RECORD),
        (String) variables.get(APPLICANT_HEALTH), (String) variables.get(SPOUSE_RECORD),
        (String) variables.get(SPOUSE_HEALTH));
    UUID id = UUID.randomUUID();
    int inserted = jdbc.sql("""
            insert into family_style_recheck (id, contract_id, term_until, task_id, applicant_record, spouse_record,
                applicant_health, spouse_health, checked_on, passed, notes, recorded_by, recorded_by_name, recorded_at)
            values (:id, :contract, :until, :task, :applicantRecord, :spouseRecord, :applicantHealth, :spouseHealth,
                :checkedOn, :passed, :notes, :by, :byName, :at)
            on conflict (task_id) do nothing""")
        .param("id", id).param("contract", contract.id()).param("until", contract.termUntil())
        .param("task", completion.taskId()).param("applicantRecord", recheck.applicantRecord())
        .param("spouseRecord", recheck.spouseRecord()).param("applicantHealth", recheck.applicantHealth())
        .param("spouseHealth", recheck.spouseHealth()).param("checkedOn", Date.valueOf(checkedOn))
        .param("passed", recheck.passed()).param("notes", (String) variables.get(NOTES))
        .param("by", completion.actor().login()).param("byName", completion.actor().name())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    if (inserted == 1) {
      audit.record(AuditAction.CREATE, OBJECT, id, List.of("records", "health", "passed"), null);
    }
    completion.derived().put(SUMMARY, summary(latest(contract).orElseThrow()));
  }

  /** 续签 needs a passing re-check of the term that ends; the director's decision is refused otherwise. */
  private void refuseRenewalWithoutPassingRecheck(UUID applicationId) {
    CoupleContracts.Contract contract = contracts.ofApplication(applicationId).orElseThrow();
    Optional<Recheck> recheck = latest(contract);
    if (recheck.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem(CoupleProcess.CONTRACT_DECISION_FIELD,
          labels.of("anjia.familyStyle.renewWithoutRecheck"))));
    }
    if (!recheck.get().passed()) {
      throw new InvalidInputException(List.of(new FieldProblem(CoupleProcess.CONTRACT_DECISION_FIELD,
          labels.of("anjia.familyStyle.renewRecheckFailed", summary(recheck.get())))));
    }
  }

  /** The latest re-check of the contract's current term. */
  Optional<Recheck> latest(CoupleContracts.Contract contract) {
    return jdbc.sql("""
            select * from family_style_recheck where contract_id = :contract and term_until = :until
            order by recorded_at desc limit 1""")
        .param("contract", contract.id()).param("until", contract.termUntil())
        .query((rs, row) -> new Recheck(rs.getObject("checked_on", LocalDate.class), rs.getString("applicant_record"),
            rs.getString("applicant_health"), rs.getString("spouse_record"), rs.getString("spouse_health")))
        .optional();
  }

  /** Where the contract's current term stands: open with the first reminder, then passed or failed. */
  Status status(CoupleContracts.Contract contract) {
    return latest(contract).map(r -> r.passed() ? Status.PASSED : Status.FAILED)
        .orElse(contract.firstReminderAt() == null ? Status.NOT_YET_OPEN : Status.DUE);
  }

  /** What the decision form shows while a term has no re-check (a new contract, a renewed one). */
  String pendingSummary() {
    return labels.recorded("anjia.familyStyle.recheck.pending");
  }

  private String summary(Recheck recheck) {
    return labels.recorded("anjia.familyStyle.recheck.summary", recheck.checkedOn(),
        labels.recorded("anjia.familyStyle.recheck." + recheck.applicantRecord()),
        labels.recorded("anjia.familyStyle.recheck." + recheck.applicantHealth()),
        labels.recorded("anjia.familyStyle.recheck." + recheck.spouseRecord()),
        labels.recorded("anjia.familyStyle.recheck." + recheck.spouseHealth()),
        labels.recorded("anjia.familyStyle.recheck." + (recheck.passed() ? "passed" : "failed")));
  }

  /** yyyy-mm-dd as the form sends it; null when missing or not a date. */
  private static LocalDate date(Object value) {
    try {
      return value == null ? null : LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

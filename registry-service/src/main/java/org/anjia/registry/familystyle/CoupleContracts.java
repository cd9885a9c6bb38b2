package org.anjia.registry.familystyle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.engine.ProcessVariables;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.identity.Role;
import org.anjia.registry.printing.PrintedDocument;
import org.anjia.registry.printing.PrintingSettings;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.NotFoundException;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 家庭式养育合同: the couple's contract with the institution — term (default
 * anjia.family-style.couples.contract-term), residence unit, duties — drafted once the director
 * approved, signed by each spouse once on the portal and by the director on the worklist, in any
 * order; in force once all three signed; reminded before its end and renewed (after a passing
 * re-check of both spouses, CoupleRechecks) or ended by the director at its end (family-style-qualification.bpmn). The unit is the residence unit the director
 * chose on approval (CoupleUnits); the couple moves in when the contract is in force and out when it ends.
 */
@Service
class CoupleContracts {

  static final String OBJECT = "FAMILY_STYLE_CONTRACT";
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  enum Status { AWAITING_SIGNATURES, ACTIVE, ENDED }

  record Contract(UUID id, UUID applicationId, UUID familyId, String institutionCode, UUID unitId, String unitName,
      LocalDate termFrom, LocalDate termUntil, String duties, String applicantSignedBy, Instant applicantSignedAt,
      String spouseSignedBy, Instant spouseSignedAt, String directorSignedBy, Instant directorSignedAt, Status status,
      int renewals, Instant firstReminderAt, Instant secondReminderAt) {}

  private final JdbcClient jdbc;
  private final Applications applications;
  private final CoupleApplications coupleApplications;
  private final FamilyAccounts accounts;
  private final FamilyRepository families;
  private final ProcessMessages messages;
  private final CurrentUsers users;
  private final Institutions institutions;
  private final AuditLog audit;
  private final PrintingSettings printing;
  private final CoupleRules rules;
  private final CoupleUnits coupleUnits;
  private final Clock clock;

  CoupleContracts(JdbcClient jdbc, Applications applications, CoupleApplications coupleApplications,
      FamilyAccounts accounts, FamilyRepository families, ProcessMessages messages, CurrentUsers users,
      Institutions institutions, AuditLog audit, PrintingSettings printing, CoupleRules rules, CoupleUnits coupleUnits,
      Clock clock) {
    this.jdbc = jdbc;
    this.applications = applications;
    this.coupleApplications = coupleApplications;
    this.accounts = accounts;
    this.families = families;
    this.messages = messages;
    this.users = users;
    this.institutions = institutions;
    this.audit = audit;
    this.printing = printing;
    this.rules = rules;
    this.coupleUnits = coupleUnits;
    this.clock = clock;
  }

  // ---- the process's steps ------------------------------------------------------------------

  /** 拟定合同 for the unit the director chose: once per application (a repeated call finds the contract it drafted). */
  @Transactional
  Contract draft(UUID applicationId, UUID unitId) {
    Optional<Contract> existing = ofApplication(applicationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Application application = applications.get(applicationId);
    LocalDate from = LocalDate.now(clock);
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into family_style_contract (id, application_id, family_id, institution_code, unit_id, unit_name,
                term_from, term_until, duties, status, created_at)
            values (:id, :application, :family, :institution, :unit, (select name from residence_unit where id = :unit),
                :from, :until, :duties, :status, :at)""")
        .param("id", id).param("application", applicationId).param("family", application.getFamilyId())
        .param("institution", application.getInstitutionCode())
        .param("unit", unitId)
        .param("from", from).param("until", from.plus(rules.contractTerm()).minusDays(1))
        .param("duties", rules.contractDuties()).param("status", Status.AWAITING_SIGNATURES.name())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    audit.record(AuditAction.CREATE, OBJECT, id, List.of("term", "unit", "duties"), null);
    return find(id).orElseThrow();
  }

  /** All three signed: in force, and the couple is qualified (APPROVED). */
  @Transactional
  void activate(UUID applicationId) {
    Contract contract = ofApplication(applicationId).orElseThrow();
    if (contract.status() == Status.AWAITING_SIGNATURES) {
      setStatus(contract.id(), Status.ACTIVE);
      coupleUnits.moveIn(applicationId, contract.unitId());
      applications.moveTo(applicationId, ApplicationStatus.APPROVED, Actor.system(), null);
    }
  }

  /** A reminder before the end (first or second), recorded once. */
  @Transactional
  void remind(UUID applicationId, String which) {
    Contract contract = ofApplication(applicationId).orElseThrow();
    String column = "second".equals(which) ? "second_reminder_at" : "first_reminder_at";
    jdbc.sql("update family_style_contract set " + column + " = :at where id = :id and " + column + " is null")
        .param("at", Timestamp.from(clock.instant())).param("id", contract.id()).update();
  }

  /** 续签: the next term of the default length starts the day after the last one ended. */
  @Transactional
  Contract renew(UUID applicationId) {
    Contract contract = ofApplication(applicationId).orElseThrow();
    LocalDate from = contract.termUntil().plusDays(1);
    jdbc.sql("""
            update family_style_contract set term_from = :from, term_until = :until, renewals = renewals + 1,
                first_reminder_at = null, second_reminder_at = null
            where id = :id""")
        .param("from", from).param("until", from.plus(rules.contractTerm()).minusDays(1)).param("id", contract.id())
        .update();
    audit.record(AuditAction.UPDATE, OBJECT, contract.id(), List.of("term", "renewals"), null);
    return find(contract.id()).orElseThrow();
  }

  /** 退出: the contract ends. */
  @Transactional
  void end(UUID applicationId) {
    Contract contract = ofApplication(applicationId).orElseThrow();
    if (contract.status() != Status.ENDED) {
      setStatus(contract.id(), Status.ENDED);
      coupleUnits.moveOut(applicationId);
    }
  }

  /** The dates the model's timers run on: the end at 24:00 of the last day, and the two reminders before it. */
  Map<String, Object> timerVariables(Contract contract) {
    ZonedDateTime ends = contract.termUntil().plusDays(1).atStartOfDay(clock.getZone());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CoupleProcess.CONTRACT_ID, contract.id().toString());
    variables.put(CoupleProcess.CONTRACT_ENDS, Date.from(ends.toInstant()));
    variables.put(CoupleProcess.FIRST_REMINDER, Date.from(ends.minus(rules.contractReminders().get(0)).toInstant()));
    variables.put(CoupleProcess.SECOND_REMINDER, Date.from(ends.minus(rules.contractReminders().get(1)).toInstant()));
    return variables;
  }

  // ---- signatures ---------------------------------------------------------------------------

  /**
   * A spouse signs the household's contract on the portal, once: the one who submitted as the
   * applicant, the one who confirmed as the spouse; the process hears it in the same transaction.
   */
  @Transactional
  Contract signBySpouse(UUID contractId) {
    CurrentUser user = users.current();
    Contract contract = ownContract(contractId, user);
    if (contract.status() != Status.AWAITING_SIGNATURES) {
      throw new ConflictException("anjia.familyStyle.contractNotAwaitingSignatures");
    }
    Application application = applications.get(contract.applicationId());
    String submitter = application.getHistory().getFirst().getActor().login();
    boolean applicant = user.username().equals(submitter);
    boolean spouse = user.username().equals(application.getSpouseConfirmedBy());
    if (!applicant && !spouse) {
      throw new ConflictException("anjia.familyStyle.onlySpousesSign");
    }
    String prefix = applicant ? "applicant" : "spouse";
    int updated = jdbc.sql("update family_style_contract set " + prefix + "_signed_by = :by, " + prefix
            + "_signed_at = :at where id = :id and " + prefix + "_signed_at is null")
        .param("by", user.username()).param("at", Timestamp.from(clock.instant())).param("id", contractId).update();
    if (updated == 0) {
      throw new ConflictException("anjia.familyStyle.alreadySigned");
    }
    audit.record(AuditAction.UPDATE, OBJECT, contractId, List.of(prefix + "Signature"), null);
    messages.correlate(applicant ? CoupleProcess.APPLICANT_SIGNED : CoupleProcess.SPOUSE_SIGNED,
        contract.applicationId().toString(), Map.of());
    return find(contractId).orElseThrow();
  }

  /** The director's signature, recorded when the director completes the signature task. */
  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!CoupleProcess.PROCESS_ID.equals(completion.processId())
        || !CoupleProcess.CONTRACT_SIGNATURE.equals(completion.elementId()) || completion.applicationId() == null) {
      return;
    }
    ofApplication(completion.applicationId()).ifPresent(contract -> {
      jdbc.sql("""
              update family_style_contract set director_signed_by = :by, director_signed_at = :at
              where id = :id and director_signed_at is null""")
          .param("by", completion.actor().login()).param("at", Timestamp.from(clock.instant()))
          .param("id", contract.id()).update();
      audit.record(AuditAction.UPDATE, OBJECT, contract.id(), List.of("directorSignature"), null);
    });
  }

  // ---- reading ------------------------------------------------------------------------------

  /** A contract of the user's own household; any other answers 404. */
  Contract ownContract(UUID contractId, CurrentUser user) {
    return find(contractId).filter(c -> accounts.isMember(c.familyId(), user.subject()))
        .orElseThrow(() -> new NotFoundException("contract " + contractId));
  }

  /** A contract of the staff member's institution (auditors: any); any other answers 404. */
  Contract staffContract(UUID contractId) {
    CurrentUser user = users.current();
    return find(contractId)
        .filter(c -> user.has(Role.AUDITOR) || (user.hasAny(Role.CASEWORKER, Role.DIRECTOR)
            && Objects.equals(user.institution(), c.institutionCode())))
        .orElseThrow(() -> new NotFoundException("contract " + contractId));
  }

  /** The contract as PDF for the family or staff who may read it; the read is audited. */
  @Transactional
  byte[] pdf(Contract contract) {
    audit.record(AuditAction.READ, OBJECT, contract.id(), List.of("pdf"), null);
    String institution = institutions.find(contract.institutionCode()).map(Institutions.Institution::name)
        .orElse(contract.institutionCode());
    String family = families.findById(contract.familyId()).map(f -> f.getDisplayName()).orElse("");
    return PrintedDocument.of(PrintedDocument.Format.AGREEMENT, "机构内家庭式养育合同", "Family-style care contract")
        .footer("依据：吉林省规划专栏4.2、湖北省规划三（一）（机构内家庭式养育）；期限、职责为地方惯例（西宁），以机构公布的文本为准。")
        .line("甲方（儿童福利机构）：" + institution)
        .line("乙方（夫妻）：" + family)
        .heading("一、合同期限")
        .line("自" + CHINESE_DATE.format(contract.termFrom()) + "起至" + CHINESE_DATE.format(contract.termUntil()) + "止。")
        .heading("二、家庭式居所（单元）")
        .line(contract.unitName() != null ? contract.unitName() : "由甲方另行安排")
        .heading("三、乙方的职责")
        .line(contract.duties())
        .heading("四、合同生效")
        .line("本合同自夫妻双方和甲方负责人签字之日起生效。")
        .line("申请人签字日期：" + signed(contract.applicantSignedAt()))
        .line("配偶签字日期：" + signed(contract.spouseSignedAt()))
        .line("甲方负责人签字日期：" + signed(contract.directorSignedAt()))
        .render(printing.font());
  }

  private String signed(Instant at) {
    return at == null ? "（未签字）" : CHINESE_DATE.format(at.atZone(clock.getZone()).toLocalDate());
  }

  Optional<Contract> ofApplication(UUID applicationId) {
    return jdbc.sql("select * from family_style_contract where application_id = :id").param("id", applicationId)
        .query((rs, n) -> contract(rs)).optional();
  }

  List<Contract> ofFamilies(List<UUID> familyIds) {
    if (familyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from family_style_contract where family_id in (:ids) order by created_at desc")
        .param("ids", familyIds).query((rs, n) -> contract(rs)).list();
  }

  Optional<Contract> find(UUID id) {
    return jdbc.sql("select * from family_style_contract where id = :id").param("id", id)
        .query((rs, n) -> contract(rs)).optional();
  }

  private void setStatus(UUID id, Status status) {
    jdbc.sql("update family_style_contract set status = :status where id = :id").param("status", status.name())
        .param("id", id).update();
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("status"), null);
  }

  private static Contract contract(ResultSet rs) throws SQLException {
    return new Contract(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
        rs.getObject("family_id", UUID.class), rs.getString("institution_code"), rs.getObject("unit_id", UUID.class),
        rs.getString("unit_name"), rs.getObject("term_from", LocalDate.class), rs.getObject("term_until", LocalDate.class),
        rs.getString("duties"), rs.getString("applicant_signed_by"), instant(rs, "applicant_signed_at"),
        rs.getString("spouse_signed_by"), instant(rs, "spouse_signed_at"), rs.getString("director_signed_by"),
        instant(rs, "director_signed_at"), Status.valueOf(rs.getString("status")), rs.getInt("renewals"),
        instant(rs, "first_reminder_at"), instant(rs, "second_reminder_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  /** The contract's service tasks in family-style-qualification.bpmn (processes/README.md). */
  @Configuration(proxyBeanMethods = false)
  static class CoupleContractDelegates {

    @Bean
    JavaDelegate coupleContractReady(CoupleContracts contracts, CoupleRechecks rechecks) {
      return execution -> {
        Contract contract = contracts.draft(ProcessVariables.caseId(execution),
            UUID.fromString((String) execution.getVariable(CoupleUnits.UNIT_ID)));
        setAll(execution, contracts.timerVariables(contract));
        execution.setVariable(CoupleRechecks.SUMMARY, rechecks.pendingSummary());
      };
    }

    @Bean
    JavaDelegate coupleContractActive(CoupleContracts contracts) {
      return execution -> contracts.activate(ProcessVariables.caseId(execution));
    }

    @Bean
    JavaDelegate coupleContractReminder(CoupleContracts contracts) {
      return execution -> contracts.remind(ProcessVariables.caseId(execution), (String) execution.getVariable("reminder"));
    }

    /** A new term: new timer dates, and its own re-check still to come. */
    @Bean
    JavaDelegate coupleContractRenewal(CoupleContracts contracts, CoupleRechecks rechecks) {
      return execution -> {
        setAll(execution, contracts.timerVariables(contracts.renew(ProcessVariables.caseId(execution))));
        execution.setVariable(CoupleRechecks.SUMMARY, rechecks.pendingSummary());
      };
    }

    @Bean
    JavaDelegate coupleContractExit(CoupleContracts contracts) {
      return execution -> contracts.end(ProcessVariables.caseId(execution));
    }

    private static void setAll(DelegateExecution execution, Map<String, Object> variables) {
      variables.forEach(execution::setVariable);
    }
  }
}

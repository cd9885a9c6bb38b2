package org.anjia.processes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.impl.util.ClockUtil;

/**
 * Stands in for the registry service's beans that the models call (processes/README.md): each
 * service-task delegate records what it was called with under the case's business key and sets the
 * variables the service would set; {@code dueDate}, {@code taskDeadlines} and {@code followUpVisits}
 * answer as the service does with its production defaults, counting calendar days only (no holiday
 * calendar). A test can make a delegate fail to see what the engine does then.
 */
final class RecordingDelegates {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The production defaults of anjia.deadlines.periods (registry-service application.yaml), in calendar days. */
  static final Map<String, Integer> PERIOD_DAYS = Map.of(
      "public-notice", 60,
      "assessment-report", 60,
      "integration-period", 30,
      "registrar-review", 30,
      "dissolution-registration", 30);

  /** The production defaults of anjia.foster.deadlines: due after, reminder before. */
  static final Map<String, Duration[]> TASK_DEADLINES = Map.ofEntries(
      Map.entry("CheckDocuments", new Duration[] {Duration.ofDays(5), Duration.ofDays(1)}),
      Map.entry("AssessHome", new Duration[] {Duration.ofDays(20), Duration.ofDays(3)}),
      Map.entry("ReviewByDirector", new Duration[] {Duration.ofDays(10), Duration.ofDays(2)}),
      Map.entry("TrainCaregiver", new Duration[] {Duration.ofDays(30), Duration.ofDays(5)}),
      Map.entry("ApproveMatch", new Duration[] {Duration.ofDays(5), Duration.ofDays(1)}),
      Map.entry("SignAgreement", new Duration[] {Duration.ofDays(5), Duration.ofDays(1)}),
      Map.entry("AssessIntegration", new Duration[] {Duration.ofDays(10), Duration.ofDays(2)}),
      Map.entry("HomeVisit", new Duration[] {Duration.ofDays(7), Duration.ofDays(2)}),
      Map.entry("DecideRespite", new Duration[] {Duration.ofDays(2), Duration.ofDays(1)}),
      Map.entry("DecideTermination", new Duration[] {Duration.ofDays(10), Duration.ofDays(2)}),
      Map.entry("FileTermination", new Duration[] {Duration.ofDays(15), Duration.ofDays(3)}),
      Map.entry("RecheckHousehold", new Duration[] {Duration.ofDays(20), Duration.ofDays(3)}),
      Map.entry("ApproveRenewal", new Duration[] {Duration.ofDays(10), Duration.ofDays(2)}),
      Map.entry("ReviewPlacements", new Duration[] {Duration.ofDays(5), Duration.ofDays(1)}),
      Map.entry("ReviewUnit", new Duration[] {Duration.ofDays(14), Duration.ofDays(3)}),
      // family-style-qualification.bpmn (anjia.deadlines.steps, local practice)
      Map.entry("CoupleCheckDocuments", new Duration[] {Duration.ofDays(5), Duration.ofDays(1)}),
      Map.entry("CoupleBackgroundCheck", new Duration[] {Duration.ofDays(20), Duration.ofDays(3)}),
      Map.entry("CoupleInterview", new Duration[] {Duration.ofDays(10), Duration.ofDays(2)}),
      Map.entry("CoupleHomeLifeAssessment", new Duration[] {Duration.ofDays(20), Duration.ofDays(3)}),
      Map.entry("CoupleTraining", new Duration[] {Duration.ofDays(60), Duration.ofDays(5)}),
      Map.entry("CoupleDirectorApproval", new Duration[] {Duration.ofDays(10), Duration.ofDays(2)}),
      Map.entry("CoupleContractSignature", new Duration[] {Duration.ofDays(5), Duration.ofDays(1)}),
      Map.entry("CoupleRecheck", new Duration[] {Duration.ofDays(45), Duration.ofDays(7)}),
      Map.entry("CoupleContractDecision", new Duration[] {Duration.ofDays(30), Duration.ofDays(5)}));

  /** The production default of anjia.foster.placement.visit-interval (local practice). */
  static final String FOSTER_VISIT_INTERVAL = "P1M";

  /** The production default of anjia.adoption.follow-up-visits. */
  static final List<String> FOLLOW_UP_OFFSETS = List.of("P3M", "P6M", "P12M");

  /** One call of a delegate: which bean, at which element, with the variables it saw. */
  record Call(String bean, String activityId, String processInstanceId, Map<String, Object> variables) {}

  /** The service-task beans of the models and the variables each sets (the service's results). */
  private static final Map<String, Map<String, Object>> RESULTS = Map.ofEntries(
      Map.entry("taskReminder", Map.of()),
      Map.entry("taskEscalation", Map.of()),
      Map.entry("fosterRegisterEntry", Map.of()),
      Map.entry("fosterRejection", Map.of()),
      Map.entry("childAvailable", Map.of()),
      Map.entry("childClaimed", Map.of()),
      Map.entry("childPlacementRefused", Map.of()),
      Map.entry("adoptionRejection", Map.of()),
      Map.entry("adoptionRegistration", Map.of("certificateNumber", "收登字TEST")),
      Map.entry("dissolutionRegistration", Map.of("dissolutionCertificateNumber", "解收字TEST")),
      Map.entry("dissolutionRefusal", Map.of()),
      Map.entry("fosterMatchRefusal", Map.of()),
      Map.entry("fosterAgreementReady", Map.of()),
      Map.entry("fosterPlacementWithdrawal", Map.of()),
      Map.entry("fosterPlacementEnd", Map.of()),
      Map.entry("fosterRespiteDeclined", Map.of()),
      Map.entry("fosterRespiteEnd", Map.of()),
      Map.entry("fosterTermination", Map.of()),
      Map.entry("coupleRejection", Map.of()),
      Map.entry("coupleContractActive", Map.of()),
      Map.entry("coupleContractReminder", Map.of()),
      Map.entry("coupleContractExit", Map.of()));

  private final Map<String, List<Call>> callsByCase = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger keycloakEventImports = new java.util.concurrent.atomic.AtomicInteger();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  Map<Object, Object> beans() {
    Map<Object, Object> beans = new HashMap<>();
    RESULTS.forEach((bean, result) -> beans.put(bean, (JavaDelegate) execution -> call(bean, execution, result)));
    beans.put("dueDate", (JavaDelegate) this::dueDate);
    beans.put("taskDeadlines", new TaskDeadlines());
    beans.put("followUpVisits", new FollowUpVisits());
    beans.put("fosterPlacementStart", (JavaDelegate) this::fosterPlacementStart);
    beans.put("fosterVisits", new FosterVisits());
    beans.put("fosterRespiteStart", (JavaDelegate) this::fosterRespiteStart);
    // foster-register-renewal.bpmn, as the service's RegisterRenewals answers with its production defaults
    // (anjia.foster.renewal: opens P60D, reminder P30D before expiry; anjia.foster.register-validity P1Y);
    // on failure or expiry the current placements are those the test started with (currentPlacementChildren)
    beans.put("fosterRenewalSchedule", (JavaDelegate) execution -> {
      call("fosterRenewalSchedule", execution, Map.of());
      LocalDate expiresOn = LocalDate.parse((String) execution.getVariable("expiresOn"));
      execution.setVariable("renewalOpens", Date.from(expiresOn.minusDays(60).atStartOfDay(CHINA).toInstant()));
      execution.setVariable("renewalReminder", Date.from(expiresOn.minusDays(30).atStartOfDay(CHINA).toInstant()));
      execution.setVariable("registerExpires", Date.from(expiresOn.plusDays(1).atStartOfDay(CHINA).toInstant()));
    });
    beans.put("fosterRenewalOpening", (JavaDelegate) execution -> call("fosterRenewalOpening", execution,
        Map.of("householdAdults", "王秀英 360102198601011234；李建国 360102198401011235")));
    beans.put("fosterRenewalReminder", (JavaDelegate) execution -> call("fosterRenewalReminder", execution, Map.of()));
    beans.put("fosterRegisterRenewal", (JavaDelegate) execution -> call("fosterRegisterRenewal", execution, Map.of(
        "expiresOn", LocalDate.parse((String) execution.getVariable("expiresOn")).plusYears(1).toString())));
    // family-style-qualification.bpmn, as the service's CoupleContracts answers with its production defaults
    // (anjia.family-style.couples: contract-term P3Y, reminders P90D and P30D before the end)
    beans.put("coupleContractReady", (JavaDelegate) execution -> {
      call("coupleContractReady", execution, Map.of("contractId", "contract-" + execution.getProcessBusinessKey()));
      coupleContractDates(execution);
    });
    beans.put("coupleContractRenewal", (JavaDelegate) execution -> {
      call("coupleContractRenewal", execution, Map.of());
      coupleContractDates(execution);
    });
    for (String lapse : List.of("fosterRegisterFailure", "fosterRegisterExpiry")) {
      beans.put(lapse, (JavaDelegate) execution -> {
        String children = (String) execution.getVariable("currentPlacementChildren");
        call(lapse, execution, Map.of("currentPlacements", children.isEmpty() ? 0 : children.split("、").length));
      });
    }
    // family-style-unit-review.bpmn (机构内家庭式养育), as the service's UnitReviews answers with its production
    // default (anjia.family-style.review-interval P3M, local practice); the preparation lists the unit's children
    beans.put("unitReviewCycle", new UnitReviewCycle());
    // the timer start has no case to record it under: counted
    beans.put("keycloakEventImport", (JavaDelegate) execution -> keycloakEventImports.incrementAndGet());
    beans.put("unitReviewPreparation", (JavaDelegate) execution -> call("unitReviewPreparation", execution,
        Map.of("unitChildren", "王小一（5岁）、王小二（3岁）")));
    return beans;
  }

  /** As the service's UnitReviews.Cycle: a review each configured interval while the unit is open. */
  public static final class UnitReviewCycle {

    public String cycle() {
      return "R/P3M";
    }
  }

  private void call(String bean, DelegateExecution execution, Map<String, Object> result) {
    if (failing.contains(bean)) {
      throw new IllegalStateException(bean + " unavailable (test)");
    }
    callsByCase.computeIfAbsent(execution.getProcessBusinessKey(), key -> new CopyOnWriteArrayList<>())
        .add(new Call(bean, execution.getCurrentActivityId(), execution.getProcessInstanceId(),
            new HashMap<>(execution.getVariables())));
    result.forEach(execution::setVariable);
  }

  /** The service's due-date step: the period named by the input {@code deadline} into the variable named by {@code variable}. */
  private void dueDate(DelegateExecution execution) {
    String deadline = (String) execution.getVariableLocal("deadline");
    Integer days = PERIOD_DAYS.get(deadline);
    if (days == null) {
      throw new IllegalArgumentException("No legal period '" + deadline + "' configured: " + PERIOD_DAYS.keySet());
    }
    execution.setVariable((String) execution.getVariableLocal("variable"), periodEnd(days));
    callsByCase.computeIfAbsent(execution.getProcessBusinessKey(), key -> new CopyOnWriteArrayList<>())
        .add(new Call("dueDate", execution.getCurrentActivityId(), execution.getProcessInstanceId(),
            Map.of("deadline", deadline)));
  }

  /**
   * As the service's fosterPlacementStart: the placement starts today (engine time), its integration
   * period ends after the agreed {@code integrationDays} and the agreement at the end of
   * {@code agreementUntil}, each at 24:00 of the last day.
   */
  private void fosterPlacementStart(DelegateExecution execution) {
    call("fosterPlacementStart", execution, Map.of());
    execution.setVariable("integrationEnds", periodEnd(((Number) execution.getVariable("integrationDays")).intValue()));
    LocalDate until = LocalDate.parse((String) execution.getVariable("agreementUntil"));
    execution.setVariable("agreementEnds", Date.from(until.plusDays(1).atStartOfDay(CHINA).toInstant()));
  }

  /** The contract's term (P3Y) from the engine's today, ending at 24:00 of its last day, and its two reminders. */
  static void coupleContractDates(DelegateExecution execution) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
    LocalDate ends = today.plusYears(3);
    execution.setVariable("contractEnds", Date.from(ends.atStartOfDay(CHINA).toInstant()));
    execution.setVariable("contractFirstReminder", Date.from(ends.minusDays(90).atStartOfDay(CHINA).toInstant()));
    execution.setVariable("contractSecondReminder", Date.from(ends.minusDays(30).atStartOfDay(CHINA).toInstant()));
  }

  /** The production default of anjia.foster.placement.max-respite-days (art. 20). */
  static final int MAX_RESPITE_DAYS = 30;

  /**
   * As the service's fosterRespiteStart: the respite starts today (engine time), the child is due back
   * at the end of {@code respiteDays} and the respite may last at most {@link #MAX_RESPITE_DAYS}.
   */
  private void fosterRespiteStart(DelegateExecution execution) {
    call("fosterRespiteStart", execution, Map.of());
    execution.setVariable("respiteEnds", periodEnd(((Number) execution.getVariable("respiteDays")).intValue()));
    execution.setVariable("respiteLimit", periodEnd(MAX_RESPITE_DAYS));
  }

  /** N calendar days counted from the day after the engine's today (China), ending at 24:00 of day N. */
  static Date periodEnd(int days) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
    return Date.from(today.plusDays(days + 1L).atStartOfDay(CHINA).toInstant());
  }

  /** As the service's TaskDeadlines: each foster step's due date and reminder, from engine time. */
  public static final class TaskDeadlines {

    public Date due(String taskId) {
      return Date.from(Instant.now(ClockUtilClock.INSTANCE).plus(TASK_DEADLINES.get(taskId)[0]));
    }

    public Date reminder(String taskId) {
      Duration[] deadline = TASK_DEADLINES.get(taskId);
      return Date.from(Instant.now(ClockUtilClock.INSTANCE).plus(deadline[0]).minus(deadline[1]));
    }

    /** The reminder of a legal deadline: the configured lead before it (registrar review: P3D). */
    public Date reminderBefore(Date due, String deadline) {
      return Date.from(due.toInstant().minus(Duration.ofDays(3)));
    }
  }

  /** As the service's FollowUpVisits: the configured offsets after registration (local practice). */
  public static final class FollowUpVisits {

    public List<String> offsets() {
      return new ArrayList<>(FOLLOW_UP_OFFSETS);
    }
  }

  /** As the service's FosterVisits: a visit each configured interval while the child is placed. */
  public static final class FosterVisits {

    public String cycle() {
      return "R/" + FOSTER_VISIT_INTERVAL;
    }
  }

  /** The engine's clock as a java.time.Clock, truncated to seconds so repeated reads in one step agree. */
  private static final class ClockUtilClock extends java.time.Clock {

    static final ClockUtilClock INSTANCE = new ClockUtilClock();

    @Override
    public ZoneId getZone() {
      return CHINA;
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
  }

  /** The calls of that bean for the case so far. */
  List<Call> calls(String businessKey, String bean) {
    return callsByCase.getOrDefault(businessKey, List.of()).stream().filter(call -> call.bean().equals(bean)).toList();
  }

  /** How often the Keycloak event import ran. */
  int keycloakEventImports() {
    return keycloakEventImports.get();
  }

  /** Every bean called for the case, in order. */
  List<String> beansCalled(String businessKey) {
    return callsByCase.getOrDefault(businessKey, List.of()).stream().map(Call::bean).toList();
  }

  void fail(String bean) {
    failing.add(bean);
  }

  void recover(String bean) {
    failing.remove(bean);
  }
}

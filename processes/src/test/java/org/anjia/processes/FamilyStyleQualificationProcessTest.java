package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.anjia.processes.RecordingDelegates.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * The family-style couple's journey (family-style-qualification.bpmn, processes/README.md) on the real
 * engine: eligibility rule by rule, the qualification steps, the contract's three signatures in any
 * order, the reminders before its end and the director's renewal or exit, on a moved engine clock.
 */
class FamilyStyleQualificationProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "family-style-qualification";
  private static final String SUBMITTED_MESSAGE = "family-style-application-submitted";
  private static final String APPLICANT_SIGNED = "family-style-contract-signed-by-applicant";
  private static final String SPOUSE_SIGNED = "family-style-contract-signed-by-spouse";
  /** The residence unit the director chooses on approval (the service offers the free ones). */
  private static final String UNIT_ID = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";

  private static final String REJECTION = "coupleRejection";
  private static final String CONTRACT_READY = "coupleContractReady";
  private static final String CONTRACT_ACTIVE = "coupleContractActive";
  private static final String CONTRACT_REMINDER = "coupleContractReminder";
  private static final String CONTRACT_RENEWAL = "coupleContractRenewal";
  private static final String CONTRACT_EXIT = "coupleContractExit";
  private static final String ESCALATION = "taskEscalation";

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- eligibility: one row per rule ----------------------------------------------------------

  static Stream<Arguments> couplesFailingOneRule() {
    return Stream.of(
        Arguments.of("not married", change("married", false), "MARRIED"),
        Arguments.of("marriage unknown (null)", change("married", null), "MARRIED"),
        Arguments.of("no full-time partner named", change("fullTimePartnerNamed", false), "FULL_TIME_PARTNER"),
        Arguments.of("infectious or mental illness", change("hasInfectiousOrMentalIllness", true), "HEALTH"),
        Arguments.of("criminal record", change("hasCriminalRecord", true), "CRIMINAL_RECORD"),
        Arguments.of("applicant aged 29", change("applicantAge", 29), "APPLICANT_AGE"),
        Arguments.of("applicant aged 66", change("applicantAge", 66), "APPLICANT_AGE"),
        Arguments.of("spouse aged 29", change("spouseAge", 29), "SPOUSE_AGE"),
        Arguments.of("spouse aged 66", change("spouseAge", 66), "SPOUSE_AGE"),
        Arguments.of("full-time partner with primary school only", change("fullTimePartnerEducationLevel", 1),
            "EDUCATION"));
  }

  @ParameterizedTest(name = "{0} -> rejected for {2} only")
  @MethodSource("couplesFailingOneRule")
  void oneUnmetRuleRejectsWithThatRuleOnly(String description, Consumer<Map<String, Object>> change, String rule) {
    Map<String, Object> couple = eligibleCouple();
    change.accept(couple);
    String id = submit(couple);

    Call rejection = single(id, REJECTION);
    List<Map<String, Object>> violations = violations(rejection);
    assertThat(violations).extracting(v -> v.get("rule")).containsExactly(rule);
    assertThat(violations.get(0)).extractingByKey("article").asString().isNotBlank();
    assertThat(violations.get(0)).extractingByKey("reason").asString().isNotBlank();
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    assertThat(historicTasks(id)).as("no task for an ineligible couple").isEmpty();
  }

  static Stream<Arguments> eligibleBoundaries() {
    return Stream.of(
        Arguments.of("applicant aged exactly 30", change("applicantAge", 30)),
        Arguments.of("applicant aged exactly 65", change("applicantAge", 65)),
        Arguments.of("spouse aged exactly 30", change("spouseAge", 30)),
        Arguments.of("spouse aged exactly 65", change("spouseAge", 65)),
        Arguments.of("junior middle school exactly", change("fullTimePartnerEducationLevel", 2)));
  }

  @ParameterizedTest(name = "{0} is eligible")
  @MethodSource("eligibleBoundaries")
  void boundaryValuesAreEligible(String description, Consumer<Map<String, Object>> change) {
    Map<String, Object> couple = eligibleCouple();
    change.accept(couple);
    String id = submit(couple);

    assertOfferedWithForm(task(id, "CoupleCheckDocuments"), "caseworker", "family-style-document-check");
    assertThat(DELEGATES.calls(id, REJECTION)).isEmpty();
  }

  @Test
  void everyUnmetRuleIsListed() {
    Map<String, Object> couple = eligibleCouple();
    couple.put("married", false);
    couple.put("spouseAge", 70);
    String id = submit(couple);
    assertThat(violations(single(id, REJECTION))).extracting(v -> v.get("rule"))
        .containsExactlyInAnyOrder("MARRIED", "SPOUSE_AGE");
  }

  // ---- the qualification ----------------------------------------------------------------------

  @Test
  @DisplayName("documents, background check of both, interview, home life, training, director: the contract is drafted")
  void qualificationPath() {
    String id = submit(eligibleCouple());
    for (String[] step : new String[][] {
        {"CoupleCheckDocuments", "caseworker", "family-style-document-check"}}) {
      assertTaskDue(task(id, step[0]), step[1], step[2]);
    }
    qualify(id);

    Call ready = single(id, CONTRACT_READY);
    assertThat(ready.variables()).containsEntry("directorDecision", "approve").containsEntry("unitId", UNIT_ID)
        .containsEntry("trainingHours", 40);
    assertTaskDue(task(id, "CoupleContractSignature"), "director", "family-style-contract-signature");
    assertThat(historicTasks(id)).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactly(
        "CoupleCheckDocuments", "CoupleBackgroundCheck", "CoupleInterview", "CoupleHomeLifeAssessment",
        "CoupleTraining", "CoupleDirectorApproval", "CoupleContractSignature");
    assertThat(DELEGATES.calls(id, REJECTION)).isEmpty();
  }

  @Test
  void aRecordOfEitherSpouseEndsTheApplication() {
    String id = submit(eligibleCouple());
    complete(id, "CoupleCheckDocuments", Map.of("documentsDecision", "complete"));
    complete(id, "CoupleBackgroundCheck", Map.of("applicantRecord", "clear", "spouseRecord", "found",
        "backgroundCheckedOn", "2026-03-03"));
    assertThat(single(id, REJECTION).variables()).containsEntry("spouseRecord", "found");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
  }

  @Test
  void anUnknownBackgroundResultIsRefused() {
    String id = submit(eligibleCouple());
    complete(id, "CoupleCheckDocuments", Map.of("documentsDecision", "complete"));
    assertThatThrownBy(() -> complete(id, "CoupleBackgroundCheck", Map.of("applicantRecord", "clear",
        "spouseRecord", "maybe"))).isInstanceOf(ProcessEngineException.class);
    assertThat(openTaskIds(id)).containsExactly("CoupleBackgroundCheck");
  }

  @Test
  @DisplayName("training below the configured hours continues with a new training task")
  void tooFewTrainingHoursMeansMoreTraining() {
    String id = submit(eligibleCouple());
    toTraining(id);
    complete(id, "CoupleTraining", Map.of("trainingHours", 39));
    assertTaskDue(task(id, "CoupleTraining"), "caseworker", "family-style-training");
    complete(id, "CoupleTraining", Map.of("trainingHours", 40));
    assertThat(openTaskIds(id)).containsExactly("CoupleDirectorApproval");
  }

  @Test
  void directorRejectionIsRecorded() {
    String id = submit(eligibleCouple());
    toTraining(id);
    complete(id, "CoupleTraining", Map.of("trainingHours", 40));
    complete(id, "CoupleDirectorApproval", Map.of("directorDecision", "reject"));
    assertThat(single(id, REJECTION).variables()).containsEntry("directorDecision", "reject");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    assertThat(DELEGATES.calls(id, CONTRACT_READY)).isEmpty();
  }

  @Test
  @DisplayName("an overdue background check is escalated to the director and stays open")
  void overdueStepIsEscalated() {
    String id = submit(eligibleCouple());
    later();
    complete(id, "CoupleCheckDocuments", Map.of("documentsDecision", "complete"));
    Instant created = now();
    moveClockTo(created.plus(Duration.ofDays(20)).plusSeconds(60));
    assertThat(single(id, ESCALATION).variables()).containsEntry("taskElementId", "CoupleBackgroundCheck");
    assertThat(openTaskIds(id)).containsExactly("CoupleBackgroundCheck", "FollowUpCoupleBackgroundCheck");
  }

  // ---- the contract ---------------------------------------------------------------------------

  static Stream<Arguments> signatureOrders() {
    return Stream.of(
        Arguments.of(List.of("applicant", "spouse", "director")),
        Arguments.of(List.of("director", "spouse", "applicant")),
        Arguments.of(List.of("spouse", "director", "applicant")));
  }

  @ParameterizedTest(name = "signed in the order {0}")
  @MethodSource("signatureOrders")
  void theContractIsActiveOnceAllThreeSigned(List<String> order) {
    String id = submit(eligibleCouple());
    qualify(id);
    for (int i = 0; i < order.size(); i++) {
      assertThat(DELEGATES.calls(id, CONTRACT_ACTIVE)).as("not active before the third signature").isEmpty();
      sign(id, order.get(i));
    }
    assertThat(single(id, CONTRACT_ACTIVE).activityId()).isEqualTo("ActivateContract");
    assertThat(openTaskIds(id)).isEmpty();
    assertThat(ended(id)).as("the contract runs").isFalse();
  }

  @Test
  @DisplayName("a spouse's signature before the contract is ready has nothing to reach: the service must refuse it")
  void aSignatureTooEarlyIsNotCaught() {
    String id = submit(eligibleCouple());
    assertThat(runtime.createMessageCorrelation(SPOUSE_SIGNED).processInstanceBusinessKey(id).correlateAllWithResult())
        .isEmpty();
  }

  @Test
  @DisplayName("reminders 90 and 30 days before the end, then the director renews and the term starts again")
  void remindersAndRenewalOnAMovedClock() {
    String id = contractInForce();
    LocalDate today = LocalDate.ofInstant(now(), RecordingDelegates.CHINA);
    Instant ends = today.plusYears(3).atStartOfDay(RecordingDelegates.CHINA).toInstant();
    assertThat(timerDue(id, "ContractEnded")).isEqualTo(ends);
    assertThat(timerDue(id, "ContractFirstReminder")).isEqualTo(ends.minus(Duration.ofDays(90)));
    assertThat(timerDue(id, "ContractSecondReminder")).isEqualTo(ends.minus(Duration.ofDays(30)));

    moveClockTo(ends.minus(Duration.ofDays(90)).minusSeconds(1));
    assertThat(DELEGATES.calls(id, CONTRACT_REMINDER)).isEmpty();
    moveClockTo(ends.minus(Duration.ofDays(90)).plusSeconds(1));
    assertThat(single(id, CONTRACT_REMINDER).variables()).containsEntry("reminder", "first");
    assertTaskDue(task(id, "CoupleRecheck"), "caseworker", "family-style-recheck");
    complete(id, "CoupleRecheck", passingRecheck());
    moveClockTo(ends.minus(Duration.ofDays(30)).plusSeconds(1));
    assertThat(DELEGATES.calls(id, CONTRACT_REMINDER)).extracting(c -> c.variables().get("reminder"))
        .containsExactly("first", "second");
    assertThat(openTaskIds(id)).as("the second reminder opens no second re-check").isEmpty();

    moveClockTo(ends.plusSeconds(1));
    assertTaskDue(task(id, "CoupleContractDecision"), "director", "family-style-contract-decision");
    complete(id, "CoupleContractDecision", Map.of("contractDecision", "renew"));
    assertThat(single(id, CONTRACT_RENEWAL).activityId()).isEqualTo("RenewContract");
    LocalDate renewedOn = LocalDate.ofInstant(now(), RecordingDelegates.CHINA);
    assertThat(timerDue(id, "ContractEnded"))
        .isEqualTo(renewedOn.plusYears(3).atStartOfDay(RecordingDelegates.CHINA).toInstant());
    assertThat(ended(id)).isFalse();
  }

  @Test
  @DisplayName("the re-check opens with the first reminder and is escalated when still open at its due date")
  void anOverdueRecheckIsEscalated() {
    String id = contractInForce();
    Instant opens = timerDue(id, "ContractFirstReminder");
    moveClockTo(opens.plusSeconds(1));
    assertThat(openTaskIds(id)).containsExactly("CoupleRecheck");
    moveClockTo(opens.plus(Duration.ofDays(45)).plusSeconds(60));
    assertThat(single(id, ESCALATION).variables()).containsEntry("taskElementId", "CoupleRecheck");
    assertThat(openTaskIds(id)).containsExactly("CoupleRecheck", "FollowUpCoupleRecheck");
  }

  @Test
  @DisplayName("an exit at the end of the term also ends a re-check still open")
  void anExitEndsAnOpenRecheck() {
    String id = contractInForce();
    Instant ends = timerDue(id, "ContractEnded");
    moveClockTo(ends.minus(Duration.ofDays(90)).plusSeconds(1));
    moveClockTo(ends.plusSeconds(1));
    assertThat(openTaskIds(id)).containsExactlyInAnyOrder("CoupleRecheck", "FollowUpCoupleRecheck", "CoupleContractDecision");
    complete(id, "CoupleContractDecision", Map.of("contractDecision", "exit"));
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("ContractExited");
    assertThat(openTaskIds(id)).isEmpty();
  }

  @Test
  void exitAtTheEndOfTheTerm() {
    String id = submit(eligibleCouple());
    qualify(id);
    sign(id, "director");
    sign(id, "spouse");
    sign(id, "applicant");
    Instant ends = timerDue(id, "ContractEnded");
    moveClockTo(ends.plusSeconds(1));
    complete(id, "CoupleContractDecision", Map.of("contractDecision", "exit"));
    assertThat(single(id, CONTRACT_EXIT).activityId()).isEqualTo("EndContract");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("ContractExited");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Consumer<Map<String, Object>> change(String field, Object value) {
    return couple -> couple.put(field, value);
  }

  private static Map<String, Object> eligibleCouple() {
    Map<String, Object> couple = new HashMap<>();
    couple.put("married", true);
    couple.put("fullTimePartnerNamed", true);
    couple.put("hasInfectiousOrMentalIllness", false);
    couple.put("hasCriminalRecord", false);
    couple.put("applicantAge", 42);
    couple.put("spouseAge", 44);
    couple.put("fullTimePartnerEducationLevel", 3);
    return couple;
  }

  /** The production defaults (registry-service application.yaml, anjia.family-style.couples.*). */
  private static Map<String, Object> rules() {
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("minAge", 30);
    rules.put("maxAge", 65);
    rules.put("minEducationLevel", 2);
    return rules;
  }

  private String submit(Map<String, Object> couple) {
    String id = newCaseKey();
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("applicationNumber", "FS-" + id.substring(0, 8));
    variables.put("minTrainingHours", 40);
    variables.put("eligibilityFacts", json(Map.of("couple", couple, "rules", rules())));
    startByMessage(SUBMITTED_MESSAGE, id, variables);
    return id;
  }

  private void toTraining(String id) {
    complete(id, "CoupleCheckDocuments", Map.of("documentsDecision", "complete"));
    complete(id, "CoupleBackgroundCheck", Map.of("applicantRecord", "clear", "spouseRecord", "clear",
        "backgroundCheckedOn", "2026-03-03"));
    complete(id, "CoupleInterview", Map.of("interviewRecommendation", "recommend"));
    complete(id, "CoupleHomeLifeAssessment", Map.of("homeLifeRecommendation", "recommend"));
  }

  private void qualify(String id) {
    later();
    complete(id, "CoupleCheckDocuments", Map.of("documentsDecision", "complete"));
    assertTaskDue(task(id, "CoupleBackgroundCheck"), "caseworker", "family-style-background-check");
    complete(id, "CoupleBackgroundCheck", Map.of("applicantRecord", "clear", "spouseRecord", "clear",
        "backgroundCheckedOn", "2026-03-03"));
    assertTaskDue(task(id, "CoupleInterview"), "caseworker", "family-style-interview");
    complete(id, "CoupleInterview", Map.of("interviewRecommendation", "recommend"));
    assertTaskDue(task(id, "CoupleHomeLifeAssessment"), "caseworker", "family-style-home-life-assessment");
    complete(id, "CoupleHomeLifeAssessment", Map.of("homeLifeRecommendation", "recommend"));
    assertTaskDue(task(id, "CoupleTraining"), "caseworker", "family-style-training");
    complete(id, "CoupleTraining", Map.of("trainingHours", 40));
    assertTaskDue(task(id, "CoupleDirectorApproval"), "director", "family-style-director-approval");
    complete(id, "CoupleDirectorApproval", Map.of("directorDecision", "approve", "unitId", UNIT_ID));
  }

  private static Map<String, Object> passingRecheck() {
    return Map.of("recheckApplicantRecord", "clear", "recheckSpouseRecord", "clear", "recheckApplicantHealth", "fit",
        "recheckSpouseHealth", "fit", "recheckedOn", "2029-01-10");
  }

  /** A qualified couple whose contract all three signed (applicant, spouse, director). */
  private String contractInForce() {
    String id = submit(eligibleCouple());
    qualify(id);
    sign(id, "applicant");
    sign(id, "spouse");
    sign(id, "director");
    return id;
  }

  private void sign(String id, String who) {
    switch (who) {
      case "applicant" -> runtime.createMessageCorrelation(APPLICANT_SIGNED).processInstanceBusinessKey(id).correlate();
      case "spouse" -> runtime.createMessageCorrelation(SPOUSE_SIGNED).processInstanceBusinessKey(id).correlate();
      default -> complete(id, "CoupleContractSignature", Map.of("contractSignature", "sign"));
    }
  }

  private void assertTaskDue(Task task, String group, String form) {
    assertOfferedWithForm(task, group, form);
    assertThat(task.getDueDate().toInstant()).as("due date of " + task.getTaskDefinitionKey())
        .isEqualTo(now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .plus(RecordingDelegates.TASK_DEADLINES.get(task.getTaskDefinitionKey())[0]));
  }

  private static List<Map<String, Object>> violations(Call call) {
    try {
      return JSON.readValue((String) call.variables().get("eligibilityViolations"), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

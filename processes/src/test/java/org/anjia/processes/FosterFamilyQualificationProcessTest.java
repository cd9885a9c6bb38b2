package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * The foster-family qualification journey (foster-family-qualification.bpmn, processes/README.md) on
 * the real engine: the test correlates the start message as the registry service does, completes the
 * user tasks as the caseworker, assessor and director would, and {@link RecordingDelegates} plays the
 * service's beans. The engine clock starts at {@link JourneyProcessTest#START} in every test and is
 * moved by the test only; timers fire when the test runs the due jobs.
 */
class FosterFamilyQualificationProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "foster-family-qualification";
  private static final String SUBMITTED_MESSAGE = "foster-application-submitted";

  private static final String CHECK_DOCUMENTS = "CheckDocuments";
  private static final String ASSESS_HOME = "AssessHome";
  private static final String REVIEW_BY_DIRECTOR = "ReviewByDirector";
  private static final String TRAIN_CAREGIVER = "TrainCaregiver";
  private static final String FOLLOW_UP_CHECK_DOCUMENTS = "FollowUpCheckDocuments";

  private static final String REGISTER_ENTRY = "fosterRegisterEntry";
  private static final String REJECTION = "fosterRejection";
  private static final String REMINDER = "taskReminder";
  private static final String ESCALATION = "taskEscalation";

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- the journey ----------------------------------------------------------------------------

  @Test
  @DisplayName("eligible family: document check, home assessment, director approval, training, register entry")
  void happyPath() {
    String id = submit(eligibleHousehold());

    Task checkDocuments = task(id, CHECK_DOCUMENTS);
    assertTask(checkDocuments, "caseworker", "foster-document-check");
    assertThat(deployedForm(checkDocuments)).as("the form itself is deployed with the model")
        .contains("\"id\": \"foster-document-check\"");
    assertThat(variable(id, "eligibilityViolations")).as("the DMN finds nothing unmet: JSON text []").isEqualTo("[]");
    assertThat(variable(id, "eligible")).isEqualTo(true);
    assertThat(timerDue(id, "CheckDocumentsReminder")).isEqualTo(START.plus(Duration.ofDays(4)));
    assertThat(timerDue(id, "CheckDocumentsOverdue")).isEqualTo(START.plus(Duration.ofDays(5)));
    later();
    completeDocumentCheck(id, "complete");

    Task assessHome = task(id, ASSESS_HOME);
    assertTask(assessHome, "assessor", "foster-home-assessment");
    assertThat(timerDue(id, "AssessHomeReminder")).isEqualTo(now().plus(Duration.ofDays(17)));
    assertThat(timerDue(id, "AssessHomeOverdue")).isEqualTo(now().plus(Duration.ofDays(20)));
    later();
    completeAssessment(id);

    Task review = task(id, REVIEW_BY_DIRECTOR);
    assertTask(review, "director", "foster-director-review");
    assertThat(timerDue(id, "ReviewByDirectorReminder")).isEqualTo(now().plus(Duration.ofDays(8)));
    assertThat(timerDue(id, "ReviewByDirectorOverdue")).isEqualTo(now().plus(Duration.ofDays(10)));
    later();
    completeReview(id, "approve");

    Task training = task(id, TRAIN_CAREGIVER);
    assertTask(training, "caseworker", "foster-caregiver-training");
    assertThat(timerDue(id, "TrainCaregiverReminder")).isEqualTo(now().plus(Duration.ofDays(25)));
    assertThat(timerDue(id, "TrainCaregiverOverdue")).isEqualTo(now().plus(Duration.ofDays(30)));
    later();
    completeTraining(id, 24);

    Call entry = single(id, REGISTER_ENTRY);
    assertThat(entry.activityId()).isEqualTo("EnterFosterRegister");
    assertThat(entry.variables()).containsEntry("applicationId", id)
        .containsEntry("applicationNumber", "JY-" + id.substring(0, 8))
        .containsEntry("directorDecision", "approve")
        .containsEntry("trainingHours", 24);

    assertThat(ended(id)).isTrue();
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Approved");
    assertThat(historicTasks(id)).extracting(HistoricTaskInstance::getTaskDefinitionKey,
            HistoricTaskInstance::getDeleteReason)
        .containsExactly(
            tuple(CHECK_DOCUMENTS, "completed"),
            tuple(ASSESS_HOME, "completed"),
            tuple(REVIEW_BY_DIRECTOR, "completed"),
            tuple(TRAIN_CAREGIVER, "completed"));
    assertThat(DELEGATES.calls(id, REJECTION)).isEmpty();
    assertThat(historicIncidents(id)).isZero();
  }

  // ---- eligibility (arts. 8-9) ----------------------------------------------------------------

  static Stream<Arguments> householdsFailingOneRule() {
    return Stream.of(
        Arguments.of("caregiver aged 29", change("caregiverAge", 29), "CAREGIVER_AGE"),
        Arguments.of("caregiver aged 66", change("caregiverAge", 66), "CAREGIVER_AGE"),
        Arguments.of("own child aged 5", change("youngestChildAge", 5), "CHILD_UNDER_SIX"),
        Arguments.of("no local hukou", change("hasLocalHukou", false), "LOCAL_HUKOU"),
        Arguments.of("hukou unknown (null)", change("hasLocalHukou", null), "LOCAL_HUKOU"),
        Arguments.of("no fixed home", change("hasFixedHome", false), "FIXED_HOME"),
        Arguments.of("living space 14.9 m² per person", change("livingSpacePerPerson", 14.9), "LIVING_SPACE"),
        Arguments.of("income 1999 yuan per person", change("incomePerPerson", 1999), "INCOME"),
        Arguments.of("member with infectious or mental illness",
            change("memberHasInfectiousOrMentalIllness", true), "HEALTH"),
        Arguments.of("member with criminal record", change("memberHasCriminalRecord", true), "CRIMINAL_RECORD"),
        Arguments.of("caregiver with primary education only", change("caregiverEducationLevel", 1),
            "CAREGIVER_EDUCATION"));
  }

  @ParameterizedTest(name = "{0} -> rejected for {2}")
  @MethodSource("householdsFailingOneRule")
  void oneUnmetRuleRejectsWithThatRuleOnly(String description, Consumer<Map<String, Object>> change,
      String ruleCode) {
    Map<String, Object> household = eligibleHousehold();
    change.accept(household);
    String id = submit(household);

    Call rejection = single(id, REJECTION);
    assertThat(rejection.activityId()).isEqualTo("RecordRejection");
    assertThat(rejection.variables()).containsEntry("eligible", false);
    List<Map<String, Object>> violations = violations(rejection);
    assertThat(violations).extracting(v -> v.get("rule")).containsExactly(ruleCode);
    assertThat(violations.get(0)).containsKeys("article", "reason")
        .extractingByKey("article").asString().startsWith("家庭寄养管理办法");
    assertThat(violations.get(0)).extractingByKey("reason").asString().isNotBlank();

    assertThat(ended(id)).isTrue();
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    assertThat(historicTasks(id)).as("no task is created for an ineligible family").isEmpty();
    assertThat(DELEGATES.calls(id, REGISTER_ENTRY)).isEmpty();
  }

  @Test
  void everyUnmetRuleIsListed() {
    Map<String, Object> household = eligibleHousehold();
    household.put("caregiverAge", 70);
    household.put("youngestChildAge", 3);
    household.put("memberHasCriminalRecord", true);
    String id = submit(household);

    assertThat(violations(single(id, REJECTION))).extracting(v -> v.get("rule"))
        .containsExactlyInAnyOrder("CAREGIVER_AGE", "CHILD_UNDER_SIX", "CRIMINAL_RECORD");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    assertThat(historicTasks(id)).isEmpty();
  }

  static Stream<Arguments> eligibleBoundaries() {
    return Stream.of(
        Arguments.of("caregiver aged exactly 30", change("caregiverAge", 30)),
        Arguments.of("caregiver aged exactly 65", change("caregiverAge", 65)),
        Arguments.of("own child aged exactly 6", change("youngestChildAge", 6)),
        Arguments.of("no own child (null)", change("youngestChildAge", null)),
        Arguments.of("income exactly 2000 yuan", change("incomePerPerson", 2000)),
        Arguments.of("living space exactly 15 m²", change("livingSpacePerPerson", 15)),
        Arguments.of("junior middle school exactly", change("caregiverEducationLevel", 2)));
  }

  @ParameterizedTest(name = "{0} is eligible")
  @MethodSource("eligibleBoundaries")
  void boundaryValuesAreEligible(String description, Consumer<Map<String, Object>> change) {
    Map<String, Object> household = eligibleHousehold();
    change.accept(household);
    String id = submit(household);

    Task checkDocuments = task(id, CHECK_DOCUMENTS);
    assertThat(candidateGroups(checkDocuments)).containsExactly("caseworker");
    assertThat(DELEGATES.calls(id, REJECTION)).isEmpty();

    completeDocumentCheck(id, "reject");
    Call rejection = single(id, REJECTION);
    assertThat(rejection.variables()).containsEntry("eligibilityViolations", "[]").containsEntry("eligible", true);
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
  }

  // ---- rejections after the eligibility check -------------------------------------------------

  @Test
  void refusedDocumentsAreRecordedAsRejection() {
    String id = submit(eligibleHousehold());

    completeDocumentCheck(id, "reject");

    Call rejection = single(id, REJECTION);
    assertThat(rejection.activityId()).isEqualTo("RecordRejection");
    assertThat(rejection.variables()).containsEntry("documentsDecision", "reject")
        .containsEntry("documentsNotes", "材料不齐 documents incomplete")
        .containsEntry("eligibilityViolations", "[]");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    assertThat(historicTasks(id)).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .as("no home assessment after refused documents").containsExactly(CHECK_DOCUMENTS);
    assertThat(DELEGATES.calls(id, REGISTER_ENTRY)).isEmpty();
  }

  @Test
  @DisplayName("a document decision the gateway does not know is refused, not routed by a default")
  void anUnknownDocumentsDecisionIsRefused() {
    String id = submit(eligibleHousehold());
    Task checkDocuments = task(id, CHECK_DOCUMENTS);

    assertThatThrownBy(() -> completeDocumentCheck(id, "maybe")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("DocumentsGateway");

    assertThat(task(id, CHECK_DOCUMENTS).getId()).as("the completion rolled back").isEqualTo(checkDocuments.getId());
    assertThat(variable(id, "documentsDecision")).isNull();
    assertThat(openTaskIds(id)).containsExactly(CHECK_DOCUMENTS);
    assertThat(DELEGATES.beansCalled(id)).isEmpty();
  }

  @Test
  void directorRejectionIsRecordedAsRejection() {
    String id = submit(eligibleHousehold());
    later();
    completeDocumentCheck(id, "complete");
    later();
    completeAssessment(id);
    later();

    completeReview(id, "reject");

    Call rejection = single(id, REJECTION);
    assertThat(rejection.variables()).containsEntry("directorDecision", "reject")
        .containsEntry("documentsDecision", "complete");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    assertThat(historicTasks(id)).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .as("no training after the director's rejection")
        .containsExactly(CHECK_DOCUMENTS, ASSESS_HOME, REVIEW_BY_DIRECTOR);
    assertThat(DELEGATES.calls(id, REGISTER_ENTRY)).isEmpty();
  }

  @Test
  void directorSendsBackForANewAssessment() {
    String id = submit(eligibleHousehold());
    later();
    completeDocumentCheck(id, "complete");
    Task firstAssessment = task(id, ASSESS_HOME);
    later();
    completeAssessment(id);
    Task firstReview = task(id, REVIEW_BY_DIRECTOR);
    later();

    completeReview(id, "send_back");

    Task secondAssessment = task(id, ASSESS_HOME);
    assertThat(secondAssessment.getId()).as("a new assessment task").isNotEqualTo(firstAssessment.getId());
    assertTask(secondAssessment, "assessor", "foster-home-assessment");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(firstAssessment.getId()).singleResult()
        .getDeleteReason()).isEqualTo("completed");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(firstReview.getId()).singleResult()
        .getDeleteReason()).isEqualTo("completed");
    assertThat(DELEGATES.calls(id, REJECTION)).isEmpty();

    later();
    completeAssessment(id);
    Task secondReview = task(id, REVIEW_BY_DIRECTOR);
    assertThat(secondReview.getId()).isNotEqualTo(firstReview.getId());
    later();
    completeReview(id, "approve");

    Task training = task(id, TRAIN_CAREGIVER);
    assertThat(candidateGroups(training)).containsExactly("caseworker");
    later();
    completeTraining(id, 16);
    assertThat(single(id, REGISTER_ENTRY).variables()).containsEntry("trainingHours", 16);
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Approved");
    assertThat(historicTasks(id)).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .containsExactly(CHECK_DOCUMENTS, ASSESS_HOME, REVIEW_BY_DIRECTOR, ASSESS_HOME, REVIEW_BY_DIRECTOR,
            TRAIN_CAREGIVER);
  }

  // ---- deadlines: reminder, escalation ----------------------------------------------------------

  @Test
  @DisplayName("an open document check is reminded after 4 days and escalated to the director after 5, and stays open")
  void reminderThenEscalationKeepTheTaskOpen() {
    String id = submit(eligibleHousehold());
    Task checkDocuments = task(id, CHECK_DOCUMENTS);

    moveClockTo(START.plus(Duration.ofDays(4)).minusSeconds(1));
    assertThat(DELEGATES.calls(id, REMINDER)).as("a second before the reminder").isEmpty();

    moveClockTo(START.plus(Duration.ofDays(4)).plus(Duration.ofHours(1)));

    Call reminder = single(id, REMINDER);
    assertThat(reminder.activityId()).isEqualTo("RemindCheckDocuments");
    assertThat(reminder.variables()).containsEntry("taskElementId", CHECK_DOCUMENTS);
    assertThat(DELEGATES.calls(id, ESCALATION)).as("not overdue yet").isEmpty();
    assertThat(task(id, CHECK_DOCUMENTS).getId()).as("the reminder leaves the task open")
        .isEqualTo(checkDocuments.getId());

    moveClockTo(START.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));

    Call escalation = single(id, ESCALATION);
    assertThat(escalation.activityId()).isEqualTo("EscalateCheckDocuments");
    assertThat(escalation.variables()).containsEntry("taskElementId", CHECK_DOCUMENTS);
    Task followUp = task(id, FOLLOW_UP_CHECK_DOCUMENTS);
    assertThat(candidateGroups(followUp)).containsExactly("director");
    assertThat(followUp.getOperatonFormRef().getKey()).isEqualTo("task-escalation");
    assertThat(followUp.getOperatonFormRef().getBinding()).isEqualTo("deployment");
    assertThat(followUp.getDueDate()).as("the follow-up itself has no deadline").isNull();
    assertThat(task(id, CHECK_DOCUMENTS).getId()).as("the escalation leaves the task open for its holder")
        .isEqualTo(checkDocuments.getId());
    assertThat(DELEGATES.calls(id, REMINDER)).as("one reminder only").hasSize(1);

    // the director records the follow-up, the caseworker still completes the original task
    complete(id, FOLLOW_UP_CHECK_DOCUMENTS, Map.of("escalationAction", "已催办 chased the caseworker"));
    assertThat(openTaskIds(id)).containsExactly(CHECK_DOCUMENTS);
    completeDocumentCheck(id, "reject");
    assertThat(single(id, REJECTION).activityId()).isEqualTo("RecordRejection");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
  }

  @Test
  void aDecisionClosesAFollowUpTaskStillOpen() {
    String id = submit(eligibleHousehold());
    moveClockTo(START.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
    Task followUp = task(id, FOLLOW_UP_CHECK_DOCUMENTS);

    completeDocumentCheck(id, "reject");

    assertThat(single(id, REJECTION).activityId()).isEqualTo("RecordRejection");
    assertThat(ended(id)).isTrue();
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Rejected");
    HistoricTaskInstance closed = history.createHistoricTaskInstanceQuery().taskId(followUp.getId()).singleResult();
    assertThat(closed.getEndTime()).as("the director's follow-up closes with the decision").isNotNull();
    assertThat(closed.getDeleteReason()).as("closed by the terminate end, not completed").isEqualTo("deleted");
  }

  // ---- failures: rolled back where a person acts, incidents where a timer acts ------------------

  @Test
  @DisplayName("a failing register entry rolls back the training's completion: task still open, nothing recorded")
  void failedRegisterEntryRollsBackTheTrainingCompletion() {
    String id = submit(eligibleHousehold());
    completeDocumentCheck(id, "complete");
    completeAssessment(id);
    completeReview(id, "approve");
    Task training = task(id, TRAIN_CAREGIVER);

    DELEGATES.fail(REGISTER_ENTRY);
    try {
      assertThatThrownBy(() -> completeTraining(id, 20)).hasMessageContaining(REGISTER_ENTRY + " unavailable");
    } finally {
      DELEGATES.recover(REGISTER_ENTRY);
    }

    assertThat(task(id, TRAIN_CAREGIVER).getId()).as("the completion rolled back: the same task is open")
        .isEqualTo(training.getId());
    assertThat(variable(id, "trainingHours")).as("the form's values were not stored").isNull();
    assertThat(DELEGATES.calls(id, REGISTER_ENTRY)).isEmpty();
    assertThat(ended(id)).isFalse();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance(id).getId()).count())
        .as("nothing for an operator: the caregiver-training page shows the error").isZero();

    // the service is back: the same completion goes through
    completeTraining(id, 20);
    assertThat(single(id, REGISTER_ENTRY).variables()).containsEntry("trainingHours", 20);
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Approved");
  }

  @Test
  @DisplayName("a failing escalation after the overdue timer is an incident; an operator retries it once fixed")
  void failedEscalationShowsAsIncidentAndCanBeRetried() {
    String id = submit(eligibleHousehold());
    String instanceId = instance(id).getId();
    DELEGATES.fail(ESCALATION);
    try {
      moveClockTo(START.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));

      Incident incident = runtime.createIncidentQuery().processInstanceId(instanceId).singleResult();
      assertThat(incident).as("incident after the job's retries").isNotNull();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo("CheckDocumentsOverdue");
      assertThat(incident.getIncidentMessage()).contains(ESCALATION + " unavailable");
      assertThat(management.createJobQuery().jobId(incident.getConfiguration()).singleResult().getRetries())
          .isZero();
      assertThat(single(id, REMINDER).activityId()).as("the reminder before it went through")
          .isEqualTo("RemindCheckDocuments");
      assertThat(DELEGATES.calls(id, ESCALATION)).isEmpty();
      assertThat(openTaskIds(id)).as("no follow-up yet, the task itself stays open").containsExactly(CHECK_DOCUMENTS);

      // an operator fixes the cause and gives the job a retry (Cockpit does the same)
      DELEGATES.recover(ESCALATION);
      management.setJobRetries(incident.getConfiguration(), 1);
      runDueJobs();

      assertThat(single(id, ESCALATION).variables()).containsEntry("taskElementId", CHECK_DOCUMENTS);
      assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
      assertThat(history.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult().isResolved())
          .isTrue();
      assertThat(openTaskIds(id)).containsExactly(CHECK_DOCUMENTS, FOLLOW_UP_CHECK_DOCUMENTS);
    } finally {
      DELEGATES.recover(ESCALATION);
    }
  }

  // ---- the start message --------------------------------------------------------------------

  @Test
  @DisplayName("the engine starts a second instance for a repeated start message: the service must refuse it")
  void aRepeatedStartMessageStartsASecondInstance() {
    String id = submit(eligibleHousehold());

    startByMessage(SUBMITTED_MESSAGE, id, startVariables(id, eligibleHousehold()));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey(PROCESS_ID)
        .count()).as("start messages carry no message id: nothing in the engine deduplicates them").isEqualTo(2);
    assertThat(openTasks(id, CHECK_DOCUMENTS)).hasSize(2);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Consumer<Map<String, Object>> change(String field, Object value) {
    return household -> household.put(field, value);
  }

  /** A household that meets every rule with some margin (HashMap: values may be set to null). */
  private static Map<String, Object> eligibleHousehold() {
    Map<String, Object> household = new HashMap<>();
    household.put("hasLocalHukou", true);
    household.put("hasFixedHome", true);
    household.put("livingSpacePerPerson", 24.5);
    household.put("incomePerPerson", 3800);
    household.put("memberHasInfectiousOrMentalIllness", false);
    household.put("memberHasCriminalRecord", false);
    household.put("caregiverAge", 45);
    household.put("caregiverEducationLevel", 3);
    household.put("youngestChildAge", 12);
    return household;
  }

  /** The production defaults (registry-service application.yaml, anjia.foster.*). */
  private static Map<String, Object> rules() {
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("minLivingSpacePerPerson", 15);
    rules.put("minIncomePerPerson", 2000);
    rules.put("caregiverMinAge", 30);
    rules.put("caregiverMaxAge", 65);
    rules.put("caregiverMinEducationLevel", 2);
    rules.put("ownChildMinAge", 6);
    return rules;
  }

  /** Correlates the start message as the service does; the application's id is the business key. */
  private String submit(Map<String, Object> household) {
    String id = newCaseKey();
    ProcessInstance instance = startByMessage(SUBMITTED_MESSAGE, id, startVariables(id, household));
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    return id;
  }

  /** As the service starts it: primitive variables, the facts as JSON text. */
  private static Map<String, Object> startVariables(String id, Map<String, Object> household) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("household", household);
    facts.put("rules", rules());
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("applicationNumber", "JY-" + id.substring(0, 8));
    variables.put("eligibilityFacts", json(facts));
    return variables;
  }

  /** Candidate group, form, and a due date of now (the task's creation on the engine clock) + its period. */
  private void assertTask(Task task, String candidateGroup, String formId) {
    assertOfferedWithForm(task, candidateGroup, formId);
    assertThat(task.getCreateTime().toInstant()).isEqualTo(now());
    assertThat(task.getDueDate()).as("due date of " + task.getTaskDefinitionKey()).isNotNull();
    assertThat(task.getDueDate().toInstant()).as("due date of " + task.getTaskDefinitionKey())
        .isEqualTo(now().plus(RecordingDelegates.TASK_DEADLINES.get(task.getTaskDefinitionKey())[0]));
  }

  private String deployedForm(Task task) {
    try (InputStream form = ENGINE.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object variable(String id, String name) {
    return runtime.getVariable(instance(id).getId(), name);
  }

  private static List<Map<String, Object>> violations(Call call) {
    Object text = call.variables().get("eligibilityViolations");
    assertThat(text).as("eligibilityViolations (JSON text)").isInstanceOf(String.class);
    try {
      return JSON.readValue((String) text, new TypeReference<>() {});
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

  /** The document check as the service completes it (the files themselves are the service's to check). */
  private void completeDocumentCheck(String id, String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("documentsDecision", decision);
    variables.put("documentsNotes", decision.equals("reject") ? "材料不齐 documents incomplete" : "齐全 complete");
    complete(id, CHECK_DOCUMENTS, variables);
  }

  private void completeAssessment(String id) {
    complete(id, ASSESS_HOME, Map.of(
        "visitDate", "2026-03-10",
        "assessmentFindings", "居住条件良好 good home",
        "backgroundCheckFindings", "无犯罪记录 no record",
        "assessmentRecommendation", "recommend"));
  }

  private void completeReview(String id, String decision) {
    complete(id, REVIEW_BY_DIRECTOR, Map.of("directorDecision", decision, "directorComments", "审核 " + decision));
  }

  private void completeTraining(String id, int hours) {
    complete(id, TRAIN_CAREGIVER, Map.of(
        "trainingHours", hours,
        "trainingCompletedOn", "2026-04-01",
        "trainingTopics", "儿童照料 child care"));
  }
}

package org.anjia.processes;

import static org.anjia.processes.RecordingWorkers.ENTER_REGISTER;
import static org.anjia.processes.RecordingWorkers.ESCALATE;
import static org.anjia.processes.RecordingWorkers.RECORD_REJECTION;
import static org.anjia.processes.RecordingWorkers.REMIND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.anjia.processes.RecordingWorkers.Job;
import org.anjia.runtime.ExportedRecords;
import org.anjia.runtime.ExportedRecords.Incident;
import org.anjia.runtime.ExportedRecords.UserTask;
import org.anjia.runtime.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foster-family qualification journey (processes/README.md) on the real Zeebe 8.6 broker: the
 * test publishes the start message as the registry service does, completes the user tasks as the
 * caseworker, assessor and director would, and acts as the service's job workers.
 *
 * <p>All tests share one broker and its engine clock. Each test starts its own instances and only
 * asserts about them; the clock only ever moves forward, and a test that moves it starts its
 * instance first, so other tests' instances (which see those timers fire too) are unaffected in
 * what they assert. The clock-moving test runs first on purpose: every other test then runs on a
 * clock days ahead of the wall clock, which shows that none of them depends on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FosterFamilyQualificationProcessTest {

  private static final String PROCESS_ID = "foster-family-qualification";
  private static final String SUBMITTED_MESSAGE = "foster-application-submitted";

  private static final String CHECK_DOCUMENTS = "CheckDocuments";
  private static final String ASSESS_HOME = "AssessHome";
  private static final String REVIEW_BY_DIRECTOR = "ReviewByDirector";
  private static final String TRAIN_CAREGIVER = "TrainCaregiver";
  private static final String FOLLOW_UP_CHECK_DOCUMENTS = "FollowUpCheckDocuments";

  private static CamundaClient client;
  private static RecordingWorkers workers;
  private static ExportedRecords exported;
  private static EngineProjection projection;

  /** One application under test: its id (business key, message correlation key) and its instance. */
  private record Application(String id, long instance) {}

  @BeforeAll
  static void deployAndStartWorkers() {
    TestStack stack = TestStack.get();
    client = EngineClients.forTestStack();
    exported = stack.exported();
    projection = new EngineProjection(stack.dataSource());

    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceFromClasspath("processes/foster-family-qualification.bpmn")
        .addResourceFromClasspath("processes/foster-family-eligibility.dmn")
        .addResourceFromClasspath("forms/foster-document-check.form")
        .addResourceFromClasspath("forms/foster-home-assessment.form")
        .addResourceFromClasspath("forms/foster-director-review.form")
        .addResourceFromClasspath("forms/foster-caregiver-training.form")
        .addResourceFromClasspath("forms/task-escalation.form")
        .send()
        .join();
    assertThat(deployment.getProcesses()).extracting(p -> p.getBpmnProcessId()).containsExactly(PROCESS_ID);
    assertThat(deployment.getDecisions()).extracting(d -> d.getDmnDecisionId())
        .containsExactly("foster-family-eligibility");
    assertThat(deployment.getForm()).hasSize(5);

    workers = new RecordingWorkers(client);
  }

  @AfterAll
  static void closeClient() {
    if (workers != null) {
      workers.close();
    }
    if (client != null) {
      client.close();
    }
  }

  // ---- the journey ----------------------------------------------------------------------------

  @Test
  @DisplayName("eligible family: document check, home assessment, director approval, training, register entry")
  void happyPath() {
    Application application = submit(eligibleHousehold());

    UserTask checkDocuments = exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS);
    assertTask(checkDocuments, "caseworker", Duration.ofDays(5), "foster-document-check");
    assertThat(projection.variableJson(application.instance(), "eligibilityViolations"))
        .as("the eligibility DMN finds nothing unmet (COLLECT with no match: null)").contains("null");
    completeDocumentCheck(checkDocuments, "complete");

    UserTask assessHome = exported.awaitOpenTask(application.instance(), ASSESS_HOME);
    assertTask(assessHome, "assessor", Duration.ofDays(20), "foster-home-assessment");
    completeAssessment(assessHome);

    UserTask review = exported.awaitOpenTask(application.instance(), REVIEW_BY_DIRECTOR);
    assertTask(review, "director", Duration.ofDays(10), "foster-director-review");
    completeReview(review, "approve");

    UserTask training = exported.awaitOpenTask(application.instance(), TRAIN_CAREGIVER);
    assertTask(training, "caseworker", Duration.ofDays(30), "foster-caregiver-training");
    completeTraining(training, 24);

    Job entry = workers.awaitJob(application.id(), ENTER_REGISTER);
    assertThat(entry.processInstanceKey()).isEqualTo(application.instance());
    assertThat(entry.elementId()).isEqualTo("EnterFosterRegister");
    assertThat(entry.variables()).containsEntry("applicationId", application.id())
        .containsEntry("applicationNumber", "JY-" + application.id().substring(0, 8))
        .containsEntry("directorDecision", "approve");
    assertThat((Number) entry.variables().get("trainingHours")).extracting(Number::intValue).isEqualTo(24);

    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance()))
        .extracting(UserTask::elementId, UserTask::state)
        .containsExactly(
            tuple(CHECK_DOCUMENTS, "COMPLETED"),
            tuple(ASSESS_HOME, "COMPLETED"),
            tuple(REVIEW_BY_DIRECTOR, "COMPLETED"),
            tuple(TRAIN_CAREGIVER, "COMPLETED"));
    assertThat(workers.jobs(application.id(), RECORD_REJECTION)).isEmpty();
    assertThat(exported.incidents(application.instance())).isEmpty();
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
    Application application = submit(household);

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.processInstanceKey()).isEqualTo(application.instance());
    assertThat(rejection.elementId()).isEqualTo("RecordRejection");
    assertThat(violations(rejection)).extracting(v -> v.get("rule")).containsExactly(ruleCode);
    assertThat(violations(rejection).get(0))
        .containsKeys("article", "reason")
        .extractingByKey("article").asString().startsWith("家庭寄养管理办法");

    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance())).as("no task is created for an ineligible family")
        .isEmpty();
    assertThat(workers.jobs(application.id(), ENTER_REGISTER)).isEmpty();
  }

  @Test
  void everyUnmetRuleIsListed() {
    Map<String, Object> household = eligibleHousehold();
    household.put("caregiverAge", 70);
    household.put("youngestChildAge", 3);
    household.put("memberHasCriminalRecord", true);
    Application application = submit(household);

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(violations(rejection)).extracting(v -> v.get("rule"))
        .containsExactlyInAnyOrder("CAREGIVER_AGE", "CHILD_UNDER_SIX", "CRIMINAL_RECORD");
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance())).isEmpty();
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
    Application application = submit(household);

    UserTask checkDocuments = exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS);
    assertThat(checkDocuments.candidateGroups()).containsExactly("caseworker");
    assertThat(workers.jobs(application.id(), RECORD_REJECTION)).isEmpty();

    // finish it (refused documents) so that no task of this test stays open for later clock moves
    completeDocumentCheck(checkDocuments, "reject");
    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.variables().get("eligibilityViolations")).isNull();
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
  }

  // ---- rejections after the eligibility check -------------------------------------------------

  @Test
  void refusedDocumentsAreRecordedAsRejection() {
    Application application = submit(eligibleHousehold());

    completeDocumentCheck(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "reject");

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.processInstanceKey()).isEqualTo(application.instance());
    assertThat(rejection.variables()).containsEntry("documentsDecision", "reject")
        .containsEntry("documentsNotes", "材料不齐 documents incomplete")
        .containsEntry("eligibilityViolations", null);
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance())).extracting(UserTask::elementId)
        .as("no home assessment after refused documents").containsExactly(CHECK_DOCUMENTS);
    assertThat(workers.jobs(application.id(), ENTER_REGISTER)).isEmpty();
  }

  @Test
  void directorRejectionIsRecordedAsRejection() {
    Application application = submit(eligibleHousehold());
    completeDocumentCheck(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    completeAssessment(exported.awaitOpenTask(application.instance(), ASSESS_HOME));

    completeReview(exported.awaitOpenTask(application.instance(), REVIEW_BY_DIRECTOR), "reject");

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.processInstanceKey()).isEqualTo(application.instance());
    assertThat(rejection.variables()).containsEntry("directorDecision", "reject")
        .containsEntry("documentsDecision", "complete");
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance())).extracting(UserTask::elementId)
        .as("no training after the director's rejection")
        .containsExactly(CHECK_DOCUMENTS, ASSESS_HOME, REVIEW_BY_DIRECTOR);
    assertThat(workers.jobs(application.id(), ENTER_REGISTER)).isEmpty();
  }

  @Test
  void directorSendsBackForANewAssessment() {
    Application application = submit(eligibleHousehold());
    completeDocumentCheck(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    UserTask firstAssessment = exported.awaitOpenTask(application.instance(), ASSESS_HOME);
    completeAssessment(firstAssessment);
    UserTask firstReview = exported.awaitOpenTask(application.instance(), REVIEW_BY_DIRECTOR);

    completeReview(firstReview, "send_back");

    UserTask secondAssessment = exported.awaitOpenTask(application.instance(), ASSESS_HOME);
    assertThat(secondAssessment.key()).as("a new assessment task").isNotEqualTo(firstAssessment.key());
    assertTask(secondAssessment, "assessor", Duration.ofDays(20), "foster-home-assessment");
    assertThat(exported.userTasks(application.instance()))
        .filteredOn(task -> task.key() == firstAssessment.key() || task.key() == firstReview.key())
        .extracting(UserTask::state).containsExactly("COMPLETED", "COMPLETED");
    assertThat(workers.jobs(application.id(), RECORD_REJECTION)).isEmpty();

    completeAssessment(secondAssessment);
    UserTask secondReview = exported.awaitOpenTask(application.instance(), REVIEW_BY_DIRECTOR);
    assertThat(secondReview.key()).isNotEqualTo(firstReview.key());
    completeReview(secondReview, "approve");

    UserTask training = exported.awaitOpenTask(application.instance(), TRAIN_CAREGIVER);
    assertThat(training.candidateGroups()).containsExactly("caseworker");
    completeTraining(training, 16);
    assertThat(workers.awaitJob(application.id(), ENTER_REGISTER).processInstanceKey())
        .isEqualTo(application.instance());
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance())).extracting(UserTask::elementId)
        .containsExactly(CHECK_DOCUMENTS, ASSESS_HOME, REVIEW_BY_DIRECTOR, ASSESS_HOME, REVIEW_BY_DIRECTOR,
            TRAIN_CAREGIVER);
  }

  // ---- deadlines: reminder, escalation ----------------------------------------------------------

  @Test
  @Order(1)
  @DisplayName("an open document check is reminded at P4D and escalated to the director at P5D, and stays open")
  void reminderThenEscalationKeepTheTaskOpen() {
    Application application = submit(eligibleHousehold());
    UserTask checkDocuments = exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS);

    TestStack.get().advanceClock(Duration.ofDays(4).plusHours(1));

    Job reminder = workers.awaitJob(application.id(), REMIND);
    assertThat(reminder.processInstanceKey()).isEqualTo(application.instance());
    assertThat(reminder.elementId()).isEqualTo("RemindCheckDocuments");
    assertThat(reminder.headers()).containsEntry("taskElementId", CHECK_DOCUMENTS);
    assertThat(workers.jobs(application.id(), ESCALATE)).as("not overdue yet").isEmpty();
    assertThat(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS).key())
        .as("the reminder leaves the task open").isEqualTo(checkDocuments.key());

    TestStack.get().advanceClock(Duration.ofDays(1));

    Job escalation = workers.awaitJob(application.id(), ESCALATE);
    assertThat(escalation.processInstanceKey()).isEqualTo(application.instance());
    assertThat(escalation.elementId()).isEqualTo("EscalateCheckDocuments");
    assertThat(escalation.headers()).containsEntry("taskElementId", CHECK_DOCUMENTS);
    UserTask followUp = exported.awaitOpenTask(application.instance(), FOLLOW_UP_CHECK_DOCUMENTS);
    assertThat(followUp.candidateGroups()).containsExactly("director");
    assertThat(followUp.formKey()).isNotNull();
    assertThat(projection.formId(followUp.formKey())).contains("task-escalation");
    assertThat(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS).key())
        .as("the escalation leaves the task open for its holder").isEqualTo(checkDocuments.key());
    assertThat(workers.jobs(application.id(), REMIND)).as("one reminder only").hasSize(1);

    // the director records the follow-up, the caseworker still completes the original task
    client.newCompleteUserTaskCommand(followUp.key())
        .variables(Map.of("escalationAction", "已催办 chased the caseworker")).send().join();
    completeDocumentCheck(checkDocuments, "reject");
    workers.awaitJob(application.id(), RECORD_REJECTION);
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
  }

  // ---- failures are visible -------------------------------------------------------------------

  @Test
  void aDecisionClosesAFollowUpTaskStillOpen() {
    Application application = submit(eligibleHousehold());
    UserTask checkDocuments = exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS);
    TestStack.get().advanceClock(Duration.ofDays(5).plusHours(1));
    UserTask followUp = exported.awaitOpenTask(application.instance(), FOLLOW_UP_CHECK_DOCUMENTS);

    completeDocumentCheck(checkDocuments, "reject");

    workers.awaitJob(application.id(), RECORD_REJECTION);
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance()))
        .filteredOn(task -> task.key() == followUp.key())
        .singleElement()
        .satisfies(task -> assertThat(task.state()).as("the director's follow-up closes with the decision")
            .isEqualTo("CANCELED"));
  }

  @Test
  void failedRegisterEntryShowsAsIncidentAndCanBeRetried() {
    String applicationId = UUID.randomUUID().toString();
    workers.failRegisterEntryOf(applicationId);
    Application application = submit(applicationId, eligibleHousehold());
    driveToRegisterEntry(application);

    Incident incident = exported.awaitActiveIncident(application.instance());
    assertThat(incident.elementId()).isEqualTo("EnterFosterRegister");
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo("Foster register unavailable for application " + applicationId);
    assertThat(exported.processInstanceState(application.instance())).contains("ACTIVE");

    // an operator fixes the cause and retries: the entry is made, the incident resolved
    Job failed = workers.awaitJob(applicationId, ENTER_REGISTER);
    assertThat(failed.failed()).isTrue();
    workers.stopFailingRegisterEntryOf(applicationId);
    client.newUpdateRetriesCommand(failed.key()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    assertThat(workers.awaitJob(applicationId, ENTER_REGISTER, 2).failed()).isFalse();
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    ExportedRecords.await(() -> exported.incidents(application.instance()).stream()
        .filter(i -> i.key() == incident.key() && i.state().equals("RESOLVED")).findFirst(),
        "incident " + incident.key() + " resolved");
  }

  // ---- the start message --------------------------------------------------------------------

  @Test
  void aReplayedStartMessageStartsNoSecondInstance() {
    String applicationId = UUID.randomUUID().toString();
    Application application = submit(applicationId, eligibleHousehold());

    assertThatThrownBy(() -> publishStart(applicationId, eligibleHousehold()))
        .isInstanceOfSatisfying(ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.ALREADY_EXISTS));

    UserTask checkDocuments = exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS);
    completeDocumentCheck(checkDocuments, "reject");
    workers.awaitJob(applicationId, RECORD_REJECTION);
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(projection.processInstanceKeys(applicationId)).containsExactly(application.instance());
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

  private static Map<String, Object> deadlines() {
    return Map.of(
        CHECK_DOCUMENTS, Map.of("due", "P5D", "reminder", "P4D"),
        ASSESS_HOME, Map.of("due", "P20D", "reminder", "P17D"),
        REVIEW_BY_DIRECTOR, Map.of("due", "P10D", "reminder", "P8D"),
        TRAIN_CAREGIVER, Map.of("due", "P30D", "reminder", "P25D"));
  }

  private static Application submit(Map<String, Object> household) {
    return submit(UUID.randomUUID().toString(), household);
  }

  /** Publishes the start message as the service does and finds the instance through the projection. */
  private static Application submit(String applicationId, Map<String, Object> household) {
    publishStart(applicationId, household);
    return new Application(applicationId, projection.awaitProcessInstanceKey(applicationId));
  }

  private static void publishStart(String applicationId, Map<String, Object> household) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", applicationId);
    variables.put("applicationNumber", "JY-" + applicationId.substring(0, 8));
    variables.put("household", household);
    variables.put("rules", rules());
    variables.put("deadlines", deadlines());
    client.newPublishMessageCommand()
        .messageName(SUBMITTED_MESSAGE)
        .correlationKey(applicationId)
        .messageId(applicationId)
        .timeToLive(Duration.ofHours(24))
        .variables(variables)
        .send()
        .join();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> violations(Job job) {
    Object violations = job.variables().get("eligibilityViolations");
    assertThat(violations).as("eligibilityViolations").isInstanceOf(List.class);
    return (List<Map<String, Object>>) violations;
  }

  /** Candidate group, form, and a due date of creation + the configured period on the engine clock. */
  private static void assertTask(UserTask task, String candidateGroup, Duration due, String formId) {
    assertThat(task.candidateGroups()).as("candidate groups of " + task.elementId()).containsExactly(candidateGroup);
    assertThat(task.assignee()).isNull();
    assertThat(task.formKey()).as("form of " + task.elementId()).isNotNull();
    assertThat(projection.formId(task.formKey())).contains(formId);
    OffsetDateTime createdAt = projection.userTaskCreatedAt(task.key());
    assertThat(task.dueDate()).as("due date of " + task.elementId())
        .isCloseTo(createdAt.plus(due), within(5, ChronoUnit.SECONDS));
  }

  private static void completeDocumentCheck(UserTask task, String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("documentChecklist", List.of("idCard", "hukouBook", "incomeProof"));
    variables.put("documentsDecision", decision);
    variables.put("documentsNotes", decision.equals("reject") ? "材料不齐 documents incomplete" : "齐全 complete");
    client.newCompleteUserTaskCommand(task.key()).variables(variables).send().join();
  }

  private static void completeAssessment(UserTask task) {
    client.newCompleteUserTaskCommand(task.key()).variables(Map.of(
            "visitDate", "2026-11-20",
            "assessmentFindings", "居住条件良好 good home",
            "backgroundCheckFindings", "无犯罪记录 no record",
            "assessmentRecommendation", "recommend"))
        .send().join();
  }

  private static void completeReview(UserTask task, String decision) {
    client.newCompleteUserTaskCommand(task.key())
        .variables(Map.of("directorDecision", decision, "directorComments", "审核 " + decision))
        .send().join();
  }

  private static void completeTraining(UserTask task, int hours) {
    client.newCompleteUserTaskCommand(task.key()).variables(Map.of(
            "trainingHours", hours,
            "trainingCompletedOn", "2026-12-01",
            "trainingTopics", "儿童照料 child care"))
        .send().join();
  }

  private static void driveToRegisterEntry(Application application) {
    completeDocumentCheck(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    completeAssessment(exported.awaitOpenTask(application.instance(), ASSESS_HOME));
    completeReview(exported.awaitOpenTask(application.instance(), REVIEW_BY_DIRECTOR), "approve");
    completeTraining(exported.awaitOpenTask(application.instance(), TRAIN_CAREGIVER), 20);
  }
}

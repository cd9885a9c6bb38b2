package org.anjia.processes;

import static org.anjia.processes.JourneyWorkers.DUE_DATE;
import static org.anjia.processes.JourneyWorkers.ESCALATE;
import static org.anjia.processes.JourneyWorkers.RECORD_DISSOLUTION_REFUSAL;
import static org.anjia.processes.JourneyWorkers.RECORD_REJECTION;
import static org.anjia.processes.JourneyWorkers.REGISTER;
import static org.anjia.processes.JourneyWorkers.REGISTER_DISSOLUTION;
import static org.anjia.processes.JourneyWorkers.REMIND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.anjia.processes.JourneyWorkers.Job;
import org.anjia.runtime.ExportedRecords;
import org.anjia.runtime.ExportedRecords.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 收养 (adoption.bpmn, processes/README.md) on the real Zeebe 8.6 broker, with every BPMN, DMN and
 * form of the repository deployed together: the test publishes the start message as the service
 * does, completes the user tasks as the registrar, assessors, caseworker and director would, and
 * plays the service's workers (the due-date step in calendar days, see {@link JourneyWorkers}).
 *
 * <p>All tests share one broker and its engine clock, which only moves forward. Each test starts its
 * own application and cancels whatever it leaves running, so later clock moves touch nothing of it.
 * "Not yet" checks use {@link JourneyRuntime#advanceClockTo}, which returns only once the timers due
 * at the new time have fired.
 */
class AdoptionProcessTest extends JourneyTest {

  private static final String PROCESS_ID = "adoption";
  private static final String SUBMITTED_MESSAGE = "adoption-application-submitted";
  private static final String DISSOLUTION_PROCESS_ID = "adoption-dissolution";
  private static final String DISSOLUTION_MESSAGE = "adoption-dissolution-requested";
  private static final String DISSOLVED_MESSAGE = "adoption-dissolved";
  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final String CHECK_DOCUMENTS = "CheckAdoptionDocuments";
  private static final String RECORD_CONSENT = "RecordConsent";
  private static final String ASSESS_FAMILY = "AssessFamily";
  private static final String MATCH_CHILD = "MatchChild";
  private static final String ASSESS_INTEGRATION = "AssessIntegration";
  private static final String WRITE_REPORT = "WriteReport";
  private static final String REVIEW_BY_REGISTRAR = "ReviewByRegistrar";
  private static final String FOLLOW_UP_REVIEW = "FollowUpReviewByRegistrar";
  private static final String FOLLOW_UP_VISIT = "FollowUpVisit";
  private static final String DISSOLUTION_TASK = "RegisterDissolution";


  /** One application under test: its id (business key, correlation key) and its instance. */
  private record Application(String id, long instance) {}

  // ---- the models deploy together and say what the README contract says --------------------

  @Test
  @DisplayName("every BPMN, DMN and form of the repository deploys in one deployment; every linked form exists")
  void everyModelAndFormDeploysTogether() throws Exception {
    assertThat(journeys.deployment.getProcesses()).extracting(Process::getBpmnProcessId)
        .contains("adoption", "adoption-dissolution", "child-adoption-placement", "foster-family-qualification");
    assertThat(journeys.deployment.getDecisions()).extracting(Decision::getDmnDecisionId)
        .contains("adoption-eligibility", "foster-family-eligibility");
    Set<String> formFiles = JourneyRuntime.classpathFiles("forms", ".form").stream()
        .map(path -> path.getFileName().toString().replace(".form", "")).collect(Collectors.toCollection(TreeSet::new));
    Set<String> deployedForms = journeys.deployment.getForm().stream().map(Form::getFormId)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(deployedForms).as("each form file's id is its file name").isEqualTo(formFiles);

    Set<String> linkedForms = new TreeSet<>();
    for (Path bpmn : JourneyRuntime.classpathFiles("processes", ".bpmn")) {
      NodeList definitions = parse(bpmn).getElementsByTagNameNS(ZEEBE_NS, "formDefinition");
      for (int i = 0; i < definitions.getLength(); i++) {
        linkedForms.add(((Element) definitions.item(i)).getAttribute("formId"));
      }
    }
    assertThat(deployedForms).as("Zeebe resolves linked forms only when a task is created").containsAll(linkedForms);
  }

  @Test
  @DisplayName("user tasks, groups, forms, job types and headers are those of processes/README.md")
  void theModelsFollowTheReadmeContract() throws Exception {
    Document adoption = parse(classpathModel("adoption.bpmn"));
    assertThat(userTasks(adoption)).isEqualTo(new TreeMap<>(Map.of(
        CHECK_DOCUMENTS, "registrar adoption-document-check",
        RECORD_CONSENT, "registrar adoption-assessment-consent",
        ASSESS_FAMILY, "assessor adoption-assessment",
        MATCH_CHILD, "caseworker adoption-matching",
        ASSESS_INTEGRATION, "assessor adoption-integration-assessment",
        WRITE_REPORT, "assessor adoption-assessment-report",
        REVIEW_BY_REGISTRAR, "registrar adoption-registrar-review",
        FOLLOW_UP_REVIEW, "director task-escalation",
        FOLLOW_UP_VISIT, "caseworker, registrar adoption-follow-up-visit")));
    assertThat(serviceTasks(adoption)).isEqualTo(new TreeMap<>(Map.of(
        "AssessmentDue", "anjia.deadlines.due-date {deadline=assessment-report, variable=assessmentDue}",
        "IntegrationDue", "anjia.deadlines.due-date {deadline=integration-period, variable=integrationEnds}",
        "ReviewDue", "anjia.deadlines.due-date {deadline=registrar-review, variable=registrarReviewDue}",
        "RecordAdoptionRejection", "anjia.adoption.record-rejection {}",
        "RegisterAdoption", "anjia.adoption.register {}",
        "RemindReviewByRegistrar", "anjia.task.remind {taskElementId=ReviewByRegistrar}",
        "EscalateReviewByRegistrar", "anjia.task.escalate {taskElementId=ReviewByRegistrar}")));
    assertThat(messages(adoption)).containsExactly(SUBMITTED_MESSAGE, DISSOLVED_MESSAGE + " =applicationId");

    Document dissolution = parse(classpathModel("adoption-dissolution.bpmn"));
    assertThat(userTasks(dissolution)).isEqualTo(Map.of(DISSOLUTION_TASK, "registrar adoption-dissolution"));
    assertThat(serviceTasks(dissolution)).isEqualTo(new TreeMap<>(Map.of(
        "DissolutionDue", "anjia.deadlines.due-date {deadline=dissolution-registration, variable=dissolutionDue}",
        "EscalateRegisterDissolution", "anjia.task.escalate {taskElementId=RegisterDissolution}",
        "RecordDissolution", "anjia.adoption.register-dissolution {}",
        "RecordDissolutionRefusal", "anjia.adoption.record-dissolution-refusal {}")));
    assertThat(messages(dissolution)).containsExactly(DISSOLUTION_MESSAGE);

    Document placement = parse(classpathModel("child-adoption-placement.bpmn"));
    assertThat(userTasks(placement)).isEqualTo(new TreeMap<>(Map.of(
        "PrepareMaterials", "caseworker adoption-placement-materials",
        "ApproveByDirector", "director adoption-placement-approval",
        "PublishNotice", "registrar adoption-public-notice")));
    assertThat(serviceTasks(placement)).isEqualTo(new TreeMap<>(Map.of(
        "NoticeDue", "anjia.deadlines.due-date {deadline=public-notice, variable=noticeEnds}",
        "RecordClaim", "anjia.children.record-claim {}",
        "MarkAvailable", "anjia.children.mark-available {}",
        "RecordPlacementRefused", "anjia.children.placement-refused {}")));
    assertThat(messages(placement)).containsExactly("child-adoption-placement-requested",
        "birth-parents-claimed =childId");
  }

  @Test
  @DisplayName("no step, job or form field of placement, adoption or dissolution asks for a payment, fee or donation")
  void adoptionHasNoPaymentFeeOrDonationStep() throws Exception {
    // 收养登记与捐赠脱钩; the assessment is free (收养评估办法): names, job types and form fields are what
    // people act on, so none may ask for money (explanatory texts may say that nothing is charged)
    Pattern money = Pattern.compile("费|捐|缴|支付|付款|(?i)\\b(fees?|payments?|donations?|donate|charges?)\\b");
    List<String> asked = new ArrayList<>();
    Set<String> forms = new TreeSet<>();
    for (String file : List.of("child-adoption-placement.bpmn", "adoption.bpmn", "adoption-dissolution.bpmn")) {
      Document model = parse(classpathModel(file));
      NodeList elements = model.getElementsByTagNameNS(BPMN_NS, "*");
      for (int i = 0; i < elements.getLength(); i++) {
        asked.add(((Element) elements.item(i)).getAttribute("name"));
      }
      asked.addAll(serviceTasks(model).values());
      NodeList linked = model.getElementsByTagNameNS(ZEEBE_NS, "formDefinition");
      for (int i = 0; i < linked.getLength(); i++) {
        forms.add(((Element) linked.item(i)).getAttribute("formId"));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (String formId : forms) {
      Path form = JourneyRuntime.classpathFiles("forms", ".form").stream()
          .filter(path -> path.getFileName().toString().equals(formId + ".form")).findFirst().orElseThrow();
      for (JsonNode component : json.readTree(JourneyRuntime.read(form)).findParents("type")) {
        if (!component.path("type").asText().equals("text")) {
          asked.add(component.path("key").asText() + " " + component.path("label").asText());
          component.path("values").forEach(value -> asked.add(value.path("label").asText()));
        }
      }
    }
    assertThat(forms).as("the forms read").contains("adoption-assessment-consent", "adoption-registrar-review");
    assertThat(asked).as("what people are asked").filteredOn(text -> money.matcher(text).find()).isEmpty();
  }

  // ---- the journey ----------------------------------------------------------------------------

  @Test
  @DisplayName("eligible couple: documents, consent, assessment, matching, 30-day integration, report, review,"
      + " registration, visits at 3, 6 and 12 months")
  void happyPath() {
    Application application = submit(eligibleApplication());

    UserTask documents = exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS);
    assertTask(documents, "registrar", "adoption-document-check");
    assertThat(journeys.variableJson(application.instance(), "eligibilityViolations"))
        .as("the eligibility DMN finds nothing unmet (COLLECT with no match: null)").contains("null");
    completeDocuments(documents, "complete");

    UserTask consent = exported.awaitOpenTask(application.instance(), RECORD_CONSENT);
    assertTask(consent, "registrar", "adoption-assessment-consent");
    completeConsent(consent, "王敏", "赵磊");

    Job assessmentDue = workers.awaitJobAt(application.id(), DUE_DATE, "AssessmentDue");
    assertThat(assessmentDue.headers()).containsExactlyInAnyOrderEntriesOf(
        Map.of("deadline", "assessment-report", "variable", "assessmentDue"));
    assertThat(assessmentDue.variables()).containsKey("start")
        .containsEntry("assessorNames", List.of("王敏", "赵磊"))
        .containsEntry("assessmentBy", "civil-affairs");
    OffsetDateTime assessmentDueAt = OffsetDateTime.parse((String) assessmentDue.result().get("assessmentDue"));

    UserTask assessment = exported.awaitOpenTask(application.instance(), ASSESS_FAMILY);
    assertTask(assessment, "assessor", "adoption-assessment");
    assertDue(assessment, assessmentDueAt);
    completeAssessment(assessment, "none");

    UserTask match = exported.awaitOpenTask(application.instance(), MATCH_CHILD);
    assertTask(match, "caseworker", "adoption-matching");
    completeMatch(match, true);
    journeys.awaitTaskState(application.instance(), match.key(), "COMPLETED");

    // the integration period: at least 30 days with the child (评估办法 art. 8), to the date the service computed
    Job integrationDue = workers.awaitJobAt(application.id(), DUE_DATE, "IntegrationDue");
    assertThat(integrationDue.headers()).containsExactlyInAnyOrderEntriesOf(
        Map.of("deadline", "integration-period", "variable", "integrationEnds"));
    OffsetDateTime integrationEnds = OffsetDateTime.parse((String) integrationDue.result().get("integrationEnds"));
    assertThat(integrationEnds).as("at least 30 days").isAfterOrEqualTo(
        JourneyWorkers.parseEngineTime(String.valueOf(integrationDue.variables().get("start"))).plusDays(30));
    journeys.advanceClockTo(integrationEnds.minusHours(1));
    assertThat(journeys.tasksAt(application.instance(), ASSESS_INTEGRATION)).as("still integrating").isEmpty();
    journeys.advanceClockTo(integrationEnds.plusHours(1));
    UserTask integration = exported.awaitOpenTask(application.instance(), ASSESS_INTEGRATION);
    assertTask(integration, "assessor", "adoption-integration-assessment");
    assertDue(integration, assessmentDueAt);
    completeIntegration(integration);

    UserTask report = exported.awaitOpenTask(application.instance(), WRITE_REPORT);
    assertTask(report, "assessor", "adoption-assessment-report");
    assertDue(report, assessmentDueAt);
    completeReport(report, "recommend");

    Job reviewDue = workers.awaitJobAt(application.id(), DUE_DATE, "ReviewDue");
    assertThat(reviewDue.headers()).containsExactlyInAnyOrderEntriesOf(
        Map.of("deadline", "registrar-review", "variable", "registrarReviewDue"));
    OffsetDateTime reviewDueAt = OffsetDateTime.parse((String) reviewDue.result().get("registrarReviewDue"));
    UserTask review = exported.awaitOpenTask(application.instance(), REVIEW_BY_REGISTRAR);
    assertTask(review, "registrar", "adoption-registrar-review");
    assertDue(review, reviewDueAt);
    completeReview(review, "register");

    Job registration = workers.awaitJob(application.id(), REGISTER);
    assertThat(registration.processInstanceKey()).isEqualTo(application.instance());
    assertThat(registration.elementId()).isEqualTo("RegisterAdoption");
    assertThat(registration.variables()).containsEntry("applicationId", application.id())
        .containsEntry("registrarDecision", "register").containsEntry("conclusion", "recommend")
        .containsEntry("confidential", false);
    assertThat(workers.jobs(application.id(), REMIND)).as("decided before the reminder").isEmpty();

    // follow-up visits 3, 6 and 12 months after registration, in that order and not before
    OffsetDateTime registeredAt = journeys.engineNow();
    int visits = 0;
    for (int months : List.of(3, 6, 12)) {
      OffsetDateTime due = registeredAt.plusMonths(months);
      journeys.advanceClockTo(due.minusDays(1));
      assertThat(journeys.tasksAt(application.instance(), FOLLOW_UP_VISIT))
          .as("a day before the visit at %d months", months).hasSize(visits)
          .allSatisfy(task -> assertThat(task.state()).isEqualTo("COMPLETED"));
      journeys.advanceClockTo(due.plusDays(1));
      UserTask visit = exported.awaitOpenTask(application.instance(), FOLLOW_UP_VISIT);
      visits++;
      assertThat(journeys.tasksAt(application.instance(), FOLLOW_UP_VISIT)).as("visits at %d months", months)
          .hasSize(visits);
      assertTask(visit, "caseworker, registrar", "adoption-follow-up-visit");
      completeVisit(visit);
    }

    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance()))
        .extracting(UserTask::elementId, UserTask::state)
        .containsExactly(
            tuple(CHECK_DOCUMENTS, "COMPLETED"),
            tuple(RECORD_CONSENT, "COMPLETED"),
            tuple(ASSESS_FAMILY, "COMPLETED"),
            tuple(MATCH_CHILD, "COMPLETED"),
            tuple(ASSESS_INTEGRATION, "COMPLETED"),
            tuple(WRITE_REPORT, "COMPLETED"),
            tuple(REVIEW_BY_REGISTRAR, "COMPLETED"),
            tuple(FOLLOW_UP_VISIT, "COMPLETED"),
            tuple(FOLLOW_UP_VISIT, "COMPLETED"),
            tuple(FOLLOW_UP_VISIT, "COMPLETED"));
    assertThat(workers.jobs(application.id(), RECORD_REJECTION)).isEmpty();
    assertThat(exported.incidents(application.instance())).isEmpty();
  }

  @Test
  void withoutTheInstitutionsAgreementAnotherMatchIsProposed() {
    Application application = submit(eligibleApplication());
    completeDocuments(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    completeConsent(exported.awaitOpenTask(application.instance(), RECORD_CONSENT), "王敏", "赵磊");
    completeAssessment(exported.awaitOpenTask(application.instance(), ASSESS_FAMILY), "none");
    UserTask first = exported.awaitOpenTask(application.instance(), MATCH_CHILD);
    complete(first, Map.of("matchAgreed", false, "matchNotes", "机构暂不同意 not yet"));

    UserTask second = ExportedRecords.await(() -> journeys.tasksAt(application.instance(), MATCH_CHILD).stream()
        .filter(task -> task.key() != first.key() && task.state().equals("CREATED")).findFirst(), "matching again");
    assertTask(second, "caseworker", "adoption-matching");
    assertThat(workers.jobs(application.id(), RECORD_REJECTION)).as("not a refusal of the family").isEmpty();
  }

  // ---- refusals -------------------------------------------------------------------------------

  @Test
  @DisplayName("an adopter aged 29 is refused with the violation of art. 1098(5); no task is created")
  void anAdopterAged29IsRefused() {
    Map<String, Object> facts = eligibleApplication();
    adopters(facts).get(0).put("age", 29);
    Application application = submit(facts);

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.processInstanceKey()).isEqualTo(application.instance());
    assertThat(rejection.elementId()).isEqualTo("RecordAdoptionRejection");
    assertThat(violations(rejection)).extracting(v -> v.get("rule")).containsExactly("ADOPTER_AGE");
    assertThat(violations(rejection).get(0)).extractingByKey("article").asString().startsWith("民法典");

    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(exported.userTasks(application.instance())).isEmpty();
    assertThat(workers.jobs(application.id(), REGISTER)).isEmpty();
  }

  @Test
  void documentsNotAcceptedAreRefused() {
    Application application = submit(eligibleApplication());
    completeDocuments(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "reject");

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.variables()).containsEntry("documentsDecision", "reject");
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(journeys.tasksAt(application.instance(), RECORD_CONSENT)).isEmpty();
  }

  @Test
  @DisplayName("fewer than two distinct assessors: the consent task opens again, the 60-day clock waits")
  void fewerThanTwoAssessorsReopenTheConsent() {
    Application application = submit(eligibleApplication());
    completeDocuments(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    UserTask first = exported.awaitOpenTask(application.instance(), RECORD_CONSENT);
    completeConsent(first, "王敏", "王敏");

    UserTask second = ExportedRecords.await(() -> journeys.tasksAt(application.instance(), RECORD_CONSENT).stream()
        .filter(task -> task.key() != first.key() && task.state().equals("CREATED")).findFirst(), "consent again");
    assertThat(journeys.variableJson(application.instance(), "assessorNames")).contains("[\"王敏\"]");
    assertThat(workers.jobs(application.id(), DUE_DATE)).isEmpty();

    completeConsent(second, "王敏", "赵磊");
    assertThat(workers.awaitJobAt(application.id(), DUE_DATE, "AssessmentDue").variables())
        .containsEntry("assessorNames", List.of("王敏", "赵磊"));
    exported.awaitOpenTask(application.instance(), ASSESS_FAMILY);
  }

  @Test
  @DisplayName("an art. 11 red flag stops the assessment: refusal recorded, no matching")
  void anArticle11RedFlagStopsTheAssessment() {
    Application application = submit(eligibleApplication());
    completeDocuments(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    completeConsent(exported.awaitOpenTask(application.instance(), RECORD_CONSENT), "王敏", "赵磊");
    completeAssessment(exported.awaitOpenTask(application.instance(), ASSESS_FAMILY), "domestic_violence");

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.elementId()).isEqualTo("RecordAdoptionRejection");
    assertThat(rejection.variables()).containsEntry("redFlag", "domestic_violence").containsKey("redFlagDetails");
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(journeys.tasksAt(application.instance(), MATCH_CHILD)).isEmpty();
  }

  @Test
  void aReportThatDoesNotRecommendIsRefused() {
    Application application = submit(eligibleApplication());
    completeReport(driveToReport(application), "not_recommend");

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.variables()).containsEntry("conclusion", "not_recommend");
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(workers.jobs(application.id(), DUE_DATE)).extracting(Job::elementId)
        .as("no registrar review").containsExactly("AssessmentDue", "IntegrationDue");
    assertThat(journeys.tasksAt(application.instance(), REVIEW_BY_REGISTRAR)).isEmpty();
  }

  @Test
  void theRegistrarsRefusalIsRecorded() {
    Application application = submit(eligibleApplication());
    completeReview(driveToReview(application), "refuse");

    Job rejection = workers.awaitJob(application.id(), RECORD_REJECTION);
    assertThat(rejection.variables()).containsEntry("registrarDecision", "refuse").containsKey("refusalReasons");
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    assertThat(workers.jobs(application.id(), REGISTER)).isEmpty();
  }

  // ---- the registrar's 30 days ----------------------------------------------------------------

  @Test
  @DisplayName("an open registrar review is reminded 3 days before its due date, escalated at it, and the"
      + " decision closes the follow-up")
  void registrarReviewIsRemindedThenEscalated() {
    Application application = submit(eligibleApplication());
    UserTask review = driveToReview(application);
    OffsetDateTime due = OffsetDateTime.parse((String) workers.awaitJobAt(application.id(), DUE_DATE, "ReviewDue")
        .result().get("registrarReviewDue"));

    journeys.advanceClockTo(due.minusDays(3).minusHours(1));
    assertThat(workers.jobs(application.id(), REMIND)).as("more than 3 days left").isEmpty();
    journeys.advanceClockTo(due.minusDays(3).plusHours(1));
    Job reminder = workers.awaitJob(application.id(), REMIND);
    assertThat(reminder.processInstanceKey()).isEqualTo(application.instance());
    assertThat(reminder.elementId()).isEqualTo("RemindReviewByRegistrar");
    assertThat(reminder.headers()).containsEntry("taskElementId", REVIEW_BY_REGISTRAR);
    assertThat(exported.awaitOpenTask(application.instance(), REVIEW_BY_REGISTRAR).key())
        .as("the reminder leaves the task open").isEqualTo(review.key());

    journeys.advanceClockTo(due.minusHours(1));
    assertThat(workers.jobs(application.id(), ESCALATE)).as("not overdue yet").isEmpty();
    journeys.advanceClockTo(due.plusHours(1));
    Job escalation = workers.awaitJob(application.id(), ESCALATE);
    assertThat(escalation.elementId()).isEqualTo("EscalateReviewByRegistrar");
    assertThat(escalation.headers()).containsEntry("taskElementId", REVIEW_BY_REGISTRAR);
    UserTask followUp = exported.awaitOpenTask(application.instance(), FOLLOW_UP_REVIEW);
    assertTask(followUp, "director", "task-escalation");
    assertThat(exported.awaitOpenTask(application.instance(), REVIEW_BY_REGISTRAR).key())
        .as("the escalation leaves the task with the registrar").isEqualTo(review.key());
    assertThat(workers.jobs(application.id(), REMIND)).as("one reminder only").hasSize(1);

    completeReview(review, "register");
    workers.awaitJob(application.id(), REGISTER);
    assertThat(journeys.awaitTaskState(application.instance(), followUp.key(), "CANCELED").state())
        .as("the registrar's decision closes the director's follow-up").isEqualTo("CANCELED");
    assertThat(exported.incidents(application.instance())).isEmpty();
  }

  // ---- dissolution (adoption-dissolution.bpmn) -------------------------------------------------

  @Test
  @DisplayName("a dissolution is registered within its 30 days; the registration cancels the visits still pending")
  void aRegisteredDissolutionCancelsThePendingVisits() {
    Application application = registeredAdoption();
    journeys.advanceClock(Duration.ofDays(100));
    completeVisit(exported.awaitOpenTask(application.instance(), FOLLOW_UP_VISIT));

    long dissolution = requestDissolution(application);
    Job dissolutionDue = workers.awaitJobAt(application.id(), DUE_DATE, "DissolutionDue");
    assertThat(dissolutionDue.processInstanceKey()).isEqualTo(dissolution);
    assertThat(dissolutionDue.headers()).containsExactlyInAnyOrderEntriesOf(
        Map.of("deadline", "dissolution-registration", "variable", "dissolutionDue"));
    UserTask registration = exported.awaitOpenTask(dissolution, DISSOLUTION_TASK);
    assertTask(registration, "registrar", "adoption-dissolution");
    assertDue(registration, OffsetDateTime.parse((String) dissolutionDue.result().get("dissolutionDue")));

    completeDissolution(registration, "register", "under_8");
    assertThat(workers.awaitJob(application.id(), REGISTER_DISSOLUTION).processInstanceKey()).isEqualTo(dissolution);
    exported.awaitProcessInstanceState(dissolution, "COMPLETED");
    assertThat(exported.incidents(dissolution)).isEmpty();

    // the service's registration then publishes adoption-dissolved (民法典 art. 1117)
    publish(DISSOLVED_MESSAGE, application.id(), "dissolved-" + application.id());
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");
    journeys.advanceClock(Duration.ofDays(300));
    assertThat(journeys.tasksAt(application.instance(), FOLLOW_UP_VISIT)).as("only the visit before the dissolution")
        .hasSize(1);
    assertThat(exported.incidents(application.instance())).isEmpty();
  }

  @Test
  @DisplayName("an adoptee of 8 or more who does not consent: the registrar's 'register' is recorded as a refusal")
  void withoutTheAdopteesConsentNothingIsRegistered() {
    Application application = registeredAdoption();
    long dissolution = requestDissolution(application);
    completeDissolution(exported.awaitOpenTask(dissolution, DISSOLUTION_TASK), "register", "does_not_consent");

    Job refusal = workers.awaitJob(application.id(), RECORD_DISSOLUTION_REFUSAL);
    assertThat(refusal.variables()).containsEntry("dissolutionChildConsent", "does_not_consent");
    exported.awaitProcessInstanceState(dissolution, "COMPLETED");
    assertThat(workers.jobs(application.id(), REGISTER_DISSOLUTION)).as("民法典 art. 1114").isEmpty();
  }

  @Test
  @DisplayName("after the last visit a dissolution is still registered; an open one is escalated when its 30 days pass")
  void aDissolutionAfterTheLastVisitIsRegisteredAndEscalatedWhenOverdue() {
    Application application = registeredAdoption();
    journeys.advanceClock(Duration.ofDays(400));
    ExportedRecords.await(() -> {
      List<UserTask> open = journeys.tasksAt(application.instance(), FOLLOW_UP_VISIT).stream()
          .filter(task -> task.state().equals("CREATED")).toList();
      return open.size() == 3 ? Optional.of(open) : Optional.empty();
    }, "the three visits due").forEach(AdoptionProcessTest::completeVisit);
    exported.awaitProcessInstanceState(application.instance(), "COMPLETED");

    long dissolution = requestDissolution(application);
    UserTask registration = exported.awaitOpenTask(dissolution, DISSOLUTION_TASK);
    OffsetDateTime due = registration.dueDate();
    journeys.advanceClockTo(due.minusHours(1));
    assertThat(workers.jobs(application.id(), ESCALATE)).as("not overdue yet").isEmpty();
    journeys.advanceClockTo(due.plusHours(1));
    Job escalation = workers.awaitJob(application.id(), ESCALATE);
    assertThat(escalation.headers()).containsEntry("taskElementId", DISSOLUTION_TASK);
    assertThat(exported.awaitOpenTask(dissolution, DISSOLUTION_TASK).key()).as("stays with the registrar")
        .isEqualTo(registration.key());

    completeDissolution(registration, "refuse", "consents");
    workers.awaitJob(application.id(), RECORD_DISSOLUTION_REFUSAL);
    exported.awaitProcessInstanceState(dissolution, "COMPLETED");
    assertThat(exported.incidents(dissolution)).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** A married couple of 38 and 36, no children, adopting a 3-year-old foundling of the institution. */
  private static Map<String, Object> eligibleApplication() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("adopters", new ArrayList<>(List.of(
        adopter("张伟", 38, "MALE"),
        adopter("李娜", 36, "FEMALE"))));
    facts.put("married", true);
    facts.put("spouseApplyingJointly", true);
    facts.put("existingChildren", 0);
    Map<String, Object> child = new HashMap<>();
    child.put("childId", UUID.randomUUID().toString());
    child.put("name", "王小安");
    child.put("age", 3);
    child.put("sex", "FEMALE");
    child.put("isOrphan", false);
    child.put("isDisabled", false);
    child.put("isInstitutionFoundling", true);
    child.put("parentsCannotBeFound", true);
    child.put("parentsInSpecialHardship", false);
    child.put("childConsents", null);
    facts.put("child", child);
    facts.put("rules", Map.of(
        "minAdopterAge", 30,
        "maxChildrenWithoutChild", 2,
        "maxChildrenWithChild", 1,
        "singleAdopterOppositeSexAgeGap", 40,
        "childConsentAge", 8));
    facts.put("confidential", false);
    facts.put("registrarReviewReminderBefore", "P3D");
    facts.put("followUpOffsets", List.of("P3M", "P6M", "P12M"));
    return facts;
  }

  private static Map<String, Object> adopter(String name, int age, String sex) {
    Map<String, Object> adopter = new HashMap<>();
    adopter.put("name", name);
    adopter.put("age", age);
    adopter.put("sex", sex);
    adopter.put("canRaiseAndProtect", true);
    adopter.put("hasDisqualifyingIllness", false);
    adopter.put("hasHarmfulCriminalRecord", false);
    return adopter;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> adopters(Map<String, Object> facts) {
    return (List<Map<String, Object>>) facts.get("adopters");
  }

  private Application submit(Map<String, Object> facts) {
    String applicationId = UUID.randomUUID().toString();
    Map<String, Object> variables = new HashMap<>(facts);
    variables.put("applicationId", applicationId);
    variables.put("applicationNumber", "SY-" + applicationId.substring(0, 8));
    variables.put("jurisdictionCode", "360102");
    client.newPublishMessageCommand()
        .messageName(SUBMITTED_MESSAGE)
        .correlationKey(applicationId)
        .messageId(applicationId)
        .timeToLive(Duration.ofHours(24))
        .variables(variables)
        .send().join();
    long instance = journeys.projection.awaitProcessInstanceKey(applicationId);
    started.add(instance);
    return new Application(applicationId, instance);
  }

  /** Registered (the register job ran): the follow-up visits are scheduled. */
  private Application registeredAdoption() {
    Application application = submit(eligibleApplication());
    completeReview(driveToReview(application), "register");
    workers.awaitJob(application.id(), REGISTER);
    return application;
  }

  /** As the service starts it once both parties agreed (民法典 arts. 1114, 1116): the instance. */
  private long requestDissolution(Application application) {
    String requestId = UUID.randomUUID().toString();
    publish(DISSOLUTION_MESSAGE, application.id(), requestId, Map.of(
        "applicationId", application.id(),
        "jurisdictionCode", "360102",
        "dissolutionBasis", "agreement_minor",
        "childConsentRequired", false,
        "agreementSignedOn", "2027-02-01",
        "dissolutionReason", "双方协议 agreed"));
    long instance = journeys.awaitInstance(DISSOLUTION_PROCESS_ID, "applicationId", application.id());
    started.add(instance);
    return instance;
  }

  private static void publish(String message, String correlationKey, String messageId) {
    publish(message, correlationKey, messageId, Map.of());
  }

  private static void publish(String message, String correlationKey, String messageId, Map<String, Object> variables) {
    client.newPublishMessageCommand()
        .messageName(message)
        .correlationKey(correlationKey)
        .messageId(messageId)
        .timeToLive(Duration.ofHours(1))
        .variables(variables)
        .send().join();
  }

  /** Documents, consent, assessment and matching: the integration period has started. */
  private void driveToIntegration(Application application) {
    completeDocuments(exported.awaitOpenTask(application.instance(), CHECK_DOCUMENTS), "complete");
    completeConsent(exported.awaitOpenTask(application.instance(), RECORD_CONSENT), "王敏", "赵磊");
    completeAssessment(exported.awaitOpenTask(application.instance(), ASSESS_FAMILY), "none");
    UserTask match = exported.awaitOpenTask(application.instance(), MATCH_CHILD);
    completeMatch(match, true);
    journeys.awaitTaskState(application.instance(), match.key(), "COMPLETED");
  }

  /** Up to the 30-day integration and its assessment: the report task, open. */
  private UserTask driveToReport(Application application) {
    driveToIntegration(application);
    journeys.advanceClockTo(OffsetDateTime.parse((String) workers.awaitJobAt(application.id(), DUE_DATE, "IntegrationDue")
        .result().get("integrationEnds")).plusHours(1));
    completeIntegration(exported.awaitOpenTask(application.instance(), ASSESS_INTEGRATION));
    return exported.awaitOpenTask(application.instance(), WRITE_REPORT);
  }

  /** Up to the registrar's review, open. */
  private UserTask driveToReview(Application application) {
    completeReport(driveToReport(application), "recommend");
    return exported.awaitOpenTask(application.instance(), REVIEW_BY_REGISTRAR);
  }

  private static void assertTask(UserTask task, String candidateGroup, String formId) {
    assertThat(task.candidateGroups()).as("candidate groups of " + task.elementId())
        .containsExactly(candidateGroup.split(", "));
    assertThat(task.assignee()).isNull();
    assertThat(task.formKey()).as("form of " + task.elementId()).isNotNull();
    assertThat(journeys.projection.formId(task.formKey())).contains(formId);
  }

  private static void assertDue(UserTask task, OffsetDateTime due) {
    assertThat(task.dueDate()).as("due date of " + task.elementId()).isCloseTo(due, within(1, ChronoUnit.SECONDS));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> violations(Job job) {
    Object violations = job.variables().get("eligibilityViolations");
    assertThat(violations).as("eligibilityViolations").isInstanceOf(List.class);
    return (List<Map<String, Object>>) violations;
  }

  private static void complete(UserTask task, Map<String, Object> variables) {
    client.newCompleteUserTaskCommand(task.key()).variables(variables).send().join();
  }

  private static void completeDocuments(UserTask task, String decision) {
    complete(task, Map.of(
        "documentChecklist", List.of("applicationForm", "hukouBook", "idCard", "healthCertificate"),
        "documentsDecision", decision,
        "documentsNotes", decision.equals("reject") ? "材料不齐 incomplete" : "齐全 complete"));
  }

  /** As the form's dynamic list submits it: one {name} per row. */
  private static void completeConsent(UserTask task, String... assessors) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : assessors) {
      rows.add(Map.of("name", name));
    }
    complete(task, Map.of(
        "consentSignedOn", "2026-11-23",
        "assessmentBy", "civil-affairs",
        "assessors", rows));
  }

  private static void completeAssessment(UserTask task, String redFlag) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("homeVisitDate", "2026-12-01");
    variables.put("assessmentItems", List.of("motive", "morals", "health", "financesAndHousing"));
    variables.put("assessmentFindings", "家庭和睦 harmonious family");
    variables.put("redFlag", redFlag);
    if (!redFlag.equals("none")) {
      variables.put("redFlagDetails", "邻居和派出所证实 confirmed by neighbours and police");
    }
    complete(task, variables);
  }

  private static void completeMatch(UserTask task, boolean agreed) {
    complete(task, Map.of("matchAgreed", agreed, "integrationStartsOn", "2026-12-05"));
  }

  private static void completeIntegration(UserTask task) {
    complete(task, Map.of("integrationVisitDate", "2027-01-06", "integrationFindings", "融合良好 well attached"));
  }

  private static void completeReport(UserTask task, String conclusion) {
    complete(task, Map.of("reportDate", "2027-01-10", "conclusion", conclusion, "score", 86,
        "reportSummary", "评估意见 summary"));
  }

  private static void completeReview(UserTask task, String decision) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("registrarDecision", decision);
    if (decision.equals("refuse")) {
      variables.put("refusalReasons", "不符合登记条件 not registrable");
    }
    complete(task, variables);
  }

  private static void completeDissolution(UserTask task, String decision, String childConsent) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("dissolutionBasis", "agreement_minor");
    variables.put("dissolutionChildConsent", childConsent);
    variables.put("dissolutionDecision", decision);
    variables.put("dissolutionNotes", "核对书面协议 agreement checked");
    if (decision.equals("register")) {
      variables.put("dissolutionRegisteredOn", "2027-02-10");
    }
    complete(task, variables);
  }

  private static void completeVisit(UserTask task) {
    complete(task, Map.of("followUpVisitDate", "2027-04-10", "followUpWellbeing", "well",
        "followUpFindings", "生活适应良好 doing well"));
  }

  // ---- reading the models ---------------------------------------------------------------------

  private static Path classpathModel(String file) {
    return JourneyRuntime.classpathFiles("processes", file).get(0);
  }

  private static Document parse(Path bpmn) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(JourneyRuntime.read(bpmn)));
  }

  /** element id -> "candidateGroups formId" of every user task. */
  private static Map<String, String> userTasks(Document model) {
    Map<String, String> tasks = new TreeMap<>();
    NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, "userTask");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element task = (Element) nodes.item(i);
      String groups = ((Element) task.getElementsByTagNameNS(ZEEBE_NS, "assignmentDefinition").item(0))
          .getAttribute("candidateGroups");
      String form = ((Element) task.getElementsByTagNameNS(ZEEBE_NS, "formDefinition").item(0)).getAttribute("formId");
      tasks.put(task.getAttribute("id"), groups + " " + form);
    }
    return tasks;
  }

  /** element id -> "job type {headers}" of every service task. */
  private static Map<String, String> serviceTasks(Document model) {
    Map<String, String> tasks = new TreeMap<>();
    NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, "serviceTask");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element task = (Element) nodes.item(i);
      String type = ((Element) task.getElementsByTagNameNS(ZEEBE_NS, "taskDefinition").item(0)).getAttribute("type");
      Map<String, String> headers = new TreeMap<>();
      NodeList headerNodes = task.getElementsByTagNameNS(ZEEBE_NS, "header");
      for (int j = 0; j < headerNodes.getLength(); j++) {
        Element header = (Element) headerNodes.item(j);
        headers.put(header.getAttribute("key"), header.getAttribute("value"));
      }
      tasks.put(task.getAttribute("id"), type + " " + headers);
    }
    return tasks;
  }

  /** "name" or "name correlationKey" of every message. */
  private static List<String> messages(Document model) {
    List<String> messages = new ArrayList<>();
    NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, "message");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element message = (Element) nodes.item(i);
      NodeList subscription = message.getElementsByTagNameNS(ZEEBE_NS, "subscription");
      messages.add(message.getAttribute("name") + (subscription.getLength() == 0 ? ""
          : " " + ((Element) subscription.item(0)).getAttribute("correlationKey")));
    }
    return messages;
  }
}

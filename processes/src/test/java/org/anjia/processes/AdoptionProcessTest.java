package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.repository.Resource;
import org.operaton.bpm.engine.task.Task;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 收养 (adoption.bpmn, processes/README.md) on the real engine ({@link ProcessTestEngine}) with every
 * BPMN, DMN and form of the repository deployed together: the test starts the process by its message
 * as the service does, completes the user tasks as the registrar, assessors, caseworker and director
 * would, and moves the engine clock to fire the timers. The service's beans are played by
 * {@link RecordingDelegates} (legal periods in calendar days). The dissolution is in
 * {@link AdoptionDissolutionProcessTest}.
 */
class AdoptionProcessTest extends AdoptionJourneyTest {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** The first day counted for every period started at {@link #START} is the day after 2 March 2026 (China). */
  static final LocalDate FILED = LocalDate.of(2026, 3, 2);

  // ---- the models deploy together and say what the README contract says --------------------

  @Test
  @DisplayName("adoption, dissolution and their decision deploy with every form; every linked form is deployed")
  void everyModelAndFormDeploysTogether() throws Exception {
    var repository = ENGINE.getRepositoryService();
    List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().latestVersion().list();
    assertThat(processes).extracting(ProcessDefinition::getKey).contains(PROCESS_ID, DISSOLUTION_PROCESS_ID);
    assertThat(processes).filteredOn(p -> Set.of(PROCESS_ID, DISSOLUTION_PROCESS_ID).contains(p.getKey()))
        .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as("history of %s", p.getKey()).isEqualTo(3650));
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("adoption-eligibility").count())
        .isEqualTo(1);

    String deploymentId = processes.stream().filter(p -> p.getKey().equals(PROCESS_ID)).findFirst().orElseThrow()
        .getDeploymentId();
    Set<String> deployedForms = new TreeSet<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (resource.getName().endsWith(".form")) {
        String id = JSON.readTree(repository.getResourceAsStreamById(deploymentId, resource.getId())).path("id").asText();
        assertThat(resource.getName()).as("each form file's id is its file name").isEqualTo(id + ".form");
        deployedForms.add(id);
      }
    }
    Set<String> linkedForms = new TreeSet<>();
    for (String model : List.of("adoption.bpmn", "adoption-dissolution.bpmn")) {
      linkedForms.addAll(userTasks(parse(model)).values().stream().map(v -> v.split(" ")[1]).toList());
    }
    assertThat(deployedForms).as("formRefBinding=deployment: the forms are in the same deployment")
        .containsAll(linkedForms);
  }

  @Test
  @DisplayName("user tasks, groups, forms, due dates, beans and their inputs are those of processes/README.md")
  void theModelsFollowTheReadmeContract() throws Exception {
    Document adoption = parse("adoption.bpmn");
    assertThat(userTasks(adoption)).isEqualTo(new TreeMap<>(Map.of(
        CHECK_DOCUMENTS, "registrar adoption-document-check -",
        RECORD_CONSENT, "registrar adoption-assessment-consent -",
        ASSESS_FAMILY, "assessor adoption-assessment ${assessmentDue}",
        MATCH_CHILD, "caseworker adoption-matching -",
        ASSESS_INTEGRATION, "assessor adoption-integration-assessment ${assessmentDue}",
        WRITE_REPORT, "assessor adoption-assessment-report ${assessmentDue}",
        REVIEW_BY_REGISTRAR, "registrar adoption-registrar-review ${registrarReviewDue}",
        FOLLOW_UP_REVIEW, "director task-escalation -",
        FOLLOW_UP_VISIT, "caseworker,registrar adoption-follow-up-visit -")));
    assertThat(serviceTasks(adoption)).isEqualTo(new TreeMap<>(Map.of(
        "EvaluateAdoptionEligibility", "${decisionTable} {decision=adoption-eligibility, facts=${eligibilityFacts}}",
        "AssessmentDue", "${dueDate} {deadline=assessment-report, variable=assessmentDue}",
        "IntegrationDue", "${dueDate} {deadline=integration-period, variable=integrationEnds}",
        "ReviewDue", "${dueDate} {deadline=registrar-review, variable=registrarReviewDue}",
        "RecordAdoptionRejection", "${adoptionRejection} {}",
        "RegisterAdoption", "${adoptionRegistration} {}",
        "RemindReviewByRegistrar", "${taskReminder} {taskElementId=ReviewByRegistrar}",
        "EscalateReviewByRegistrar", "${taskEscalation} {taskElementId=ReviewByRegistrar}")));
    assertThat(messages(adoption)).containsExactly(SUBMITTED_MESSAGE, DISSOLVED_MESSAGE);
    assertThat(timers(adoption)).isEqualTo(new TreeMap<>(Map.of(
        "IntegrationPeriod", "timeDate ${integrationEnds}",
        "ReviewByRegistrarOverdue", "timeDate ${registrarReviewDue}",
        "ReviewByRegistrarReminder", "timeDate ${taskDeadlines.reminderBefore(registrarReviewDue, 'registrar-review')}",
        "FollowUpDue", "timeDuration ${visitOffset}")));
    Element visits = (Element) adoption.getElementsByTagNameNS(BPMN_NS, "multiInstanceLoopCharacteristics").item(0);
    assertThat(visits.getAttributeNS(CAMUNDA_NS, "collection")).isEqualTo("${followUpVisits.offsets()}");
    assertThat(visits.getAttributeNS(CAMUNDA_NS, "elementVariable")).isEqualTo("visitOffset");
    assertNoAsyncAndLifelongHistory(adoption);

    Document dissolution = parse("adoption-dissolution.bpmn");
    assertThat(userTasks(dissolution)).isEqualTo(Map.of(DISSOLUTION_TASK,
        "registrar adoption-dissolution ${dissolutionDue}"));
    assertThat(serviceTasks(dissolution)).isEqualTo(new TreeMap<>(Map.of(
        "DissolutionDue", "${dueDate} {deadline=dissolution-registration, variable=dissolutionDue}",
        "EscalateRegisterDissolution", "${taskEscalation} {taskElementId=RegisterDissolution}",
        "RecordDissolution", "${dissolutionRegistration} {}",
        "RecordDissolutionRefusal", "${dissolutionRefusal} {}")));
    assertThat(messages(dissolution)).containsExactly(DISSOLUTION_MESSAGE);
    assertThat(timers(dissolution)).isEqualTo(Map.of("RegisterDissolutionOverdue", "timeDate ${dissolutionDue}"));
    assertNoAsyncAndLifelongHistory(dissolution);
  }

  @Test
  @DisplayName("no step, bean or form field of placement, adoption or dissolution asks for a payment, fee or donation")
  void adoptionHasNoPaymentFeeOrDonationStep() throws Exception {
    // 收养登记与捐赠脱钩; the assessment is free (收养评估办法): names, beans and form fields are what
    // people act on, so none may ask for money (explanatory texts may say that nothing is charged)
    Pattern money = Pattern.compile("费|捐|缴|支付|付款|(?i)\\b(fees?|payments?|donations?|donate|charges?)\\b");
    Pattern linkedForm = Pattern.compile("(?:camunda:formRef|formId)=\"([^\"]+)\"");
    Pattern bean = Pattern.compile("(?:camunda:delegateExpression|type)=\"([^\"]+)\"");
    List<String> asked = new ArrayList<>();
    Set<String> forms = new TreeSet<>();
    for (String file : List.of("child-adoption-placement.bpmn", "adoption.bpmn", "adoption-dissolution.bpmn")) {
      Path path = Path.of(file);
      Document model = parse(file);
      NodeList elements = model.getElementsByTagNameNS(BPMN_NS, "*");
      for (int i = 0; i < elements.getLength(); i++) {
        asked.add(((Element) elements.item(i)).getAttribute("name"));
      }
      String text = Files.readString(path);
      bean.matcher(text).results().forEach(m -> asked.add(m.group(1)));
      linkedForm.matcher(text).results().forEach(m -> forms.add(m.group(1)));
    }
    for (String formId : forms) {
      for (JsonNode component : JSON.readTree(Files.readString(Path.of("../forms", formId + ".form"))).findParents("type")) {
        if (!component.path("type").asText().equals("text")) {
          asked.add(component.path("key").asText() + " " + component.path("label").asText());
          component.path("values").forEach(value -> asked.add(value.path("label").asText()));
        }
      }
    }
    assertThat(forms).as("the forms read").contains("adoption-assessment-consent", "adoption-registrar-review",
        "adoption-dissolution");
    assertThat(asked).as("what people are asked").filteredOn(text -> money.matcher(text).find()).isEmpty();
  }

  // ---- the journey ----------------------------------------------------------------------------

  @Test
  @DisplayName("eligible couple: documents, consent, assessment, matching, 30-day integration, report, review,"
      + " registration, visits at 3, 6 and 12 months")
  void happyPath() {
    String id = submit(eligibleFacts());

    assertTask(task(id, CHECK_DOCUMENTS), "adoption-document-check", null, "registrar");
    assertThat(runtime.getVariable(instanceOf(id, PROCESS_ID).getId(), "eligible")).isEqualTo(true);
    assertThat(runtime.getVariable(instanceOf(id, PROCESS_ID).getId(), "eligibilityViolations"))
        .as("the eligibility DMN finds nothing unmet (COLLECT with no match: [])").isEqualTo("[]");
    completeDocuments(id, "complete");

    assertTask(task(id, RECORD_CONSENT), "adoption-assessment-consent", null, "registrar");
    completeConsent(id, "王敏", "赵磊");

    // the report is due 60 days after consent (评估办法 art. 9): 24:00 of 1 May
    Instant assessmentDue = periodEnd(FILED, 60);
    assertThat(assessmentDue).isEqualTo(Instant.parse("2026-05-01T16:00:00Z"));
    assertThat(dateVariable(id, "assessmentDue")).isEqualTo(assessmentDue);
    assertThat(DELEGATES.calls(id, "dueDate")).extracting(c -> c.activityId() + " " + c.variables())
        .containsExactly("AssessmentDue {deadline=assessment-report}");
    assertTask(task(id, ASSESS_FAMILY), "adoption-assessment", assessmentDue, "assessor");
    completeAssessment(id, "none");

    assertTask(task(id, MATCH_CHILD), "adoption-matching", null, "caseworker");
    completeMatch(id, true);

    // the integration period: at least 30 days with the child (评估办法 art. 8), to the date the service computed
    Instant integrationEnds = periodEnd(FILED, 30);
    assertThat(dateVariable(id, "integrationEnds")).isEqualTo(integrationEnds);
    assertThat(integrationEnds).as("at least 30 days").isAfterOrEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(timerDue(id, "IntegrationPeriod")).isEqualTo(integrationEnds);
    moveClockTo(integrationEnds.minusSeconds(60));
    assertThat(openTaskIds(id)).as("still integrating").isEmpty();
    moveClockTo(integrationEnds);
    assertTask(task(id, ASSESS_INTEGRATION), "adoption-integration-assessment", assessmentDue, "assessor");
    completeIntegration(id);

    assertTask(task(id, WRITE_REPORT), "adoption-assessment-report", assessmentDue, "assessor");
    completeReport(id, "recommend");

    // the registrar decides within 30 days from the day after (登记办法 art. 8), counted from 2 April (China)
    Instant reviewDue = periodEnd(LocalDate.of(2026, 4, 2), 30);
    assertThat(dateVariable(id, "registrarReviewDue")).isEqualTo(reviewDue);
    assertTask(task(id, REVIEW_BY_REGISTRAR), "adoption-registrar-review", reviewDue, "registrar");
    completeReview(id, "register");

    Map<String, Object> registration = onlyCall(id, "adoptionRegistration", "RegisterAdoption");
    assertThat(registration).containsEntry("applicationId", id).containsEntry("registrarDecision", "register")
        .containsEntry("conclusion", "recommend").containsEntry("confidential", false);
    assertThat(runtime.getVariable(instanceOf(id, PROCESS_ID).getId(), "certificateNumber")).isEqualTo("收登字TEST");
    assertThat(DELEGATES.calls(id, "taskReminder")).as("decided before the reminder").isEmpty();

    // follow-up visits 3, 6 and 12 months after registration, in that order and not before
    Instant registeredAt = now();
    int visits = 0;
    for (int months : List.of(3, 6, 12)) {
      Instant due = registeredAt.atZone(RecordingDelegates.CHINA).plusMonths(months).toInstant();
      moveClockTo(due.minus(Duration.ofDays(1)));
      assertThat(openTasks(id, FOLLOW_UP_VISIT)).as("a day before the visit at %d months", months).isEmpty();
      moveClockTo(due);
      Task visit = task(id, FOLLOW_UP_VISIT);
      visits++;
      assertTask(visit, "adoption-follow-up-visit", null, "caseworker", "registrar");
      completeVisit(visit);
      assertThat(historicTasks(id, PROCESS_ID)).filteredOn(FOLLOW_UP_VISIT::equals).hasSize(visits);
    }

    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Adopted");
    assertThat(historicTasks(id, PROCESS_ID)).containsExactlyInAnyOrder(CHECK_DOCUMENTS, RECORD_CONSENT,
        ASSESS_FAMILY, MATCH_CHILD, ASSESS_INTEGRATION, WRITE_REPORT, REVIEW_BY_REGISTRAR,
        FOLLOW_UP_VISIT, FOLLOW_UP_VISIT, FOLLOW_UP_VISIT);
    assertThat(DELEGATES.beansCalled(id)).containsExactly("dueDate", "dueDate", "dueDate", "adoptionRegistration");
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  @Test
  @DisplayName("follow-up visits are due at their offsets from registration: the three timers start together")
  void visitsAreScheduledAtTheirOffsetsFromRegistration() {
    String id = registeredAdoption();
    Instant registeredAt = now();
    List<Instant> timers = management.createJobQuery().processInstanceId(instanceOf(id, PROCESS_ID).getId())
        .timers().activityId("FollowUpDue").list().stream().map(job -> job.getDuedate().toInstant()).sorted().toList();
    assertThat(timers).containsExactly(
        registeredAt.atZone(RecordingDelegates.CHINA).plusMonths(3).toInstant(),
        registeredAt.atZone(RecordingDelegates.CHINA).plusMonths(6).toInstant(),
        registeredAt.atZone(RecordingDelegates.CHINA).plusMonths(12).toInstant());
  }

  @Test
  void withoutTheInstitutionsAgreementAnotherMatchIsProposed() {
    String id = submit(eligibleFacts());
    completeDocuments(id, "complete");
    completeConsent(id, "王敏", "赵磊");
    completeAssessment(id, "none");
    String first = task(id, MATCH_CHILD).getId();
    completeMatch(id, false);

    Task second = task(id, MATCH_CHILD);
    assertThat(second.getId()).as("matching again").isNotEqualTo(first);
    assertTask(second, "adoption-matching", null, "caseworker");
    assertThat(DELEGATES.calls(id, "adoptionRejection")).as("not a refusal of the family").isEmpty();
    assertThat(DELEGATES.calls(id, "dueDate")).extracting(RecordingDelegates.Call::activityId)
        .as("no integration period yet").containsExactly("AssessmentDue");
  }

  // ---- refusals -------------------------------------------------------------------------------

  @Test
  @DisplayName("an adopter aged 29 is refused with the violation of art. 1098(5); no task is created")
  void anAdopterAged29IsRefused() {
    Map<String, Object> facts = eligibleFacts();
    adopters(facts).get(0).put("age", 29);
    String id = submit(facts);

    Map<String, Object> rejection = onlyCall(id, "adoptionRejection", "RecordAdoptionRejection");
    assertThat(rejection).containsEntry("eligible", false);
    JsonNode violations = parse(rejection.get("eligibilityViolations"));
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).path("rule").asText()).isEqualTo("ADOPTER_AGE");
    assertThat(violations.get(0).path("article").asText()).startsWith("民法典");
    assertThat(violations.get(0).path("reason").asText()).contains("年满30周岁");

    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("NotAdopted");
    assertThat(historicTasks(id, PROCESS_ID)).isEmpty();
    assertThat(DELEGATES.calls(id, "adoptionRegistration")).isEmpty();
  }

  @Test
  void documentsNotAcceptedAreRefused() {
    String id = submit(eligibleFacts());
    completeDocuments(id, "reject");

    assertThat(onlyCall(id, "adoptionRejection", "RecordAdoptionRejection"))
        .containsEntry("documentsDecision", "reject");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("NotAdopted");
    assertThat(historicTasks(id, PROCESS_ID)).containsExactly(CHECK_DOCUMENTS);
  }

  @Test
  @DisplayName("fewer than two distinct assessors: the consent task opens again, the 60-day clock waits")
  void fewerThanTwoAssessorsReopenTheConsent() {
    String id = submit(eligibleFacts());
    completeDocuments(id, "complete");
    String first = task(id, RECORD_CONSENT).getId();
    completeConsent(id, "王敏", "王敏");

    Task second = task(id, RECORD_CONSENT);
    assertThat(second.getId()).as("consent again").isNotEqualTo(first);
    assertTask(second, "adoption-assessment-consent", null, "registrar");
    String instance = instanceOf(id, PROCESS_ID).getId();
    assertThat(runtime.getVariable(instance, "assessorNames")).isEqualTo("[\"王敏\"]");
    assertThat(runtime.getVariable(instance, "assessorCount")).isEqualTo(1);
    assertThat(DELEGATES.calls(id, "dueDate")).isEmpty();

    // named a week later: the 60 days run from then
    moveClockTo(START.plus(Duration.ofDays(7)));
    completeConsent(id, "王敏", "赵磊");
    Instant due = periodEnd(FILED.plusDays(7), 60);
    assertThat(onlyCall(id, "dueDate", "AssessmentDue")).containsEntry("deadline", "assessment-report");
    assertThat(dateVariable(id, "assessmentDue")).isEqualTo(due);
    assertTask(task(id, ASSESS_FAMILY), "adoption-assessment", due, "assessor");
  }

  @Test
  @DisplayName("an art. 11 red flag stops the assessment: refusal recorded, no matching")
  void anArticle11RedFlagStopsTheAssessment() {
    String id = submit(eligibleFacts());
    completeDocuments(id, "complete");
    completeConsent(id, "王敏", "赵磊");
    completeAssessment(id, "domestic_violence");

    assertThat(onlyCall(id, "adoptionRejection", "RecordAdoptionRejection"))
        .containsEntry("redFlag", "domestic_violence").containsKey("redFlagDetails");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("NotAdopted");
    assertThat(historicTasks(id, PROCESS_ID)).doesNotContain(MATCH_CHILD);
  }

  @Test
  @DisplayName("an assessment without a red-flag answer is not guessed: the completion fails and nothing moves")
  void aMissingRedFlagIsNotGuessed() {
    String id = submit(eligibleFacts());
    completeDocuments(id, "complete");
    completeConsent(id, "王敏", "赵磊");
    String assessment = task(id, ASSESS_FAMILY).getId();

    assertThatThrownBy(() -> tasks.complete(assessment, Map.of("assessmentFindings", "未完成 incomplete")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("redFlag");
    assertThat(task(id, ASSESS_FAMILY).getId()).as("rolled back: the task stays open").isEqualTo(assessment);
    assertThat(DELEGATES.calls(id, "adoptionRejection")).isEmpty();
  }

  @Test
  void aReportThatDoesNotRecommendIsRefused() {
    String id = submit(eligibleFacts());
    driveToReport(id);
    completeReport(id, "not_recommend");

    assertThat(onlyCall(id, "adoptionRejection", "RecordAdoptionRejection"))
        .containsEntry("conclusion", "not_recommend");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("NotAdopted");
    assertThat(DELEGATES.calls(id, "dueDate")).extracting(RecordingDelegates.Call::activityId)
        .as("no registrar review").containsExactly("AssessmentDue", "IntegrationDue");
    assertThat(historicTasks(id, PROCESS_ID)).doesNotContain(REVIEW_BY_REGISTRAR);
  }

  @Test
  void theRegistrarsRefusalIsRecorded() {
    String id = submit(eligibleFacts());
    driveToReview(id);
    completeReview(id, "refuse");

    assertThat(onlyCall(id, "adoptionRejection", "RecordAdoptionRejection"))
        .containsEntry("registrarDecision", "refuse").containsKey("refusalReasons");
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("NotAdopted");
    assertThat(DELEGATES.calls(id, "adoptionRegistration")).isEmpty();
    assertThat(ended(id)).as("nothing left waiting").isTrue();
  }

  // ---- the registrar's 30 days ----------------------------------------------------------------

  @Test
  @DisplayName("an open registrar review is reminded 3 days before its due date, escalated at it, and the"
      + " decision closes the follow-up")
  void registrarReviewIsRemindedThenEscalated() {
    String id = submit(eligibleFacts());
    driveToReview(id);
    Task review = task(id, REVIEW_BY_REGISTRAR);
    Instant due = dateVariable(id, "registrarReviewDue");
    Instant reminderAt = due.minus(Duration.ofDays(3));
    assertThat(timerDue(id, "ReviewByRegistrarReminder")).isEqualTo(reminderAt);
    assertThat(timerDue(id, "ReviewByRegistrarOverdue")).isEqualTo(due);

    moveClockTo(reminderAt.minusSeconds(60));
    assertThat(DELEGATES.calls(id, "taskReminder")).as("more than 3 days left").isEmpty();
    moveClockTo(reminderAt);
    assertThat(onlyCall(id, "taskReminder", "RemindReviewByRegistrar"))
        .containsEntry("taskElementId", REVIEW_BY_REGISTRAR);
    assertThat(task(id, REVIEW_BY_REGISTRAR).getId()).as("the reminder leaves the task open").isEqualTo(review.getId());

    moveClockTo(due.minusSeconds(60));
    assertThat(DELEGATES.calls(id, "taskEscalation")).as("not overdue yet").isEmpty();
    moveClockTo(due);
    assertThat(onlyCall(id, "taskEscalation", "EscalateReviewByRegistrar"))
        .containsEntry("taskElementId", REVIEW_BY_REGISTRAR);
    Task followUp = task(id, FOLLOW_UP_REVIEW);
    assertTask(followUp, "task-escalation", null, "director");
    assertThat(task(id, REVIEW_BY_REGISTRAR).getId()).as("the escalation leaves the task with the registrar")
        .isEqualTo(review.getId());
    assertThat(DELEGATES.calls(id, "taskReminder")).as("one reminder only").hasSize(1);

    completeReview(id, "register");
    assertThat(DELEGATES.calls(id, "adoptionRegistration")).hasSize(1);
    var closed = history.createHistoricTaskInstanceQuery().taskId(followUp.getId()).singleResult();
    assertThat(closed.getEndTime()).as("the registrar's decision closes the director's follow-up").isNotNull();
    assertThat(closed.getDeleteReason()).isNotEqualTo("completed");
    assertThat(openTaskIds(id)).doesNotContain(FOLLOW_UP_REVIEW, REVIEW_BY_REGISTRAR);
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  // ---- reading the models ---------------------------------------------------------------------

  /** A model of processes/ (the tests run in that directory, as the harness deploys from it). */
  static Document parse(String file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(Path.of(file).toFile());
  }

  /** element id -> "candidateGroups formRef dueDate" of every user task (formRefBinding must be deployment). */
  static Map<String, String> userTasks(Document model) {
    Map<String, String> tasks = new TreeMap<>();
    NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, "userTask");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element task = (Element) nodes.item(i);
      assertThat(task.getAttributeNS(CAMUNDA_NS, "formRefBinding")).as("formRefBinding of %s", task.getAttribute("id"))
          .isEqualTo("deployment");
      String due = task.getAttributeNS(CAMUNDA_NS, "dueDate");
      tasks.put(task.getAttribute("id"), task.getAttributeNS(CAMUNDA_NS, "candidateGroups") + " "
          + task.getAttributeNS(CAMUNDA_NS, "formRef") + " " + (due.isEmpty() ? "-" : due));
    }
    return tasks;
  }

  /** element id -> "delegateExpression {input parameters}" of every service and business rule task. */
  static Map<String, String> serviceTasks(Document model) {
    Map<String, String> tasks = new TreeMap<>();
    for (String kind : List.of("serviceTask", "businessRuleTask")) {
      NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, kind);
      for (int i = 0; i < nodes.getLength(); i++) {
        Element task = (Element) nodes.item(i);
        Map<String, String> inputs = new TreeMap<>();
        NodeList parameters = task.getElementsByTagNameNS(CAMUNDA_NS, "inputParameter");
        for (int j = 0; j < parameters.getLength(); j++) {
          Element parameter = (Element) parameters.item(j);
          inputs.put(parameter.getAttribute("name"), parameter.getTextContent().trim());
        }
        tasks.put(task.getAttribute("id"), task.getAttributeNS(CAMUNDA_NS, "delegateExpression") + " " + inputs);
      }
    }
    return tasks;
  }

  /** The names of the model's messages (Camunda 7 messages have no correlation key). */
  static List<String> messages(Document model) {
    List<String> messages = new ArrayList<>();
    NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, "message");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element message = (Element) nodes.item(i);
      assertThat(message.getChildNodes().getLength()).as("no extension elements on %s", message.getAttribute("name"))
          .isZero();
      messages.add(message.getAttribute("name"));
    }
    return messages;
  }

  /** event id -> "timeDate|timeDuration expression" of every timer. */
  static Map<String, String> timers(Document model) {
    Map<String, String> timers = new TreeMap<>();
    NodeList nodes = model.getElementsByTagNameNS(BPMN_NS, "timerEventDefinition");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element timer = (Element) nodes.item(i);
      Element definition = (Element) timer.getElementsByTagNameNS(BPMN_NS, "*").item(0);
      timers.put(((Element) timer.getParentNode()).getAttribute("id"),
          definition.getLocalName() + " " + definition.getTextContent().trim());
    }
    return timers;
  }

  /** No async continuations (the contract), history kept 3650 days, and only the Camunda 7 extension namespace. */
  static void assertNoAsyncAndLifelongHistory(Document model) {
    NodeList all = model.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      assertThat(element.getNamespaceURI()).as("element %s", element.getTagName()).isIn(
          "http://www.omg.org/spec/BPMN/20100524/MODEL", "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI", CAMUNDA_NS);
      assertThat(element.getAttributeNS(CAMUNDA_NS, "asyncBefore")).as("asyncBefore of %s", element.getAttribute("id"))
          .isEmpty();
      assertThat(element.getAttributeNS(CAMUNDA_NS, "asyncAfter")).as("asyncAfter of %s", element.getAttribute("id"))
          .isEmpty();
    }
    Element process = (Element) model.getElementsByTagNameNS(BPMN_NS, "process").item(0);
    assertThat(process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive")).isEqualTo("3650");
    assertThat(process.getAttribute("isExecutable")).isEqualTo("true");
  }
}

package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * What the adoption and dissolution tests share: the start messages as the service sends them, the
 * form submissions of each user task as the service stores them (lists as JSON text, the consent's
 * {@code assessorNames}/{@code assessorCount}), and the checks every user task gets (candidate groups,
 * linked form, due date). The service's beans are {@link RecordingDelegates}.
 */
abstract class AdoptionJourneyTest extends JourneyProcessTest {

  static final String PROCESS_ID = "adoption";
  static final String SUBMITTED_MESSAGE = "adoption-application-submitted";
  static final String DISSOLUTION_PROCESS_ID = "adoption-dissolution";
  static final String DISSOLUTION_MESSAGE = "adoption-dissolution-requested";
  static final String DISSOLVED_MESSAGE = "adoption-dissolved";

  static final String CHECK_DOCUMENTS = "CheckAdoptionDocuments";
  static final String RECORD_CONSENT = "RecordConsent";
  static final String ASSESS_FAMILY = "AssessFamily";
  static final String MATCH_CHILD = "MatchChild";
  static final String ASSESS_INTEGRATION = "AssessIntegration";
  static final String WRITE_REPORT = "WriteReport";
  static final String REVIEW_BY_REGISTRAR = "ReviewByRegistrar";
  static final String FOLLOW_UP_REVIEW = "FollowUpReviewByRegistrar";
  static final String FOLLOW_UP_VISIT = "FollowUpVisit";
  static final String DISSOLUTION_TASK = "RegisterDissolution";

  static final ObjectMapper JSON = new ObjectMapper();

  // ---- starting ---------------------------------------------------------------------------------

  /** A married couple of 38 and 36, no children, adopting a 3-year-old foundling of the institution. */
  static Map<String, Object> eligibleFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("adopters", new ArrayList<>(List.of(adopter("张伟", 38, "MALE"), adopter("李娜", 36, "FEMALE"))));
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
    facts.put("child", child);
    facts.put("rules", Map.of(
        "minAdopterAge", 30,
        "maxChildrenWithoutChild", 2,
        "maxChildrenWithChild", 1,
        "singleAdopterOppositeSexAgeGap", 40));
    return facts;
  }

  static Map<String, Object> adopter(String name, int age, String sex) {
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
  static List<Map<String, Object>> adopters(Map<String, Object> facts) {
    return (List<Map<String, Object>>) facts.get("adopters");
  }

  /** As the service starts it (business key applicationId, facts as JSON text): the application id. */
  String submit(Map<String, Object> facts) {
    String applicationId = newCaseKey();
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", applicationId);
    variables.put("applicationNumber", "SY-" + applicationId.substring(0, 8));
    variables.put("jurisdictionCode", "360102");
    variables.put("confidential", false);
    variables.put("eligibilityFacts", json(facts));
    ProcessInstance instance = startByMessage(SUBMITTED_MESSAGE, applicationId, variables);
    assertThat(instance.getProcessDefinitionId()).startsWith(PROCESS_ID + ":");
    return applicationId;
  }

  /** As the service starts it once both parties agreed (民法典 arts. 1114, 1116): the dissolution's instance id. */
  String requestDissolution(String applicationId) {
    ProcessInstance instance = startByMessage(DISSOLUTION_MESSAGE, applicationId, Map.of(
        "applicationId", applicationId,
        "applicationNumber", "SY-" + applicationId.substring(0, 8),
        "jurisdictionCode", "360102",
        "dissolutionBasis", "agreement_minor",
        "childConsentRequired", false,
        "agreementSignedOn", "2027-02-01",
        "dissolutionReason", "双方协议 agreed"));
    assertThat(instance.getProcessDefinitionId()).startsWith(DISSOLUTION_PROCESS_ID + ":");
    return instance.getId();
  }

  // ---- driving ----------------------------------------------------------------------------------

  /** Documents, consent, assessment and matching: the integration period has started. */
  void driveToIntegration(String applicationId) {
    completeDocuments(applicationId, "complete");
    completeConsent(applicationId, "王敏", "赵磊");
    completeAssessment(applicationId, "none");
    completeMatch(applicationId, true);
  }

  /** Up to the end of the integration period and its assessment: the report task is open. */
  void driveToReport(String applicationId) {
    driveToIntegration(applicationId);
    moveClockTo(dateVariable(applicationId, "integrationEnds"));
    completeIntegration(applicationId);
  }

  /** Up to the registrar's review, open. */
  void driveToReview(String applicationId) {
    driveToReport(applicationId);
    completeReport(applicationId, "recommend");
  }

  /** Registered (the registration bean ran): the follow-up visits are scheduled. */
  String registeredAdoption() {
    String applicationId = submit(eligibleFacts());
    driveToReview(applicationId);
    completeReview(applicationId, "register");
    assertThat(DELEGATES.calls(applicationId, "adoptionRegistration")).hasSize(1);
    return applicationId;
  }

  // ---- the forms' submissions, as the service stores them -------------------------------------

  void completeDocuments(String applicationId, String decision) {
    complete(applicationId, CHECK_DOCUMENTS, Map.of(
        "documentsDecision", decision,
        "documentsNotes", decision.equals("reject") ? "材料不齐 incomplete" : "齐全 complete"));
  }

  /** The dynamic list as JSON text, and what the service derives from it: distinct non-empty names and their count. */
  void completeConsent(String applicationId, String... assessors) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : assessors) {
      rows.add(Map.of("name", name));
    }
    List<String> names = new ArrayList<>(new LinkedHashSet<>(List.of(assessors)).stream()
        .filter(name -> !name.isBlank()).toList());
    complete(applicationId, RECORD_CONSENT, Map.of(
        "consentSignedOn", "2026-03-02",
        "assessmentBy", "civil-affairs",
        "assessors", json(rows),
        "assessorNames", json(names),
        "assessorCount", names.size()));
  }

  void completeAssessment(String applicationId, String redFlag) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("homeVisitDate", "2026-03-10");
    variables.put("assessmentItems", json(List.of("motive", "morals", "education", "health", "financesAndHousing",
        "familyRelations", "householdViews", "parentingPlan", "neighbours", "community")));
    variables.put("assessmentFindings", "家庭和睦 harmonious family");
    variables.put("redFlag", redFlag);
    if (!redFlag.equals("none")) {
      variables.put("redFlagDetails", "邻居和派出所证实 confirmed by neighbours and police");
    }
    complete(applicationId, ASSESS_FAMILY, variables);
  }

  void completeMatch(String applicationId, boolean agreed) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("matchAgreed", agreed);
    if (agreed) {
      variables.put("integrationStartsOn", "2026-03-02");
    } else {
      variables.put("matchNotes", "机构暂不同意 not yet");
    }
    complete(applicationId, MATCH_CHILD, variables);
  }

  void completeIntegration(String applicationId) {
    complete(applicationId, ASSESS_INTEGRATION,
        Map.of("integrationVisitDate", "2026-04-03", "integrationFindings", "融合良好 well attached"));
  }

  void completeReport(String applicationId, String conclusion) {
    complete(applicationId, WRITE_REPORT, Map.of("reportDate", "2026-04-05", "conclusion", conclusion, "score", 86,
        "reportSummary", "评估意见 summary"));
  }

  void completeReview(String applicationId, String decision) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("registrarDecision", decision);
    if (decision.equals("refuse")) {
      variables.put("refusalReasons", "不符合登记条件 not registrable");
    }
    complete(applicationId, REVIEW_BY_REGISTRAR, variables);
  }

  void completeVisit(Task visit) {
    tasks.complete(visit.getId(), Map.of("followUpVisitDate", "2026-07-10", "followUpWellbeing", "well",
        "followUpFindings", "生活适应良好 doing well"));
  }

  void completeDissolution(String applicationId, String decision, String childConsent) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("dissolutionBasis", "agreement_minor");
    variables.put("dissolutionChildConsent", childConsent);
    variables.put("dissolutionDecision", decision);
    variables.put("dissolutionNotes", "核对书面协议 agreement checked");
    if (decision.equals("register")) {
      variables.put("dissolutionRegisteredOn", "2026-08-10");
    }
    complete(applicationId, DISSOLUTION_TASK, variables);
  }

  // ---- checks -----------------------------------------------------------------------------------

  /** Candidate groups, no assignee, the linked form (by reference and as deployed) and the due date. */
  void assertTask(Task task, String formId, Instant due, String... groups) {
    assertThat(candidateGroups(task)).as("candidate groups of %s", task.getTaskDefinitionKey())
        .containsExactly(groups);
    assertThat(task.getAssignee()).as("assignee of %s", task.getTaskDefinitionKey()).isNull();
    assertThat(task.getOperatonFormRef()).as("form of %s", task.getTaskDefinitionKey()).isNotNull();
    assertThat(task.getOperatonFormRef().getKey()).isEqualTo(formId);
    assertThat(task.getOperatonFormRef().getBinding()).isEqualTo("deployment");
    try (InputStream form = ENGINE.getFormService().getDeployedTaskForm(task.getId())) {
      JsonNode deployed = JSON.readTree(form);
      assertThat(deployed.path("id").asText()).as("the deployed form of %s", task.getTaskDefinitionKey())
          .isEqualTo(formId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (due == null) {
      assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey()).isNull();
    } else {
      assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey()).isEqualTo(Date.from(due));
    }
  }

  /** The end of a legal period counted in calendar days from the day after that (China) date: 24:00 of day N. */
  static Instant periodEnd(LocalDate filedOn, int days) {
    return filedOn.plusDays(days + 1L).atStartOfDay(RecordingDelegates.CHINA).toInstant();
  }

  /** A date variable of the case's adoption instance (set by a due-date step). */
  Instant dateVariable(String applicationId, String name) {
    Object value = runtime.getVariable(instanceOf(applicationId, PROCESS_ID).getId(), name);
    assertThat(value).as(name).isInstanceOf(Date.class);
    return ((Date) value).toInstant();
  }

  ProcessInstance instanceOf(String applicationId, String processId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId)
        .processDefinitionKey(processId).singleResult();
  }

  /** The due date of the timer at that element in that instance. */
  Instant timerDueIn(String processInstanceId, String elementId) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(elementId)
        .singleResult();
    assertThat(timer).as("timer %s", elementId).isNotNull();
    return timer.getDuedate().toInstant();
  }

  /** The element ids of the user tasks the case's instance of that process had (many share one engine time). */
  List<String> historicTasks(String applicationId, String processId) {
    return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(applicationId)
        .processDefinitionKey(processId).list().stream().map(t -> t.getTaskDefinitionKey()).toList();
  }

  /** The variables a bean saw on its only call at that element. */
  Map<String, Object> onlyCall(String applicationId, String bean, String elementId) {
    List<RecordingDelegates.Call> calls = DELEGATES.calls(applicationId, bean).stream()
        .filter(call -> call.activityId().equals(elementId)).toList();
    assertThat(calls).as("calls of %s at %s", bean, elementId).hasSize(1);
    return calls.get(0).variables();
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(Object jsonText) {
    try {
      return JSON.readTree((String) jsonText);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

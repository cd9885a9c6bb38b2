package org.anjia.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.families.TestResidentIds;
import org.anjia.runtime.TestStack;
import org.junit.jupiter.api.BeforeEach;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The service as it runs: real HTTP, a real PostgreSQL and the real engine inside the service, on
 * the engine clock of {@link EngineTime}. One database and one Spring context serve every test class
 * of this JVM. Nothing is awaited: a step's effects (the next task, a status) are there when its
 * request returns, because they commit in its transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistryIntegrationTest {

  protected static final TestStack STACK = TestStack.get();

  /**
   * For a second service a test starts in this JVM: without the operator console. Operaton's webapp keeps
   * its runtime in static fields, which the last service to start takes over and leaves closed when it stops:
   * Cockpit of the shared test service then answered 404 or 500 to every test after.
   */
  public static final String WITHOUT_OPERATOR_CONSOLE = "--operaton.bpm.webapp.enabled=false";

  static {
    EngineTime.startOnce();
  }

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STACK::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    // at the JVM's exit the test database stops while Spring still closes the service: a short wait for a
    // connection lets the test JVM end at once instead of after the pool's default 30 s
    registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
    // timers fire when a test moves the clock (EngineTime), not when a background thread gets to them
    registry.add("operaton.bpm.job-execution.enabled", () -> "false");
    // a limit small enough to reach in a test (CertificateVerificationApiTest); tests send their own
    // X-Forwarded-For addresses so that they do not share a count
    registry.add("anjia.certificates.verification.attempts", () -> "5");
    // browser tests point anjia.test.issuer at the real Keycloak; the rest use the test key's issuer
    registry.add("anjia.identity.issuer", () -> "${anjia.test.issuer:" + TestIdentityProvider.get().issuer() + "}");
    // who is staff where is asked of the real Keycloak's admin API, whichever key signs the tokens
    registry.add("anjia.identity.directory.realm", () -> STACK.keycloak().issuerUri());
  }

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine engine;

  protected RestClient http;

  @BeforeEach
  void client() {
    http = clientOf(port);
  }

  /** A client of the service on that port, as the helpers here use it (errors are answers, not exceptions). */
  protected static RestClient clientOf(int port) {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultHeader("Accept-Language", "zh-CN")
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  protected record Response(int status, JsonNode body, String contentType) {}

  protected static String bearer(User user) {
    return "Bearer " + TestIdentityProvider.get().token(user);
  }

  protected Response get(User user, String path) {
    return http.get().uri(path).header("Authorization", bearer(user))
        .exchange((request, response) -> new Response(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  protected Response post(User user, String path, Object body) {
    return send(http.post(), user, path, body);
  }

  /** A POST with an Idempotency-Key, as the pages send what must be recorded once. */
  protected Response post(User user, String path, Object body, String idempotencyKey) {
    RestClient.RequestBodyUriSpec method = http.post();
    method.header("Idempotency-Key", idempotencyKey);
    return send(method, user, path, body);
  }

  protected Response put(User user, String path, Object body) {
    return send(http.put(), user, path, body);
  }

  protected Response delete(User user, String path) {
    return http.delete().uri(path).header("Authorization", bearer(user))
        .exchange((request, response) -> new Response(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  /** The case's instance of that process (running or ended); its business key is the application's id. */
  protected String processInstance(String applicationId, String processId) {
    HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(applicationId).processDefinitionKey(processId).singleResult();
    if (instance == null) {
      throw new AssertionError("no " + processId + " for " + applicationId);
    }
    return instance.getId();
  }

  protected boolean processEnded(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getEndTime() != null;
  }

  /** A process-level variable of the application's running adoption, as the engine holds it. */
  protected Object adoptionVariable(String applicationId, String name) {
    return engine.getRuntimeService().getVariable(processInstance(applicationId, "adoption"), name);
  }

  /** Today in China by the engine clock. */
  protected static java.time.LocalDate today() {
    return java.time.LocalDate.ofInstant(EngineTime.now(), java.time.ZoneId.of("Asia/Shanghai"));
  }

  /** Moves the engine clock on and runs what fell due. */
  protected void moveClock(java.time.Duration by) {
    EngineTime.moveTo(EngineTime.now().plus(by), engine.getManagementService());
  }

  protected void moveClockTo(java.time.Instant target) {
    EngineTime.moveTo(target, engine.getManagementService());
  }

  /**
   * Fires the case's timer now, as the job executor would at its due date, and runs what follows,
   * without moving the shared clock: for timers months or years ahead (a unit's quarterly review, a
   * contract's end), since every later test runs on the clock this one leaves, and the holiday
   * calendars stop at 2027. Returns when the timer was due.
   */
  protected java.time.Instant fireTimer(String processId, String businessKey, String timerId) {
    String instance = processInstance(businessKey, processId);
    org.operaton.bpm.engine.runtime.Job timer = engine.getManagementService().createJobQuery()
        .processInstanceId(instance).activityId(timerId).singleResult();
    if (timer == null) {
      throw new AssertionError("no timer " + timerId + " waits in " + processId + " " + businessKey);
    }
    engine.getManagementService().executeJob(timer.getId());
    EngineTime.runDueJobs(engine.getManagementService());
    return timer.getDuedate().toInstant();
  }

  /** Just past the end of the integration period the engine's timer waits for (评估办法 art. 8). */
  protected void passIntegrationPeriod(String applicationId) {
    moveClockTo(((java.util.Date) adoptionVariable(applicationId, "integrationEnds")).toInstant().plusSeconds(3600));
  }

  /** One typed document as the pages upload it (multipart: {@code type} and {@code file}). */
  protected Response upload(User user, String path, String type, String fileName, String contentType, byte[] content) {
    return upload(bearer(user), path, type, fileName, contentType, content);
  }

  /** The same with an Authorization header's value (e.g. a real Keycloak's token in the browser tests). */
  protected Response upload(String authorization, String path, String type, String fileName, String contentType,
      byte[] content) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType(contentType));
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("type", type);
    form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }, part));
    return http.post().uri(path).header("Authorization", authorization).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .exchange((request, response) -> new Response(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  /** The documents of 家庭寄养管理办法 art. 12(1), which 材料审核 requires as files. */
  protected static final List<String> FOSTER_DOCUMENTS = List.of("ID_CARD", "HUKOU_BOOK",
      "INCOME_PROOF", "HOUSING_PROOF", "HEALTH_CERTIFICATE", "MEMBERS_CONSENT");
  /** The documents of 登记办法 art. 6 (besides the 生育情况证明 for a foundling), which 审查申请材料 requires as files. */
  protected static final List<String> ADOPTION_DOCUMENTS = List.of("ADOPTION_APPLICATION_FORM",
      "HUKOU_BOOK", "ID_CARD", "MARITAL_STATUS_PROOF", "CHILDREN_STATEMENT", "HEALTH_CERTIFICATE");

  /** One PDF of each type uploaded to the application by {@code user} (the family, or staff for it). */
  protected void uploadDocuments(User user, String applicationId, Collection<String> types) {
    uploadDocuments(bearer(user), applicationId, types);
  }

  /** The same with an Authorization header's value. */
  protected void uploadDocuments(String authorization, String applicationId, Collection<String> types) {
    uploadEach(authorization, "/api/applications/" + applicationId + "/documents", types);
  }

  /** One PDF of each type uploaded to the child's file by {@code user} (staff of the institution). */
  protected void uploadChildDocuments(User user, String childId, Collection<String> types) {
    uploadEach(bearer(user), "/api/children/" + childId + "/documents", types);
  }

  private void uploadEach(String authorization, String path, Collection<String> types) {
    for (String type : types) {
      Response uploaded = upload(authorization, path, type, type.toLowerCase(Locale.ROOT) + ".pdf", "application/pdf",
          ("%PDF-1.4 " + type).getBytes(StandardCharsets.UTF_8));
      if (uploaded.status() != 201) {
        throw new AssertionError("upload of " + type + " to " + path + " answered " + uploaded.status() + " "
            + uploaded.body());
      }
    }
  }

  private static Response send(RestClient.RequestBodyUriSpec method, User user, String path, Object body) {
    return send(method, bearer(user), path, body == null ? Map.of() : body);
  }

  /** A JSON request with an Authorization header's value (e.g. a real Keycloak's token); no body for a GET. */
  protected Response send(String method, String authorization, String path, Object body) {
    return send(http.method(org.springframework.http.HttpMethod.valueOf(method)), authorization, path,
        method.equals("GET") ? null : body == null ? Map.of() : body);
  }

  private static Response send(RestClient.RequestBodyUriSpec method, String authorization, String path, Object body) {
    RestClient.RequestBodySpec request = method.uri(path).header("Authorization", authorization);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((sent, response) -> new Response(response.getStatusCode().value(),
        response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  /**
   * A family account of its own: a household has one open application of a kind at a time, so a test
   * that applies uses a family no other test applies for.
   */
  protected static User newFamily() {
    return new User("family-" + UUID.randomUUID() + "@example.com", "family", null, null);
  }

  /**
   * A child's file as the admission form sends it: a child of the Nanchang institution whose parents
   * died, admitted on 2023-05-10; callers change what their case is about.
   */
  protected static Map<String, Object> orphanOfNanchang(String name, String sex, String birthDate) {
    Map<String, Object> child = new java.util.HashMap<>();
    child.put("name", name);
    child.put("sex", sex);
    child.put("birthDate", birthDate);
    child.put("birthDateEstimated", false);
    child.put("category", "INSTITUTION_RAISED");
    child.put("admissionReason", "PARENTS_DEAD");
    child.put("admissionDate", "2023-05-10");
    child.put("admissionRecord", "父母因交通事故死亡，经东湖区民政局送入福利院");
    child.put("guardian", "南昌市儿童福利院");
    return child;
  }

  /** A family applies to the Nanchang institution; returns the created application. */
  protected JsonNode apply(User family, Map<String, Object> household) {
    Response created = post(family, "/api/foster-applications", household);
    if (created.status() != 201) {
      throw new AssertionError("application answered " + created.status() + " " + created.body());
    }
    return created.body();
  }

  /** The open task of that element for that application on the user's worklist; fails when it is not there. */
  protected JsonNode openTask(User user, String applicationNumber, String elementId) {
    return onWorklist(user, task -> task.path("elementId").asText().equals(elementId)
        && task.path("application").path("number").asText().equals(applicationNumber),
        elementId + " of " + applicationNumber);
  }

  /** The child's open task of that element on the user's worklist. */
  protected JsonNode childTask(User user, String childId, String elementId) {
    return onWorklist(user, task -> task.path("elementId").asText().equals(elementId)
        && task.path("child").path("id").asText().equals(childId), elementId + " of child " + childId);
  }

  /**
   * The first task on the user's worklist (the user's own candidate group, every page: the suite's
   * tasks add up over its run) that matches; an assertion error naming what was looked for otherwise.
   */
  protected JsonNode onWorklist(User user, java.util.function.Predicate<JsonNode> match, String what) {
    for (int page = 0; ; page++) {
      JsonNode tasks = get(user, "/api/worklist?size=200&page=" + page + "&candidateGroup=" + user.role()).body();
      for (JsonNode task : tasks.path("content")) {
        if (match.test(task)) {
          return task;
        }
      }
      if (!tasks.path("page").path("hasNext").asBoolean()) {
        throw new AssertionError(what + " is not on the worklist of " + user.username());
      }
    }
  }

  /** Done tasks leave the worklist: the task no longer answers. */
  protected void assertTaskClosed(User user, String taskKey) {
    Response task = get(user, "/api/tasks/" + taskKey);
    if (task.status() != 404) {
      throw new AssertionError("task " + taskKey + " still open: " + task.status() + " " + task.body());
    }
  }

  /** The application as the reader sees it, after checking its status. */
  protected JsonNode assertStatus(User reader, String applicationId, String status) {
    JsonNode application = get(reader, "/api/applications/" + applicationId).body();
    if (!status.equals(application.path("status").asText())) {
      throw new AssertionError("application " + applicationId + " is " + application.path("status").asText()
          + ", expected " + status);
    }
    return application;
  }

  protected void claimAndComplete(User user, JsonNode task, Map<String, Object> variables) {
    String key = task.path("key").asText();
    Response claim = post(user, "/api/tasks/" + key + "/claim", null);
    if (claim.status() != 204) {
      throw new AssertionError("claim of " + key + " answered " + claim.status() + " " + claim.body());
    }
    Response complete = post(user, "/api/tasks/" + key + "/complete", Map.of("variables", variables));
    if (complete.status() != 204) {
      throw new AssertionError("completion of " + key + " answered " + complete.status() + " " + complete.body());
    }
  }

  /**
   * The whole foster qualification through the API with the institution's staff: the family applies
   * and uploads the documents of art. 12(1), the steps are completed, the family enters the register.
   * Returns the application's number.
   */
  protected String qualifyFosterFamily(User family, String institutionCode, User caseworker, User assessor,
      User director) {
    Map<String, Object> request = new java.util.HashMap<>(Households.eligible());
    request.put("institutionCode", institutionCode);
    JsonNode created = apply(family, request);
    String id = created.path("id").asText();
    String number = created.path("number").asText();
    uploadDocuments(family, id, FOSTER_DOCUMENTS);
    claimAndComplete(caseworker, openTask(caseworker, number, "CheckDocuments"),
        Map.of("documentsDecision", "complete"));
    Response assigned = post(caseworker, "/api/applications/" + id + "/assessors", Map.of("assessor", assessor.username()));
    if (assigned.status() != 204) {
      throw new AssertionError("assessor assignment answered " + assigned.status() + " " + assigned.body());
    }
    claimAndComplete(assessor, openTask(assessor, number, "AssessHome"), Map.of(
        "visitDate", today().toString(),
        "assessmentFindings", "住房宽敞整洁，家庭关系和睦",
        "backgroundCheckFindings", "无犯罪记录，邻里评价良好",
        "assessmentRecommendation", "recommend"));
    claimAndComplete(director, openTask(director, number, "ReviewByDirector"),
        Map.of("directorDecision", "approve", "directorComments", "同意"));
    claimAndComplete(caseworker, openTask(caseworker, number, "TrainCaregiver"), Map.of(
        "trainingHours", 24, "trainingCompletedOn", today().toString(), "trainingTopics", "儿童照料、安全与急救"));
    assertStatus(family, id, "APPROVED");
    return number;
  }

  /** Households as the application page sends them. */
  public static final class Households {

    private Households() {}

    /** Meets every rule of arts. 8–9: caregiver 40, junior middle school, a child of 10, 120 m², 12000 yuan. */
    public static Map<String, Object> eligible() {
      return household(40, "JUNIOR_MIDDLE", 10, true, 120, 12000, false);
    }

    public static Map<String, Object> household(int caregiverAge, String caregiverEducation, Integer childAge,
        boolean localHukou, int livingSpace, int income, boolean criminalRecord) {
      var members = new java.util.ArrayList<Map<String, Object>>();
      members.add(member("王秀英", TestResidentIds.ofAge(caregiverAge, false), "PRIMARY_CAREGIVER", caregiverEducation));
      members.add(member("李建国", TestResidentIds.ofAge(caregiverAge + 2, true), "SPOUSE", "SENIOR_HIGH"));
      if (childAge != null) {
        members.add(member("李小明", TestResidentIds.ofAge(childAge, true), "CHILD", "PRIMARY"));
      }
      var family = new java.util.LinkedHashMap<String, Object>();
      family.put("address", "江西省南昌市东湖区八一大道100号");
      family.put("hukouLocality", "江西省南昌市东湖区");
      family.put("localHukou", localHukou);
      family.put("fixedHome", true);
      family.put("livingSpaceM2", livingSpace);
      family.put("monthlyIncomeYuan", income);
      family.put("phone", "13800138000");
      family.put("infectiousOrMentalIllness", false);
      family.put("criminalRecord", criminalRecord);
      family.put("members", members);
      return Map.of("institutionCode", "nanchang-cwi", "motivation", "希望为孩子提供家庭温暖", "family", family);
    }

    private static Map<String, Object> member(String name, String residentId, String role, String education) {
      return Map.of("name", name, "residentId", residentId, "role", role, "education", education);
    }
  }
}

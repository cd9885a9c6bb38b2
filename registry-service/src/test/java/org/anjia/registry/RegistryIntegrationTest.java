package org.anjia.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.families.TestResidentIds;
import org.anjia.runtime.ExportedRecords;
import org.anjia.runtime.TestStack;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The service as it runs: real HTTP, the real Zeebe broker with our exporter, a real PostgreSQL.
 * One stack and one Spring context serve every test class of this JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistryIntegrationTest {

  protected static final TestStack STACK = TestStack.get();

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STACK::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("camunda.client.grpc-address", () -> STACK.broker().grpcAddress());
    registry.add("camunda.client.rest-address", () -> STACK.broker().restAddress().toString());
    // browser tests point anjia.test.issuer at the real Keycloak; the rest use the test key's issuer
    registry.add("anjia.identity.issuer", () -> "${anjia.test.issuer:" + TestIdentityProvider.get().issuer() + "}");
    registry.add("anjia.outbox.resubmit-older-than", () -> "PT2S");
    registry.add("anjia.outbox.resubmit-interval", () -> "PT1S");
  }

  @LocalServerPort
  protected int port;

  protected RestClient http;

  @BeforeEach
  void client() {
    http = RestClient.builder()
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

  protected Response put(User user, String path, Object body) {
    return send(http.put(), user, path, body);
  }

  /** A multipart form, as a page uploads a file. */
  /** The instance of that process whose business key is the application, from the exporter's projection. */
  protected static long processInstance(String applicationId, String bpmnProcessId) {
    return JdbcClient.create(STACK.dataSource())
        .sql("select process_instance_key from engine.process_instance where business_key = ? and bpmn_process_id = ?")
        .param(applicationId).param(bpmnProcessId).query(Long.class).single();
  }

  /** A process-level variable of the application's adoption, as the engine holds it (text of a JSON string). */
  protected static String adoptionVariable(String applicationId, String name) {
    return JdbcClient.create(STACK.dataSource())
        .sql("select value #>> '{}' from engine.variable where process_instance_key = ? and name = ?")
        .param(processInstance(applicationId, "adoption")).param(name).query(String.class).single();
  }

  /** Just past the end of the integration period the engine's timer waits for (评估办法 art. 8). */
  protected static void passIntegrationPeriod(String applicationId) {
    STACK.advanceClockTo(java.time.OffsetDateTime.parse(adoptionVariable(applicationId, "integrationEnds")).toInstant()
        .plusSeconds(3600));
  }

  /** One typed document as the pages upload it (multipart: {@code type} and {@code file}). */
  protected Response upload(User user, String path, String type, String fileName, String contentType, byte[] content) {
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
    return http.post().uri(path).header("Authorization", bearer(user)).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .exchange((request, response) -> new Response(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  private static Response send(RestClient.RequestBodyUriSpec method, User user, String path, Object body) {
    return method.uri(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
        .body(body == null ? Map.of() : body)
        .exchange((request, response) -> new Response(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  /** A family applies to the Nanchang institution; returns the created application. */
  protected JsonNode apply(User family, Map<String, Object> household) {
    Response created = post(family, "/api/foster-applications", household);
    if (created.status() != 201) {
      throw new AssertionError("application answered " + created.status() + " " + created.body());
    }
    return created.body();
  }

  /** The open task of that element for that application, once the exporter has projected it. */
  protected JsonNode awaitTask(User user, String applicationNumber, String elementId) {
    String candidateGroup = user.role();
    return ExportedRecords.await(() -> {
      JsonNode page = get(user, "/api/worklist?size=200&candidateGroup=" + candidateGroup).body();
      for (JsonNode task : page.path("content")) {
        if (task.path("elementId").asText().equals(elementId)
            && task.path("application").path("number").asText().equals(applicationNumber)) {
          return java.util.Optional.of(task);
        }
      }
      return java.util.Optional.empty();
    }, elementId + " of " + applicationNumber + " in the worklist of " + user.username());
  }

  /** Until the engine has completed (or canceled) the task: the projection no longer shows it open. */
  protected void awaitTaskClosed(User user, String taskKey) {
    ExportedRecords.await(() -> {
      Response task = get(user, "/api/tasks/" + taskKey);
      return task.status() == 200 && !"CREATED".equals(task.body().path("state").asText())
          ? java.util.Optional.of(true) : java.util.Optional.empty();
    }, "task " + taskKey + " completed in the engine");
  }

  protected JsonNode awaitStatus(User reader, String applicationId, String status) {
    return ExportedRecords.await(() -> {
      JsonNode application = get(reader, "/api/applications/" + applicationId).body();
      return status.equals(application.path("status").asText())
          ? java.util.Optional.of(application) : java.util.Optional.empty();
    }, "application " + applicationId + " in status " + status);
  }

  protected void claimAndComplete(User user, JsonNode task, Map<String, Object> variables) {
    String key = task.path("key").asText();
    Response claim = post(user, "/api/tasks/" + key + "/claim", null);
    if (claim.status() != 204) {
      throw new AssertionError("claim of " + key + " answered " + claim.status() + " " + claim.body());
    }
    Response complete = post(user, "/api/tasks/" + key + "/complete", Map.of("variables", variables));
    if (complete.status() != 202) {
      throw new AssertionError("completion of " + key + " answered " + complete.status() + " " + complete.body());
    }
  }

  /** Households as the application page sends them. */
  protected static final class Households {

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

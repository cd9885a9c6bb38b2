package org.anjia.registry.audit;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.anjia.registry.BrowserIntegrationTest;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.runtime.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keycloak's user events reach the audit log: a wrong password, a login and a logout at the test
 * stack's real Keycloak, imported by the timer of keycloak-event-import.bpmn through the service
 * account anjia-audit-events. Each Keycloak event gets exactly one audit entry, however often and
 * however concurrently the import runs, and the chain still verifies.
 */
class KeycloakEventImportTest extends RegistryIntegrationTest {

  private static final String PASSWORD = "anjia-local-only";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired
  KeycloakEventImport imports;

  @Autowired
  AuditChain chain;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aWrongPasswordALoginAndALogoutAreAuditedOnceEach() throws Exception {
    Person person = newPerson();
    Map<String, String> events = wrongPasswordLoginLogout(person);

    fireImportTimer();

    Map<String, JsonNode> audited = auditedByEventId(person.username());
    assertThat(audited).as("one entry per Keycloak event").containsOnlyKeys(events.keySet());
    events.forEach((id, type) -> {
      JsonNode entry = audited.get(id);
      assertThat(entry.path("actor").asText()).as("the logout names only the user id: the name comes from the login")
          .isEqualTo(person.username());
      assertThat(entry.path("objectType").asText()).isEqualTo(KeycloakEventImport.OBJECT_TYPE);
      assertThat(entry.path("address").asText()).isEqualTo("127.0.0.1");
      assertThat(entry.path("reason").asText()).startsWith(type + " ").contains("(anjia-web)");
      assertThat(entry.path("action").asText()).isEqualTo(switch (type) {
        case "LOGIN_ERROR" -> "AUTHENTICATION_FAILED";
        case "LOGIN" -> "SIGNED_IN";
        default -> "SIGNED_OUT";
      });
    });
    assertThat(audited.values().stream().filter(e -> e.path("action").asText().equals("AUTHENTICATION_FAILED"))
        .findFirst().orElseThrow().path("reason").asText()).contains("invalid_user_credentials");

    imports.importNew();
    fireImportTimer();
    events.keySet().forEach(id -> assertThat(auditEntries(id)).as("entries of event " + id).isEqualTo(1));
    assertThat(chain.verify().valid()).isTrue();
  }

  @Test
  void twoImportsAtOnceRecordEachEventOnce() throws Exception {
    imports.importNew();
    Person person = newPerson();
    Map<String, String> events = wrongPasswordLoginLogout(person);

    // two threads of their own (the common pool may have one thread on two cores), released together
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    int imported = 0;
    try {
      List<Future<Integer>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(threads.submit(() -> {
          together.await(1, TimeUnit.MINUTES);
          return imports.importNew();
        }));
      }
      for (Future<Integer> one : both) {
        imported += one.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(imported).as("new events counted once between the two imports").isGreaterThanOrEqualTo(events.size());
    events.keySet().forEach(id -> assertThat(auditEntries(id)).as("entries of event " + id).isEqualTo(1));
    assertThat(jdbc.sql("select count(*) from keycloak_event where user_id = :id").param("id", person.id())
        .query(Long.class).single()).isEqualTo(events.size());
    assertThat(chain.verify().valid()).isTrue();
  }

  /**
   * A wrong password, then a login and a logout (one failure only: two within a second lock the account,
   * infra/keycloak); returns Keycloak's events of that person, id to type.
   */
  private static Map<String, String> wrongPasswordLoginLogout(Person person) throws Exception {
    assertThat(passwordGrant(person.username(), "not-the-password").statusCode()).isEqualTo(400);
    HttpResponse<String> login = passwordGrant(person.username(), PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    logout(JSON.readTree(login.body()).path("refresh_token").asText());
    Map<String, String> events = keycloakEvents(person.id(), 3);
    assertThat(events.values()).containsExactlyInAnyOrder("LOGIN_ERROR", "LOGIN", "LOGOUT");
    return events;
  }

  /** Runs the import's timer job now, as the job executor would when it falls due; the clock stays. */
  private void fireImportTimer() {
    ManagementService management = engine.getManagementService();
    Job timer = management.createJobQuery().processDefinitionKey("keycloak-event-import").timers().singleResult();
    assertThat(timer).as("the import's timer waits").isNotNull();
    management.executeJob(timer.getId());
    Job next = management.createJobQuery().processDefinitionKey("keycloak-event-import").timers().singleResult();
    assertThat(next).as("the cycle goes on").isNotNull();
    assertThat(next.getId()).isNotEqualTo(timer.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("keycloak-event-import").unfinished().count()).isZero();
  }

  private Map<String, JsonNode> auditedByEventId(String username) {
    JsonNode entries = get(AUDITOR, "/api/audit?objectType=" + KeycloakEventImport.OBJECT_TYPE + "&actor="
        + URLEncoder.encode(username, StandardCharsets.UTF_8)).body();
    List<JsonNode> list = new ArrayList<>();
    entries.forEach(list::add);
    return list.stream().collect(Collectors.toMap(entry -> entry.path("objectId").asText(), entry -> entry));
  }

  private long auditEntries(String eventId) {
    return jdbc.sql("select count(*) from audit_entry where object_type = :type and object_id = :id")
        .param("type", KeycloakEventImport.OBJECT_TYPE).param("id", eventId).query(Long.class).single();
  }

  private record Person(String id, String username) {}

  /** A user of its own in the real Keycloak (no second factor), so its events are this test's alone. */
  private static Person newPerson() throws Exception {
    String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = HTTP.send(admin("/users")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
            "email", username + "@example.com", "emailVerified", true, "enabled", true, "firstName", "审计",
            "lastName", "测试", "credentials",
            List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    return new Person(location.substring(location.lastIndexOf('/') + 1), username);
  }

  /** Keycloak's own record of the user's events (id to type), once it holds that many. */
  private static Map<String, String> keycloakEvents(String userId, int count) {
    List<JsonNode> events = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      HttpResponse<String> response = HTTP.send(admin("/events?max=100&user=" + userId).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      events.clear();
      JSON.readTree(response.body()).forEach(events::add);
      assertThat(events).as("events of " + userId).hasSize(count);
    });
    return events.stream().collect(Collectors.toMap(e -> e.path("id").asText(), e -> e.path("type").asText()));
  }

  private static HttpRequest.Builder admin(String path) throws Exception {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + STACK.keycloak().port() + "/admin/realms/"
            + KeycloakServer.REALM + path))
        .header("Authorization", "Bearer " + BrowserIntegrationTest.keycloakAdminToken());
  }

  private static HttpResponse<String> passwordGrant(String username, String password) throws Exception {
    return tokenEndpoint("/token", "grant_type=password&client_id=anjia-web&scope=openid&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password,
        StandardCharsets.UTF_8));
  }

  private static void logout(String refreshToken) throws Exception {
    assertThat(tokenEndpoint("/logout", "client_id=anjia-web&refresh_token=" + refreshToken).statusCode())
        .isEqualTo(204);
  }

  private static HttpResponse<String> tokenEndpoint(String path, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(STACK.keycloak().issuerUri() + "/protocol/openid-connect" + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

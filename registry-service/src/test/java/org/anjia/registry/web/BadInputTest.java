package org.anjia.registry.web;

import static org.anjia.registry.TestIdentityProvider.ADMIN;
import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_LI;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_LIANXI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.anjia.registry.BrowserIntegrationTest;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.audit.AuditChain;
import org.anjia.registry.identity.SignedInBrowser;
import org.anjia.registry.web.BadRequests.Defect;
import org.anjia.registry.web.BadRequests.Request;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, "bad input": ten thousand requests made from the OpenAPI document, each wrong on purpose
 * (see {@link BadRequests}), sent over loopback as the real roles with the real Keycloak's tokens; forged
 * CSRF rides on the real session of a caseworker signed in on Keycloak's form, and must get the CSRF
 * refusal (403), while the same session with its own token writes (the control). None may answer 5xx;
 * every refusal is problem+json with a Chinese title and detail, naming the field when a field is wrong; no refused
 * request changes a row; the audit chain still verifies. The seed is printed and can be set with
 * {@code -Danjia.badInput.seed=...}; the findings are printed with their requests.
 */
class BadInputTest extends BrowserIntegrationTest {

  private static final long SEED = Long.getLong("anjia.badInput.seed", 20_261_206L);
  private static final int REQUESTS = Integer.getInteger("anjia.badInput.requests", 10_000);
  private static final int THREADS = 4;
  private static final Duration LIMIT = Duration.ofMinutes(4);
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  /** Tables a refused request may still write: the rate limiter's counts, sessions, and the audit log (checked apart). */
  private static final List<String> MAY_CHANGE = List.of("audit_entry", "request_attempt", "spring_session",
      "spring_session_attributes", "flyway_schema_history", "act_ge_property");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CSRF_REFUSED = "请求未通过安全校验";
  private static final String CONTAINER_REFUSED = "请求无效";

  private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
  /** Requests sent again on a new connection (see {@link #send(HttpClient, Request)}). */
  private final java.util.concurrent.atomic.AtomicInteger resent = new java.util.concurrent.atomic.AtomicInteger();

  @Autowired
  private JdbcClient jdbc;

  @Autowired
  private AuditChain auditChain;

  private record Outcome(Request request, int status, String contentType, String body, String failure) {}

  @Test
  void tenThousandBadRequestsAreRefusedAsLocalizedProblemsAndChangeNothing() throws Exception {
    long setupStarted = System.nanoTime();
    String owner = newKeycloakFamily();
    String otherFamily = newKeycloakFamily();
    String ownApplication = call(owner, "POST", "/api/foster-applications", Households.eligible()).body()
        .path("id").asText();
    JsonNode other = call(otherFamily, "POST", "/api/foster-applications", Households.eligible()).body();
    String otherApplication = other.path("id").asText();
    Response document = upload(bearer(otherFamily), "/api/applications/" + otherApplication + "/documents", "ID_CARD",
        "id.pdf", "application/pdf", "%PDF-1.4 身份证".getBytes(StandardCharsets.UTF_8));
    assertThat(document.status()).isEqualTo(201);
    String caseworker = CASEWORKER_NANCHANG.username();
    Response child = call(caseworker, "POST", "/api/children", orphanOfNanchang("周小雨", "FEMALE", "2021-04-02"));
    assertThat(child.status()).as("%s", child.body()).isEqualTo(201);
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(otherApplication)
        .taskDefinitionKey("CheckDocuments").singleResult().getId();

    List<String> inScope = List.of(owner, FAMILY_WANG.username(), caseworker, DIRECTOR_NANCHANG.username(),
        REGISTRAR_DONGHU.username(), ASSESSOR_DONGHU.username(), AUDITOR.username(), ADMIN.username());
    List<String> outOfScope = List.of(FAMILY_LI.username(), CASEWORKER_JIUJIANG.username(),
        REGISTRAR_LIANXI.username());
    // the tokens in parallel: each is a password grant (and a one-time code for staff) on Keycloak
    ExecutorService logins = Executors.newFixedThreadPool(6);
    try {
      for (Future<String> token : logins.invokeAll(concat(inScope, outOfScope).stream()
          .<java.util.concurrent.Callable<String>>map(user -> () -> bearer(user)).toList())) {
        token.get();
      }
    } finally {
      logins.shutdown();
    }
    for (String user : concat(inScope, outOfScope)) {
      // a first request may register the account (a family's first sign-in): not part of what is measured
      assertThat(call(user, "GET", "/api/me", null).status()).isEqualTo(200);
    }
    // the caseworker signed in on Keycloak's form: the session and token a forged page would try to use
    SignedInBrowser signedIn = new SignedInBrowser(port, DEMO_PASSWORD);
    signedIn.signIn(STACK.keycloak(), caseworker);
    assertThat(signedIn.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(signedIn.cookie("SESSION")).isNotNull();
    assertThat(signedIn.cookie("XSRF-TOKEN")).as("the pages' copy of the session's token").isNotNull();
    String childId = child.body().path("id").asText();
    var targets = new BadRequests.Targets(Map.of(
        "applications", List.of(ownApplication, otherApplication),
        "children", List.of(childId), "childId", List.of(childId),
        "documents", List.of(document.body().path("id").asText()),
        "documentId", List.of(document.body().path("id").asText()),
        "key", List.of(task)),
        bearer(owner), ownApplication, bearer(caseworker), childId,
        inScope.stream().map(this::bearer).toList(),
        outOfScope.stream().map(this::bearer).toList(),
        TestIdentityProvider.get().tokenSignedByAnotherKey(ADMIN, STACK.keycloak().issuerUri()),
        "SESSION=" + signedIn.cookie("SESSION"), signedIn.cookie("XSRF-TOKEN"));
    JsonNode apiDocs = call(caseworker, "GET", "/v3/api-docs", null).body();
    BadRequests generator = new BadRequests(apiDocs, targets, SEED);
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      requests.add(generator.next(i));
    }
    requests.addAll(generator.largeUploads(REQUESTS));

    Map<String, Long> rowsBefore = rowCounts();
    long started = System.nanoTime();
    Duration setup = Duration.ofNanos(started - setupStarted);
    List<Outcome> outcomes = send(requests);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Map<String, Long> rowsAfter = rowCounts();
    // the control: the same session with the token it was given writes (so the refusals above were CSRF's)
    HttpResponse<String> control = signedIn.send(signedIn.service("/api/children")
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", signedIn.cookie("XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            orphanOfNanchang("吴小北", "MALE", "2020-09-15")))));

    List<String> findings = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<Defect, Integer> defects = new TreeMap<>();
    Map<Integer, Integer> forgedCsrf = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      statuses.merge(outcome.status(), 1, Integer::sum);
      defects.merge(outcome.request().defect(), 1, Integer::sum);
      if (outcome.request().defect() == Defect.FORGED_CSRF) {
        forgedCsrf.merge(outcome.status(), 1, Integer::sum);
      }
      String finding = check(outcome);
      if (finding != null) {
        findings.add(finding + "\n    request: " + outcome.request() + "\n    answer: " + outcome.status() + " "
            + outcome.contentType() + " " + abbreviate(outcome.body()));
      }
    }
    rowsBefore.forEach((table, count) -> {
      if (!count.equals(rowsAfter.get(table))) {
        findings.add("rows of " + table + " changed: " + count + " -> " + rowsAfter.get(table));
      }
    });
    AuditChain.Verification chain = auditChain.verify();

    String report = "bad input: seed " + SEED + ", " + outcomes.size() + " requests over " + generator.operationCount()
        + " operations in " + took.toMillis() + " ms (setup " + setup.toMillis() + " ms), " + resent.get()
        + " sent again on a new connection\n  statuses " + statuses + "\n  defects " + defects
        + "\n  forged CSRF statuses " + forgedCsrf + "\n  audit chain " + chain + "\n  control (the session's write with its token) " + control.statusCode() + "\n  findings " + findings.size() + "\n" + String.join("\n", findings);
    System.out.println(report);
    // getBytes, not writeString: a generated lone surrogate in a request becomes "?" instead of failing the write
    Files.write(Path.of("target", "bad-input-report.txt"), report.getBytes(StandardCharsets.UTF_8));

    assertThat(outcomes).hasSizeGreaterThanOrEqualTo(10_000);
    assertThat(defects.getOrDefault(Defect.FORGED_CSRF, 0)).isGreaterThan(100);
    assertThat(control.statusCode()).as("the signed-in session's own write: %s", control.body()).isEqualTo(201);
    assertThat(chain.valid()).as("audit chain %s", chain).isTrue();
    assertThat(findings).as("findings (seed %d)", SEED).isEmpty();
  }

  /** What is wrong with an answer, or null. */
  private static String check(Outcome outcome) {
    Request request = outcome.request();
    if (outcome.failure() != null) {
      return "no answer: " + outcome.failure();
    }
    int status = outcome.status();
    if (status >= 500) {
      return "server error " + status;
    }
    if (status < 400) {
      return request.write() ? "a write with a " + request.defect() + " was not refused" : null;
    }
    if (!outcome.contentType().startsWith("application/problem+json")) {
      return "refusal not problem+json";
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(outcome.body());
    } catch (IOException e) {
      return "refusal is not JSON";
    }
    if (!HAN.matcher(problem.path("title").asText()).find() || !HAN.matcher(problem.path("detail").asText()).find()) {
      return "refusal without a Chinese title and detail";
    }
    // forged CSRF meets the CSRF check, unless Tomcat could not even read the request (an address too long)
    String title = problem.path("title").asText();
    if (request.defect() == Defect.FORGED_CSRF && !(status == 403 && title.equals(CSRF_REFUSED))
        && !(status == 400 && title.equals(CONTAINER_REFUSED))) {
      return "forged CSRF on a signed-in session not refused as such";
    }
    // a path value of no valid form is refused by the firewall or the route before any field exists, and an
    // address made too long by another value (a hostile query text) by Tomcat before Spring reads it
    if (status == 400 && request.defect().namesAField() && !request.note().startsWith("path")
        && !title.equals(CONTAINER_REFUSED) && problem.path("errors").isEmpty()) {
      return "a 400 for a " + request.defect() + " without field errors";
    }
    for (JsonNode error : problem.path("errors")) {
      if (!HAN.matcher(error.path("message").asText()).find()) {
        return "a field error without a Chinese message";
      }
    }
    return null;
  }

  private List<Outcome> send(List<Request> requests) throws Exception {
    HttpClient client = newClient();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Request request : requests) {
        futures.add(pool.submit(() -> send(client, request)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      long deadline = System.nanoTime() + LIMIT.toNanos();
      for (Future<Outcome> future : futures) {
        try {
          outcomes.add(future.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (java.util.concurrent.TimeoutException late) {
          // over the time limit: what was answered is reported, and fewer than the count fails the test
          break;
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One request's answer. A POST or PATCH that meets a pooled connection the server closed just as it was taken
   * fails with "received no bytes" (the JDK retries only GET and HEAD, HttpConnection#checkOpen): that one is sent
   * once more on a new connection, so a server that drops the connection on the request itself still fails.
   */
  private Outcome send(HttpClient client, Request request) {
    Outcome outcome = sendOnce(client, request);
    if (outcome.failure() != null && outcome.failure().contains("received no bytes")) {
      resent.incrementAndGet();
      try (HttpClient fresh = newClient()) {
        return sendOnce(fresh, request);
      }
    }
    return outcome;
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private Outcome sendOnce(HttpClient client, Request request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.uri()))
        .timeout(Duration.ofSeconds(60))
        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    try {
      HttpResponse<String> response = client.send(builder.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Outcome(request, response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body(), null);
    } catch (IOException e) {
      return new Outcome(request, -1, "", "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(request, -1, "", "", e.toString());
    }
  }

  /** Rows of every table of the registry and the engine, but those a refusal may write. */
  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables = jdbc.sql("""
        select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'""").query(String.class).list();
    for (String table : tables) {
      if (!MAY_CHANGE.contains(table)) {
        counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
      }
    }
    // the audit log may gain reads, refusals and failed sign-ins, never a creation or a change
    jdbc.sql("select action, count(*) from audit_entry where action not in ('READ', 'DENIED', 'AUTHENTICATION_FAILED')"
        + " group by action").query((rs, n) -> counts.put("audit_entry:" + rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  /** A real Keycloak token of the user, fetched once (staff give a one-time code). */
  private String bearer(String username) {
    return tokens.computeIfAbsent(username, user -> {
      try {
        return "Bearer " + keycloakToken(user);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  private Response call(String username, String method, String path, Object body) {
    return send(method, bearer(username), path, body);
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "…";
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}

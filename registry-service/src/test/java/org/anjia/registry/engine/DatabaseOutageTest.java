package org.anjia.registry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.anjia.registry.AnjiaApplication;
import org.anjia.registry.EngineTime;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.RegistryIntegrationTest.Households;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.audit.AuditChain;
import org.anjia.runtime.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, faults: PostgreSQL stopped for {@link #OUTAGE} under load and started again on the same
 * port and data. Meanwhile every answer is 503 problem+json with Retry-After and a zh-CN title (a
 * browser's session cookie included), none takes longer than {@link #ANSWER_BOUND}; afterwards the
 * same service answers again by itself, nothing is half-written (no application without its process
 * instance, nor the reverse), every submission the client repeated with its Idempotency-Key made
 * exactly one application, the audit chain verifies, and the job executor runs timers again (one due
 * during the outage, one due after it).
 *
 * <p>It runs on a PostgreSQL and a service of its own (the shared test database is never stopped): the
 * service in this JVM, on the engine clock of {@link EngineTime} (the engine's clock is static, so
 * the service here reads the same one), under its own engine name, with its job executor on.
 */
class DatabaseOutageTest {

  /** How long PostgreSQL stays down; the test's run time grows with it. */
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  /**
   * While the database is down no request may wait longer for its answer (the pool gives up on a
   * connection after 3 s). Outside the outage a busy machine's slowest answers (a fresh JVM's first, the
   * first on new connections after the restart) are only held to {@link #CLIENT_TIMEOUT}.
   */
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
  /** The client's own timeout: an answer that takes longer counts as none (status -1), which fails the test. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
  /** Once PostgreSQL is up, the service must answer with success again within this. */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
  private static final int CLIENTS = 4;
  /** Families that apply before the stop, and after the recovery, before the load ends. */
  private static final int FAMILIES_BEFORE = 8;
  private static final int FAMILIES_AFTER = 8;
  /** Bounds the load whatever happens: a client starts no new family after this. */
  private static final Duration LOAD_LIMIT = Duration.ofMinutes(3);
  /** A client's pause after a 503 before it sends the same request again (shorter than Retry-After, for more probes). */
  private static final Duration CLIENT_PAUSE = Duration.ofMillis(300);
  private static final String QUALIFICATION = "foster-family-qualification";
  private static final String UNAVAILABLE_TITLE = "数据库暂时不可用";


  private enum Kind { SUBMIT, READ, SESSION }

  /** One request as the client saw it: when sent and answered, and the answer (status -1: no answer in time). */
  private record Attempt(Kind kind, Instant sent, Instant answered, int status, String contentType, String retryAfter,
      String title) {

    Duration took() {
      return Duration.between(sent, answered);
    }
  }

  /** A family's submission: its key, the application it was answered with, and whether it was repeated after a 503. */
  private record Family(User user, String key, String applicationId, boolean repeated) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Family> families = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stopLoad = new AtomicBoolean();
  /** The body of this thread's last answer. */
  private final ThreadLocal<JsonNode> lastBody = new ThreadLocal<>();
  private Path dataDirectory;
  private EmbeddedPostgres postgres;
  private ConfigurableApplicationContext service;
  private String baseUrl;

  @AfterEach
  void stopEverything() throws IOException {
    stopLoad.set(true);
    if (service != null) {
      service.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (dataDirectory != null) {
      try (var paths = Files.walk(dataDirectory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  void aTwentySecondDatabaseOutageAnswers503ThenRecoversWithNothingHalfWritten() throws Exception {
    Instant began = Instant.now();
    EngineTime.startOnce();
    dataDirectory = Files.createTempDirectory("anjia-outage-postgres");
    int databasePort = FreePorts.next();
    postgres = startPostgres(databasePort);
    Instant databaseUp = Instant.now();
    service = new SpringApplicationBuilder(AnjiaApplication.class).run(
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--anjia.identity.issuer=" + TestIdentityProvider.get().issuer(),
        // a second engine in this JVM beside the shared test context's
        "--operaton.bpm.process-engine-name=outage",
        "--operaton.bpm.job-execution.enabled=true",
        "--spring.main.banner-mode=off",
        RegistryIntegrationTest.WITHOUT_OPERATOR_CONSOLE);
    baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    JdbcClient db = service.getBean(JdbcClient.class);
    engine.getRepositoryService().createDeployment().addString("outage-probe.bpmn", TimerProbes.bpmn("outage-timer-probe"))
        .deploy();
    Instant ready = Instant.now();

    String sessionCookie = browserSession();
    assertThat(db.sql("select count(*) from spring_session").query(Long.class).single())
        .as("the browser's session is in PostgreSQL").isEqualTo(1);

    // the first requests of a fresh JVM are slow on a busy machine: one family before the load
    assertThat(applyAndRead(Instant.now().plus(Duration.ofMinutes(1)))).as("a first family applies").isTrue();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> load = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      load.add(clients.submit(this::applyUntilStopped));
    }
    clients.shutdown();
    awaitOrReport("families before the stop", Duration.ofMinutes(1), () -> families.size() >= FAMILIES_BEFORE);

    // due halfway through the outage: the job executor can only run it once the database is back
    String timerDueDuringOutage = startTimer(engine, EngineTime.now().plus(OUTAGE.dividedBy(2)));
    int familiesBefore = families.size();
    Instant stopping = Instant.now();
    postgres.close();
    Instant stopped = Instant.now();
    List<Attempt> sessionProbes = new ArrayList<>();
    String healthDuringOutage = health();
    while (Instant.now().isBefore(stopped.plus(OUTAGE))) {
      sessionProbes.add(withSession(sessionCookie));
      Thread.sleep(500);
    }
    Instant starting = Instant.now();
    postgres = startPostgres(databasePort);
    Instant started = Instant.now();

    awaitOrReport("a submission answered with success after the restart", RECOVERY_BOUND, () -> attempts.stream()
        .anyMatch(a -> a.kind() == Kind.SUBMIT && a.status() / 100 == 2 && a.sent().isAfter(started)));
    Instant recovered = attempts.stream()
        .filter(a -> a.kind() == Kind.SUBMIT && a.status() / 100 == 2 && a.sent().isAfter(started))
        .map(Attempt::answered).min(Comparator.naturalOrder()).orElseThrow();
    String timerDueAfterOutage = startTimer(engine, EngineTime.now().plusSeconds(2));
    int familiesAtRecovery = families.size();
    awaitOrReport("families after the recovery", Duration.ofMinutes(1),
        () -> families.size() >= familiesAtRecovery + FAMILIES_AFTER);
    stopLoad.set(true);
    assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("the clients ended").isTrue();
    for (Future<?> client : load) {
      client.get();
    }
    Attempt sessionAfter = withSession(sessionCookie);
    String healthAfter = health();

    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceIds(Set.of(timerDueDuringOutage, timerDueAfterOutage)).finished().count() == 2);
    Instant timersDone = Instant.now();

    // sent while the database was down and early enough that only a hang would see it back
    List<Attempt> sentWhileDown = attempts.stream()
        .filter(a -> a.sent().isAfter(stopped) && a.sent().plus(ANSWER_BOUND).isBefore(starting)).toList();
    List<Attempt> outage = attempts.stream()
        .filter(a -> a.sent().isAfter(stopped) && a.answered().isBefore(starting)).toList();
    report(began, databaseUp, ready, stopping, stopped, starting, started, recovered, timersDone, familiesBefore, outage);

    assertEveryAnswer(sentWhileDown, outage);
    assertThat(sessionProbes).as("requests with a session cookie during the outage").hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(DatabaseOutageTest::assertUnavailable);
    assertThat(sessionAfter.status()).as("the session cookie after the outage: not signed in, no error")
        .isEqualTo(401);
    assertThat(Duration.between(started, recovered)).as("recovery").isLessThan(RECOVERY_BOUND);
    assertThat(healthDuringOutage).as("health during the outage").isEqualTo("503 DOWN");
    assertThat(healthAfter).as("health after it").isEqualTo("200 UP");
    assertThat(families).as("submissions repeated with their key after a 503").anyMatch(Family::repeated);
    assertOnceEach(db, engine);
    AuditChain.Verification chain = service.getBean(AuditChain.class).verify();
    assertThat(chain.valid()).as("audit chain, first broken entry " + chain.firstBrokenId()).isTrue();
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive())
        .as("job executor running").isTrue();
  }

  /** Waits for the condition; on a timeout, says what the clients saw so far. */
  private void awaitOrReport(String what, Duration bound, java.util.concurrent.Callable<Boolean> condition) {
    try {
      await().atMost(bound).pollInterval(Duration.ofMillis(100)).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(what + " not within " + bound + "; answers so far: " + statuses(), e);
    }
  }

  private Map<String, Long> statuses() {
    return new TreeMap<>(attempts.stream()
        .collect(Collectors.groupingBy(a -> a.kind() + " " + a.status(), Collectors.counting())));
  }

  private EmbeddedPostgres startPostgres(int port) throws IOException {
    // the same data directory and port each time: a restart, as an operator would do it (pg_ctl stop -m fast, start)
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setPort(port).setCleanDataDirectory(false)
        .start();
  }

  /** A client's loop: a new family applies and reads its application back, until told to stop. */
  private void applyUntilStopped() {
    Instant limit = Instant.now().plus(LOAD_LIMIT);
    try {
      while (!stopLoad.get() && Instant.now().isBefore(limit) && applyAndRead(limit)) {
        // next family
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A new family applies (with an Idempotency-Key, repeated after a 503) and reads its application back
   * once; false if either failed otherwise.
   */
  private boolean applyAndRead(Instant limit) throws IOException, InterruptedException {
    User user = new User("family-" + UUID.randomUUID() + "@example.com", "family", null, null);
    String key = UUID.randomUUID().toString();
    byte[] body = json.writeValueAsBytes(Households.eligible());
    List<Attempt> submitted = untilAnswered(Kind.SUBMIT, limit, () -> HttpRequest.newBuilder(
            URI.create(baseUrl + "/api/foster-applications"))
        .header("Authorization", bearer(user)).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    if (submitted.getLast().status() / 100 != 2) {
      return false;
    }
    String id = lastBody.get().path("id").asText();
    families.add(new Family(user, key, id, submitted.size() > 1));
    // read once, not repeated: during the outage every client goes on to submit, and repeat, new applications
    Attempt read = send(Kind.READ, HttpRequest.newBuilder(URI.create(baseUrl + "/api/applications/" + id))
        .header("Authorization", bearer(user)).GET());
    return read.status() == 200 || read.status() == 503;
  }

  /**
   * Sends the request, and again after each 503 (as a client honouring it would, with the same
   * Idempotency-Key), until another answer or the limit; every attempt is recorded. Any other 5xx, or
   * no answer in time, is repeated too, so that one run shows every kind of failure (each fails the test).
   */
  private List<Attempt> untilAnswered(Kind kind, Instant limit, java.util.function.Supplier<HttpRequest.Builder> request)
      throws IOException, InterruptedException {
    List<Attempt> sent = new ArrayList<>();
    while (true) {
      Attempt attempt = send(kind, request.get());
      sent.add(attempt);
      boolean failed = attempt.status() >= 500 || attempt.status() == -1;
      if (!failed || Instant.now().isAfter(limit)) {
        return sent;
      }
      Thread.sleep(CLIENT_PAUSE.toMillis());
    }
  }

  private Attempt send(Kind kind, HttpRequest.Builder request) throws IOException, InterruptedException {
    request.header("Accept-Language", "zh-CN").timeout(CLIENT_TIMEOUT);
    Instant sent = Instant.now();
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = contentType.contains("json") ? json.readTree(response.body()) : null;
      lastBody.set(body);
      Attempt attempt = new Attempt(kind, sent, Instant.now(), response.statusCode(), contentType,
          response.headers().firstValue("Retry-After").orElse(null), body == null ? null : body.path("title").asText());
      attempts.add(attempt);
      return attempt;
    } catch (java.net.http.HttpTimeoutException e) {
      Attempt attempt = new Attempt(kind, sent, Instant.now(), -1, "", null, null);
      attempts.add(attempt);
      return attempt;
    }
  }

  /** A browser's Spring Session in PostgreSQL: the start of a login stores the authorization request there. */
  private String browserSession() throws IOException, InterruptedException {
    HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/authorization/keycloak"))
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    assertThat(login.statusCode()).as("redirect to the login").isEqualTo(302);
    return login.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
  }

  /** What the browser's page asks first (who is signed in), with its session cookie. */
  private Attempt withSession(String cookie) throws IOException, InterruptedException {
    return send(Kind.SESSION, HttpRequest.newBuilder(URI.create(baseUrl + "/api/me")).header("Cookie", cookie)
        .header("Accept", "application/json").GET());
  }

  /** What a load balancer or monitor asks: the status and the health it reports. */
  private String health() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
        .timeout(CLIENT_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode() + " " + json.readTree(response.body()).path("status").asText();
  }

  private static String bearer(User user) {
    return "Bearer " + TestIdentityProvider.get().token(user);
  }

  private static String startTimer(ProcessEngine engine, Instant due) {
    return engine.getRuntimeService().startProcessInstanceByKey("outage-timer-probe", Map.of("at", Date.from(due)))
        .getId();
  }

  /**
   * Only success and 503 problem+json, every answer within the client's timeout; while the database is
   * down nothing but 503, none later than the bound.
   */
  private void assertEveryAnswer(List<Attempt> sentWhileDown, List<Attempt> outage) {
    assertThat(sentWhileDown).as("requests sent while the database was down, answered in time").isNotEmpty()
        .allSatisfy(a -> assertThat(a.took()).as(a.toString()).isLessThanOrEqualTo(ANSWER_BOUND));
    assertThat(attempts.stream().map(Attempt::status).collect(Collectors.toSet())).as("statuses seen")
        .isSubsetOf(200, 201, 401, 503);
    assertThat(attempts).filteredOn(a -> a.status() == 401).as("only the session probe is not signed in")
        .allMatch(a -> a.kind() == Kind.SESSION);
    assertThat(attempts).filteredOn(a -> a.status() == 503).allSatisfy(DatabaseOutageTest::assertUnavailable);
    assertThat(outage).as("answers to the load during the outage")
        .filteredOn(a -> a.kind() != Kind.SESSION).hasSizeGreaterThanOrEqualTo(CLIENTS * 3);
    assertThat(outage).as("answers during the outage").allSatisfy(DatabaseOutageTest::assertUnavailable);
  }

  private static void assertUnavailable(Attempt a) {
    assertThat(a.status()).as(a.toString()).isEqualTo(503);
    assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
    assertThat(a.retryAfter()).as(a.toString()).isEqualTo("10");
    assertThat(a.title()).as(a.toString()).isEqualTo(UNAVAILABLE_TITLE);
  }

  /**
   * Every family's one application is the one it was answered with, with its claimed key, one process
   * instance (and nothing else started), one open first step and one creation entry in the audit log.
   */
  private void assertOnceEach(JdbcClient db, ProcessEngine engine) {
    List<Family> done = List.copyOf(families);
    Set<String> answered = done.stream().map(Family::applicationId).collect(Collectors.toSet());
    assertThat(answered).as("one application per family").hasSize(done.size());
    for (Family family : done) {
      assertThat(db.sql("""
              select cast(a.id as text) from application a join family_account fa on fa.family_id = a.family_id
              where fa.subject = :subject""").param("subject", family.user().subject()).query(String.class).list())
          .as("applications of " + family.user().username() + (family.repeated() ? " (repeated after a 503)" : ""))
          .containsExactly(family.applicationId());
      assertThat(db.sql("select cast(application_id as text) from submission_key where key = :key")
          .param("key", family.key()).query(String.class).list()).as("key of " + family.applicationId())
          .containsExactly(family.applicationId());
    }
    assertThat(db.sql("select cast(id as text) from application").query(String.class).list())
        .as("applications in the database").containsExactlyInAnyOrderElementsOf(answered);
    assertThat(db.sql("select count(*) from submission_key").query(Long.class).single()).isEqualTo(done.size());

    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(QUALIFICATION).list();
    assertThat(instances.stream().map(ProcessInstance::getBusinessKey).toList()).as("one process per application")
        .containsExactlyInAnyOrderElementsOf(answered);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(QUALIFICATION)
        .count()).as("no process started for an application that was rolled back").isEqualTo(done.size());
    List<Task> tasks = engine.getTaskService().createTaskQuery().processDefinitionKey(QUALIFICATION).list();
    assertThat(tasks).as("one open first step per application").hasSize(done.size())
        .allSatisfy(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("CheckDocuments"));
    assertThat(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).hasSize(done.size());

    Map<String, Long> creations = new HashMap<>();
    db.sql("select object_id, count(*) as n from audit_entry where action = 'CREATE' and object_type = 'APPLICATION'"
            + " group by object_id").query().listOfRows()
        .forEach(row -> creations.put((String) row.get("object_id"), ((Number) row.get("n")).longValue()));
    assertThat(creations.keySet()).as("audited creations").containsExactlyInAnyOrderElementsOf(answered);
    assertThat(creations.values()).as("each audited once").containsOnly(1L);
  }

  private void report(Instant began, Instant databaseUp, Instant ready, Instant stopping, Instant stopped, Instant starting,
      Instant started, Instant recovered, Instant timersDone, int familiesBefore, List<Attempt> outage) {
    Duration slowestDuringOutage = outage.stream().map(Attempt::took).max(Comparator.naturalOrder())
        .orElse(Duration.ZERO);
    System.out.printf("[outage] PostgreSQL initialized and up in %d s, service ready %d s later; PostgreSQL stop took %d ms,"
        + " start %d ms; down %d s%n", Duration.between(began, databaseUp).toSeconds(),
        Duration.between(databaseUp, ready).toSeconds(), Duration.between(stopping, stopped).toMillis(),
        Duration.between(starting, started).toMillis(), Duration.between(stopped, started).toSeconds());
    System.out.printf("[outage] %d answers during the outage, slowest %d ms; first success %d ms after the start%n",
        outage.size(), slowestDuringOutage.toMillis(), Duration.between(started, recovered).toMillis());
    System.out.printf("[outage] families: %d before the stop, %d in all, %d repeated their key after a 503%n",
        familiesBefore, families.size(), families.stream().filter(Family::repeated).count());
    System.out.printf("[outage] answers: %s; timers done %d s after the start%n", statuses(),
        Duration.between(started, timersDone).toSeconds());
    System.out.printf("[outage] total %d s%n", Duration.between(began, Instant.now()).toSeconds());
  }
}

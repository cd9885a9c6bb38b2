package org.anjia.registry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.anjia.registry.EngineTime;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.audit.AuditChainCommand;
import org.anjia.runtime.FreePorts;
import org.anjia.runtime.LoadBalancer;
import org.anjia.runtime.ServiceReplica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 12, faults: two replicas of the service as processes of their own (each an engine node with
 * its job executor) behind HAProxy on one PostgreSQL; one is killed with SIGKILL in the middle of a
 * load. Requests it held fail with a 502 from the load balancer and the client repeats them with
 * their Idempotency-Keys; afterwards every family has exactly one application, one process
 * instance, one open task and one creation entry in the audit log, every read the client saw is
 * audited and none twice, the audit chain verifies, and every timer (due before, during and after
 * the kill) fired exactly once.
 *
 * <p>The replicas run on a database of their own on the test stack's server (created here, migrated
 * by the replicas as they start together), so the suite's shared database and worklists stay as
 * they were. Sizes are system properties, so {@code infra/ops/failover-drill} runs the same drill
 * bigger: {@code failover.families} (one application and one read each), {@code failover.threads},
 * {@code failover.timers}, {@code failover.lock-ms} (how long a job stays locked by the node that took
 * it: after a crash, the survivor runs the dead node's locked jobs once this has passed).
 */
class ReplicaFailoverTest extends RegistryIntegrationTest {

  private static final int FAMILIES = Integer.getInteger("failover.families", 120);
  private static final int THREADS = Integer.getInteger("failover.threads", 4);
  private static final int TIMERS = Integer.getInteger("failover.timers", 60);
  private static final int LOCK_MS = Integer.getInteger("failover.lock-ms", 10_000);
  /** Attempts per request before the client gives up (a failure of the test). */
  private static final int ATTEMPTS = 6;
  private static final String FOSTER_QUALIFICATION = "foster-family-qualification";


  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<AutoCloseable> started = new ArrayList<>();
  /** What the client saw, attempt by attempt: a status, or the exception's class. */
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger submitted = new AtomicInteger();

  /** One family's requests as the client saw them. */
  private record Family(User user, String key, String applicationId, int submitAttempts, int readAttempts,
      int successes) {}

  /** A request's final answer and how many attempts it took. */
  private record Answer(int status, JsonNode body, int attempts) {}

  @AfterEach
  void stopEverything() {
    for (AutoCloseable program : started.reversed()) {
      try {
        program.close();
      } catch (Exception e) {
        // the next one still stops
      }
    }
  }

  @Test
  void killingAReplicaUnderLoadLosesNothingAndRepeatsNothing() throws Exception {
    Instant began = Instant.now();
    Path work = Path.of("target", "failover-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    String database = "failover_" + UUID.randomUUID().toString().replace("-", "");
    JdbcClient.create(STACK.dataSource()).sql("create database " + database).update();
    String url = STACK.jdbcUrl(database);
    JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));

    // both at once, as a deployment rolls out: they migrate the empty database and deploy the models together
    ServiceReplica nodeA = replica("node-a", url, work);
    ServiceReplica nodeB = replica("node-b", url, work);
    nodeA.launch();
    nodeB.launch();
    nodeA.awaitReady();
    nodeB.awaitReady();
    Map<String, Integer> backends = new LinkedHashMap<>();
    backends.put(nodeA.name(), nodeA.port());
    backends.put(nodeB.name(), nodeB.port());
    LoadBalancer balancer = new LoadBalancer(work.resolve("haproxy"), FreePorts.next(), backends);
    started.add(balancer);
    balancer.start();
    Instant ready = Instant.now();

    ProcessEngine engine = drillEngine(url);
    started.add(engine::close);
    engine.getRepositoryService().createDeployment().addString("failover-probe.bpmn", TimerProbes.bpmn("failover-timer-probe"))
        .deploy();
    // two thirds due over the next 20 s (before, during and after the kill), the rest started at the kill
    int early = TIMERS * 2 / 3;
    startTimers(engine, early, Duration.ofSeconds(2), Duration.ofSeconds(20));

    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<Family>> families = new ArrayList<>();
    for (int i = 0; i < FAMILIES; i++) {
      families.add(clients.submit(() -> family(balancer.baseUrl())));
    }
    clients.shutdown();

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> submitted.get() >= FAMILIES / 3);
    int inFlightAtKill = inFlight.get();
    int submittedAtKill = submitted.get();
    int exit = nodeA.kill();
    Instant killed = Instant.now();
    startTimers(engine, TIMERS - early, Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(exit).as("node A ended by SIGKILL").isEqualTo(137);

    assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("the load ended").isTrue();
    List<Family> done = new ArrayList<>();
    for (Future<Family> family : families) {
      done.add(family.get());
    }
    Instant loadEnded = Instant.now();
    assertThat(submitted.get()).as("submissions after the kill").isGreaterThan(submittedAtKill);

    // the dead node's locked jobs become free when their lock expires
    await().atMost(Duration.ofMillis(LOCK_MS).plus(Duration.ofSeconds(90))).pollInterval(Duration.ofMillis(500))
        .until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("failover-timer-probe").finished().count() == TIMERS);
    Instant timersDone = Instant.now();

    Map<String, Long> timersPerNode = new TreeMap<>();
    db.sql("""
            select hostname_, count(*) as fired from act_hi_job_log
            where process_def_key_ = 'failover-timer-probe' and job_state_ = 2 group by hostname_""")
        .query().listOfRows().forEach(row -> timersPerNode.put((String) row.get("hostname_"),
            ((Number) row.get("fired")).longValue()));

    try (PrintStream file = new PrintStream(Files.newOutputStream(work.resolve("report.txt")), true,
        StandardCharsets.UTF_8)) {
      report(file, began, ready, killed, loadEnded, timersDone, inFlightAtKill, submittedAtKill, done, timersPerNode);
    }
    report(System.out, began, ready, killed, loadEnded, timersDone, inFlightAtKill, submittedAtKill, done,
        timersPerNode);

    assertEveryRequestAnsweredCleanly(done);
    assertOneOfEverything(db, engine, done);
    assertTimersFiredOnce(db);
    assertThat(AuditChainCommand.run(url, "postgres", "", System.out)).as("audit chain verifies").isZero();
    assertThat(nodeB.isAlive()).as("node B survived").isTrue();
  }

  private ServiceReplica replica(String name, String url, Path work) {
    ServiceReplica replica = new ServiceReplica(new ServiceReplica.Settings(name,
        System.getProperty("java.class.path"), ReplicaOnTestClock.class.getName(),
        List.of("-Xmx512m",
            // starts faster on two shared cores; the load here is small
            "-XX:TieredStopAtLevel=1",
            "-Danjia.test.clock-offset-ms=" + (EngineTime.now().toEpochMilli() - System.currentTimeMillis())),
        List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--anjia.identity.issuer=" + TestIdentityProvider.get().issuer(),
            // the job log's hostname_ names the node that ran each job
            "--operaton.bpm.generic-properties.properties.hostname=" + name,
            "--operaton.bpm.job-execution.lock-time-in-millis=" + LOCK_MS),
        FreePorts.next(), work.resolve(name + ".log")));
    started.add(replica);
    return replica;
  }

  /** The test's own engine on the drill's database, to deploy and start timers; its job executor stays off. */
  private static ProcessEngine drillEngine(String url) {
    return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("failover-drill")
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUrl(url)
        .setJdbcUsername("postgres")
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .buildProcessEngine();
  }

  /** That many timers due evenly from {@code first} to {@code last} from now, by the engine clock. */
  private static void startTimers(ProcessEngine engine, int count, Duration first, Duration last) {
    Instant now = EngineTime.now();
    long step = count > 1 ? last.minus(first).toMillis() / (count - 1) : 0;
    for (int i = 0; i < count; i++) {
      Date at = Date.from(now.plus(first).plusMillis(step * i));
      engine.getRuntimeService().startProcessInstanceByKey("failover-timer-probe", Map.of("at", at));
    }
  }

  /** A new family applies (with an Idempotency-Key) and reads its application back, through the load balancer. */
  private Family family(String baseUrl) throws IOException, InterruptedException {
    User user = newFamily();
    String key = UUID.randomUUID().toString();
    byte[] body = json.writeValueAsBytes(Households.eligible());
    Answer submit = send(user, HttpRequest.newBuilder(URI.create(baseUrl + "/api/foster-applications"))
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    if (submit.status() != 201 && submit.status() != 200) {
      return new Family(user, key, null, submit.attempts(), 0, 0);
    }
    submitted.incrementAndGet();
    String id = submit.body().path("id").asText();
    Answer read = send(user, HttpRequest.newBuilder(URI.create(baseUrl + "/api/applications/" + id)).GET());
    return new Family(user, key, id, submit.attempts(), read.attempts(), read.status() == 200 ? 2 : 1);
  }

  /**
   * Sends the request until it is answered by the service: a 502, 503 or 504 from the load balancer,
   * or a dropped connection, is repeated as it was (a submission with the same Idempotency-Key).
   */
  private Answer send(User user, HttpRequest.Builder request) throws IOException, InterruptedException {
    request.header("Authorization", bearer(user)).header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(60));
    for (int attempt = 1; ; attempt++) {
      String outcome;
      inFlight.incrementAndGet();
      try {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        outcome = String.valueOf(response.statusCode());
        if (response.statusCode() < 502 || response.statusCode() > 504 || attempt == ATTEMPTS) {
          count(outcome);
          // the load balancer's own answers are HTML
          return new Answer(response.statusCode(),
              response.statusCode() < 500 ? json.readTree(response.body()) : null, attempt);
        }
      } catch (IOException e) {
        outcome = e.getClass().getSimpleName();
        System.out.printf("[failover] attempt %d failed: %s%n", attempt, e);
        if (attempt == ATTEMPTS) {
          count(outcome);
          throw e;
        }
      } finally {
        inFlight.decrementAndGet();
      }
      count(outcome);
      Thread.sleep(250L * attempt);
    }
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
  }

  /** Every family's application created and read back; nothing but the load balancer's 502-504 on the way. */
  private void assertEveryRequestAnsweredCleanly(List<Family> done) {
    assertThat(done).as("every family applied and read its application")
        .allSatisfy(family -> {
          assertThat(family.applicationId()).as("application of " + family.user().username()).isNotNull();
          assertThat(family.successes()).isEqualTo(2);
        });
    assertThat(outcomes.keySet()).as("answers seen").isSubsetOf("200", "201", "502", "503", "504",
        "IOException", "ConnectException", "HttpTimeoutException");
  }

  /** One application, family, key, process instance, open task and creation entry per family; reads audited once each. */
  private static void assertOneOfEverything(JdbcClient db, ProcessEngine engine, List<Family> done) {
    Set<String> applicationIds = done.stream().map(Family::applicationId).collect(Collectors.toSet());
    assertThat(applicationIds).as("distinct applications answered").hasSize(done.size());
    Map<String, String> familyOf = new HashMap<>();
    db.sql("select cast(id as text) as id, cast(family_id as text) as family from application").query().listOfRows()
        .forEach(row -> familyOf.put((String) row.get("id"), (String) row.get("family")));
    assertThat(familyOf.keySet()).as("applications in the database").isEqualTo(applicationIds);
    assertThat(Set.copyOf(familyOf.values())).as("one family each").hasSize(done.size());
    assertThat(db.sql("select count(*) from family").query(Long.class).single()).isEqualTo(done.size());
    assertThat(db.sql("select count(*) from submission_key where application_id is not null").query(Long.class)
        .single()).as("one claimed key per family").isEqualTo(done.size());
    assertThat(db.sql("select count(*) from submission_key").query(Long.class).single()).isEqualTo(done.size());

    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FOSTER_QUALIFICATION).list();
    assertThat(instances).as("one qualification per application").hasSize(done.size());
    assertThat(instances.stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet()))
        .isEqualTo(applicationIds);
    List<Task> tasks = engine.getTaskService().createTaskQuery().processDefinitionKey(FOSTER_QUALIFICATION).list();
    assertThat(tasks).as("one open task per application").hasSize(done.size());
    assertThat(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).hasSize(done.size());
    assertThat(tasks).allSatisfy(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("CheckDocuments"));

    Map<String, Long> entries = new HashMap<>();
    db.sql("select action || ' ' || object_type || ' ' || object_id as entry, count(*) as n from audit_entry group by 1")
        .query().listOfRows().forEach(row -> entries.put((String) row.get("entry"), ((Number) row.get("n")).longValue()));
    assertThat(entries.keySet()).as("only creations and reads")
        .allMatch(entry -> entry.startsWith("CREATE ") || entry.startsWith("READ "));
    for (Family family : done) {
      String application = family.applicationId();
      String familyId = familyOf.get(application);
      assertThat(entries.get("CREATE APPLICATION " + application)).as("creation of " + application).isEqualTo(1);
      assertThat(entries.get("CREATE FAMILY " + familyId)).as("creation of family " + familyId).isEqualTo(1);
      long reads = entries.getOrDefault("READ APPLICATION " + application, 0L);
      // each answered request read the application once in its transaction; an attempt lost with its
      // replica may have committed its read before the replica died, never twice
      assertThat(reads).as("reads of " + application)
          .isBetween((long) family.successes(), (long) family.submitAttempts() + family.readAttempts());
      assertThat(entries.get("READ FAMILY " + familyId)).as("the family read with each read of its application")
          .isEqualTo(reads);
    }
    assertThat(entries.entrySet().stream().filter(e -> e.getKey().startsWith("CREATE APPLICATION "))
        .mapToLong(Map.Entry::getValue).sum()).isEqualTo(done.size());
  }

  /** Each timer's job succeeded once, and each instance passed its end once. */
  private static void assertTimersFiredOnce(JdbcClient db) {
    assertThat(db.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'failover-timer-probe'")
        .query(Long.class).single()).isEqualTo(TIMERS);
    List<Long> firings = db.sql("""
            select count(l.id_) from act_hi_procinst p
            left join act_hi_job_log l on l.process_instance_id_ = p.id_ and l.job_state_ = 2
            where p.proc_def_key_ = 'failover-timer-probe' group by p.id_""").query(Long.class).list();
    assertThat(firings).as("successful timer jobs per instance").hasSize(TIMERS).containsOnly(1L);
    List<Long> ends = db.sql("""
            select count(a.id_) from act_hi_procinst p
            left join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = 'End'
            where p.proc_def_key_ = 'failover-timer-probe' group by p.id_""").query(Long.class).list();
    assertThat(ends).as("ends per instance").hasSize(TIMERS).containsOnly(1L);
  }

  private void report(PrintStream out, Instant began, Instant ready, Instant killed, Instant loadEnded,
      Instant timersDone, int inFlightAtKill, int submittedAtKill, List<Family> done, Map<String, Long> timersPerNode) {
    int requests = done.stream().mapToInt(f -> f.submitAttempts() + f.readAttempts()).sum();
    long repeated = done.stream().filter(f -> f.submitAttempts() > 1).count();
    out.printf("[failover] %d families, %d client threads, %d timers, job lock %d ms%n", FAMILIES, THREADS, TIMERS,
        LOCK_MS);
    out.printf("[failover] replicas and load balancer ready in %d s; load %d s; timers done %d s after the load%n",
        Duration.between(began, ready).toSeconds(), Duration.between(ready, loadEnded).toSeconds(),
        Duration.between(loadEnded, timersDone).toSeconds());
    out.printf("[failover] node-a killed (SIGKILL) after %d submissions, %d requests in flight; %d s before the load ended%n",
        submittedAtKill, inFlightAtKill, Duration.between(killed, loadEnded).toSeconds());
    out.printf("[failover] %d attempts in all; answers seen: %s; submissions repeated with their key: %d%n", requests,
        new TreeMap<>(outcomes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()))),
        repeated);
    out.printf("[failover] timers fired per node (job log): %s%n", timersPerNode);
    out.printf("[failover] total %d s%n", Duration.between(began, Instant.now()).toSeconds());
  }
}

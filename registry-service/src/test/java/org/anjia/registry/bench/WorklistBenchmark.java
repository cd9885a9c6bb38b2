package org.anjia.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.anjia.registry.AnjiaApplication;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.children.AdmissionReason;
import org.anjia.registry.children.ChildAdoptionEvents;
import org.anjia.registry.fostering.BenchFosterStarts;
import org.anjia.registry.worklist.BenchWorklistSql;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worklist benchmark (run by {@code infra/bench/run}, described in infra/bench/REPORT.md). In one
 * JVM and one run: a fresh PostgreSQL, the service in-process on it, N foster applications each with
 * its qualification process started by the service's own starter, then
 * <ol>
 *   <li>reads: the raw engine's task query (TaskService, candidate group caseworker, by due date, first
 *       page) against the product's {@code GET /api/worklist?candidateGroup=caseworker}, both with the
 *       same number of concurrent readers, in alternating rounds;</li>
 *   <li>completions: the raw engine completing CheckDocuments (documentsDecision=complete) and finding
 *       the AssessHome task it creates, against the product's complete through the API (claimed beforehand, timed apart) and a
 *       worklist read of the assessor that lists the new AssessHome task; same concurrency, alternating
 *       rounds.</li>
 * </ol>
 * Every loop is bounded in count and in time; all traffic goes to 127.0.0.1.
 */
public final class WorklistBenchmark {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The documents 材料审核 requires as files (家庭寄养管理办法 art. 12(1)). */
  private static final List<String> FOSTER_DOCUMENTS = List.of("ID_CARD", "HUKOU_BOOK", "INCOME_PROOF",
      "HOUSING_PROOF", "HEALTH_CERTIFICATE", "MEMBERS_CONSENT");

  /** Settings, from -Dbench.* system properties. */
  record Config(int applications, int readers, int readsPerRound, int rounds, int completers,
      int completionsPerRound, int seedThreads, int seedBatch, int pageSize, Duration phaseLimit,
      Duration seedLimit, Path out, int children, int pgbenchSeconds, int mixedUsers, int mixedSeconds,
      int writeThinkMillis, int soakMinutes, Path mixedScript, int adoptionPlacements, int ceilingSeconds) {

    static Config fromSystemProperties() {
      return new Config(
          integer("bench.n", 100_000),
          integer("bench.readers", 200),
          integer("bench.reads", 4_000),
          integer("bench.rounds", 2),
          integer("bench.completers", 8),
          integer("bench.completions", 400),
          integer("bench.seedThreads", 2),
          integer("bench.seedBatch", 200),
          integer("bench.pageSize", 20),
          Duration.ofSeconds(integer("bench.phaseSeconds", 180)),
          Duration.ofSeconds(integer("bench.seedSeconds", 2_400)),
          Path.of(System.getProperty("bench.out", "worklist-benchmark.md")),
          integer("bench.children", integer("bench.n", 100_000)),
          integer("bench.pgbenchSeconds", 30),
          integer("bench.mixedUsers", 200),
          integer("bench.mixedSeconds", 60),
          integer("bench.writeThinkMs", 500),
          integer("bench.soakMinutes", 0),
          Path.of(System.getProperty("bench.mixedScript", "infra/bench/mixed.lua")),
          integer("bench.adoptionPlacements", integer("bench.children", integer("bench.n", 100_000)) / 5),
          integer("bench.ceilingSeconds", 15));
    }

    private static int integer(String name, int fallback) {
      String value = System.getProperty(name);
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim().replace("_", ""));
    }
  }

  private final Config config;
  private final StringBuilder report = new StringBuilder();
  private ConfigurableApplicationContext context;
  private TaskService tasks;
  private JdbcClient jdbc;
  private JdbcTemplate jdbcTemplate;
  private HttpClient http;
  private String baseUrl;

  private WorklistBenchmark(Config config) {
    this.config = config;
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.fromSystemProperties();
    int status;
    try {
      status = new WorklistBenchmark(config).run();
    } catch (Exception e) {
      // the identity provider's JWK server would keep the JVM alive after main: end it here
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private int run() throws Exception {
    Instant started = Instant.now();
    log("configuration: " + config);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true)
        .setServerConfig("max_connections", "300")
        // where the database's time goes, planning included (reported per phase)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track_planning", "on").start()) {
      TestIdentityProvider identity = TestIdentityProvider.get();
      // as command-line arguments: they win over application.yaml (default properties would not)
      context = new SpringApplicationBuilder(AnjiaApplication.class).run(
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=",
          // the raw engine's 200 reader threads share the pool of 10 with no Tomcat thread limit in
          // front; the service's 3-s wait (a database outage's quick 503) turned their queueing into failures
          "--spring.datasource.hikari.connection-timeout=30000",
          "--server.port=0",
          "--server.address=127.0.0.1",
          "--anjia.identity.issuer=" + identity.issuer(),
          "--spring.main.banner-mode=off");
      try {
        tasks = context.getBean(ProcessEngine.class).getTaskService();
        jdbc = context.getBean(JdbcClient.class);
        jdbcTemplate = context.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        baseUrl = "http://127.0.0.1:" + port;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        return measure(started);
      } finally {
        context.close();
      }
    }
  }

  private int measure(Instant started) throws Exception {
    heading("Worklist benchmark, " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        started.atZone(ZoneId.systemDefault()).withNano(0)));
    line("");
    line("Percentiles are nearest-rank over every operation, failed ones included with their time to the error.");
    line("Commit: " + System.getProperty("bench.commit", "?") + ".");
    line("");
    line("Settings: " + config.applications() + " applications, " + config.readers() + " concurrent readers, "
        + config.rounds() + " rounds of " + config.readsPerRound() + " reads per kind, " + config.completers()
        + " concurrent completers, " + config.rounds() + " rounds of " + config.completionsPerRound()
        + " completions per kind, page size " + config.pageSize() + ".");
    DataSource dataSource = context.getBean(DataSource.class);
    String pool = dataSource instanceof HikariDataSource hikari
        ? "Hikari, maximumPoolSize " + hikari.getMaximumPoolSize() : dataSource.getClass().getName();
    line("Machine: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
        + Runtime.version() + ", " + jdbc.sql("select version()").query(String.class).single()
        + "; service connection pool: " + pool + ".");
    line("");

    // --- seeding
    Instant seedStart = Instant.now();
    int seeded = seed();
    Duration seedTime = Duration.between(seedStart, Instant.now());
    jdbcTemplate.execute("analyze");
    long open = jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
    heading2("Data");
    line("Seeded %d foster applications in %.0f s (%.0f process starts/s with the inserts, %d threads); "
        .formatted(seeded, seconds(seedTime), seeded / seconds(seedTime), config.seedThreads())
        + "then `ANALYZE`. Open tasks: " + open + ".");
    line("");
    line("| institution | candidate group | open tasks |");
    line("| --- | --- | ---: |");
    jdbc.sql("""
            select a.institution_code, il.group_id_, count(*)
            from act_ru_task t join act_ru_identitylink il on il.task_id_ = t.id_ and il.type_ = 'candidate'
            join act_ru_execution pi on pi.id_ = t.proc_inst_id_
            join application a on a.id = cast(pi.business_key_ as uuid)
            group by 1, 2 order by 1, 2""")
        .query((rs, row) -> "| %s | %s | %d |".formatted(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list().forEach(this::line);
    line("");
    if (open < seeded) {
      log("fewer open tasks than applications: " + open + " < " + seeded);
    }
    Instant childStart = Instant.now();
    List<UUID> nanchangChildren = seedChildren(config.children());
    jdbcTemplate.execute("analyze");
    line("Seeded %d children's files (an institution placement and one document's metadata each, half per "
        .formatted(config.children()) + "institution) in %.0f s.".formatted(seconds(Duration.between(childStart, Instant.now()))));
    Instant placementStart = Instant.now();
    seedAdoptionPlacements(config.adoptionPlacements());
    jdbcTemplate.execute("analyze");
    line(("Started %d children's adoption placements (送养: child-adoption-placement.bpmn, each waiting at "
        + "PrepareMaterials for its institution's caseworkers) in %.0f s. Open tasks now: %d.").formatted(
        config.adoptionPlacements(), seconds(Duration.between(placementStart, Instant.now())),
        jdbc.sql("select count(*) from act_ru_task").query(Long.class).single()));
    line("");

    // --- reads
    User caseworker = TestIdentityProvider.CASEWORKER_NANCHANG;
    String worklistPath = "/api/worklist?candidateGroup=caseworker&size=" + config.pageSize();
    Op rawRead = (worker, i) -> {
      List<Task> page = tasks.createTaskQuery().taskCandidateGroup("caseworker").orderByDueDate().asc()
          .listPage(0, config.pageSize());
      if (page.size() != config.pageSize()) {
        throw new IllegalStateException("raw page of " + page.size());
      }
    };
    Tokens tokens = new Tokens();
    Op productRead = (worker, i) -> {
      HttpResponse<String> response = get(tokens.of(caseworker), worklistPath);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("worklist answered " + response.statusCode() + " " + response.body());
      }
      if (i < 3) {
        JsonNode body = JSON.readTree(response.body());
        if (body.path("content").size() != config.pageSize()) {
          throw new IllegalStateException("worklist page of " + body.path("content").size());
        }
      }
    };
    int warmup = Math.max(200, config.readsPerRound() / 4);
    log("warm-up reads");
    concurrently("warm-up raw", config.readers(), warmup, rawRead);
    concurrently("warm-up product", config.readers(), warmup, productRead);
    jdbcTemplate.execute("create extension if not exists pg_stat_statements");
    jdbcTemplate.execute("select pg_stat_statements_reset()");
    Result rawReads = new Result("raw task query");
    Result productReads = new Result("GET /api/worklist");
    for (int round = 1; round <= config.rounds(); round++) {
      log("reads, round " + round);
      rawReads.add(concurrently("raw reads " + round, config.readers(), config.readsPerRound(), rawRead));
      productReads.add(concurrently("product reads " + round, config.readers(), config.readsPerRound(), productRead));
    }

    // child-file reads: the caseworker opens one of her institution's children (each read is audited)
    Op childRead = (worker, i) -> {
      UUID child = nanchangChildren.get(ThreadLocalRandom.current().nextInt(nanchangChildren.size()));
      HttpResponse<String> response = get(tokens.of(caseworker), "/api/children/" + child);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("child file answered " + response.statusCode() + " " + response.body());
      }
    };
    concurrently("warm-up child files", config.readers(), warmup, childRead);
    Result childReads = new Result("GET /api/children/{id}");
    for (int round = 1; round <= config.rounds(); round++) {
      log("child-file reads, round " + round);
      childReads.add(concurrently("child-file reads " + round, config.readers(), config.readsPerRound(), childRead));
    }

    List<String> readStatements = topStatements();
    double pgbenchTps = pgbenchSelectOnly();

    // --- completions
    // per kind: a warm-up batch (untimed: the first completions pay for class loading and JIT) and
    // one batch per round
    int warmupCompletions = Math.max(20, config.completionsPerRound() / 4);
    int perKind = warmupCompletions + config.rounds() * config.completionsPerRound();
    List<Target> targets = completionTargets(2 * perKind);
    List<Target> rawTargets = targets.subList(0, perKind);
    List<Target> productTargets = targets.subList(perKind, 2 * perKind);
    // each product completer works as its own assessor's caseworker: the cases it completes are assigned
    // to that assessor beforehand, so the assessor's worklist shows exactly its AssessHome tasks
    List<User> assessors = new ArrayList<>();
    for (int w = 0; w < config.completers(); w++) {
      assessors.add(new User("as-bench-" + w, "assessor", null, "360102"));
    }
    List<List<Target>> rawBatches = batches(rawTargets, warmupCompletions);
    List<List<Target>> productBatches = batches(productTargets, warmupCompletions);
    List<Object[]> assignments = new ArrayList<>();
    for (List<Target> batch : productBatches) {
      for (int j = 0; j < batch.size(); j++) {
        assignments.add(new Object[] {batch.get(j).applicationId(), assessors.get(j % config.completers()).username(),
            "bench", Timestamp.from(Instant.now()), "评估员" + (j % config.completers())});
      }
    }
    jdbcTemplate.batchUpdate("insert into case_assignment (application_id, assessor, assigned_by, assigned_at, "
        + "assessor_name) values (?, ?, ?, ?, ?)", assignments);

    // 材料审核 passes only with a file for each document of art. 12(1): the product's cases get theirs first
    FosterDocuments documents = new FosterDocuments(jdbcTemplate);
    documents.file(productTargets.stream().map(Target::applicationId).toList());
    Map<String, Object> rawVariables = Map.of("documentsDecision", "complete");
    String completeBody = JSON.writeValueAsString(Map.of("variables", rawVariables));
    AtomicInteger notListed = new AtomicInteger();
    Function<List<Target>, Op> rawCompletion = batch -> (worker, i) -> {
      Target target = batch.get(i);
      tasks.complete(target.taskId(), rawVariables);
      Task next = tasks.createTaskQuery().processInstanceId(target.processInstanceId())
          .taskDefinitionKey("AssessHome").singleResult();
      if (next == null) {
        throw new IllegalStateException("no AssessHome after " + target.number());
      }
    };
    // the caseworker claims first (the product requires it, the engine does not): timed apart
    Function<List<Target>, Op> productClaim = batch -> (worker, i) ->
        expect(post(tokens.of(caseworker), "/api/tasks/" + batch.get(i).taskId() + "/claim", "{}"), 204, "claim");
    Function<List<Target>, Op> productCompletion = batch -> (worker, i) -> {
      Target target = batch.get(i);
      User assessor = assessors.get(i % config.completers());
      expect(post(tokens.of(caseworker), "/api/tasks/" + target.taskId() + "/complete", completeBody), 204, "complete");
      HttpResponse<String> list = get(tokens.of(assessor),
          "/api/worklist?candidateGroup=assessor&sort=dueDate,desc&size=" + config.pageSize());
      expect(list, 200, "assessor's worklist");
      boolean listed = false;
      for (JsonNode task : JSON.readTree(list.body()).path("content")) {
        if (task.path("elementId").asText().equals("AssessHome")
            && task.path("application").path("number").asText().equals(target.number())) {
          listed = true;
          break;
        }
      }
      if (!listed) {
        notListed.incrementAndGet();
        throw new IllegalStateException("AssessHome of " + target.number() + " not on the first page of "
            + assessor.username());
      }
    };
    log("warm-up completions");
    concurrently("warm-up raw completions", config.completers(), warmupCompletions, rawCompletion.apply(rawBatches.get(0)));
    concurrently("warm-up claims", config.completers(), warmupCompletions, productClaim.apply(productBatches.get(0)));
    concurrently("warm-up product completions", config.completers(), warmupCompletions,
        productCompletion.apply(productBatches.get(0)));
    // the warm-up made the first AssessHome tasks; the statistics of the seeding knew none, and with
    // them the planner takes the assessor group for empty. Autovacuum would analyze after enough
    // changes; the bench gets there in seconds, so it analyzes here.
    jdbcTemplate.execute("analyze");
    jdbcTemplate.execute("select pg_stat_statements_reset()");
    Result rawCompletions = new Result("raw: complete + next task");
    Result productClaims = new Result("API: claim (before the completion, not in the ratio)");
    Result productCompletions = new Result("API: complete + listed");
    for (int round = 1; round <= config.rounds(); round++) {
      List<Target> rawBatch = rawBatches.get(round);
      List<Target> productBatch = productBatches.get(round);
      log("completions, round " + round);
      rawCompletions.add(concurrently("raw completions " + round, config.completers(), rawBatch.size(),
          rawCompletion.apply(rawBatch)));
      productClaims.add(concurrently("claims " + round, config.completers(), productBatch.size(),
          productClaim.apply(productBatch)));
      productCompletions.add(concurrently("product completions " + round, config.completers(), productBatch.size(),
          productCompletion.apply(productBatch)));
    }

    List<String> completionStatements = topStatements();

    // --- the mixed load (wrk, every kind of request at once), then the soak if one was asked for
    MixedWorkload workload = new MixedWorkload(jdbc, tasks, documents, config.mixedUsers(), config.writeThinkMillis(),
        config.pageSize());
    MixedLoad load = new MixedLoad(baseUrl, config.mixedScript(),
        Path.of(System.getProperty("bench.work", "registry-service/target/bench")).resolve("wrk"), this::awaitIdle);
    // each read alone under wrk, as pgbench -S's own client runs: children's files, and the floor
    List<MixedLoad.Outcome> ceilings = List.of();
    if (config.ceilingSeconds() > 0) {
      log("read ceilings: " + config.readers() + " connections of wrk for " + config.ceilingSeconds() + " s each");
      List<MixedLoad.Outcome> each = new ArrayList<>();
      for (MixedLoad.Kind kind : new MixedWorkload(jdbc, tasks, documents, config.readers(), 0, config.pageSize())
          .ceilings()) {
        each.addAll(load.run("ceiling", List.of(kind), config.ceilingSeconds()));
      }
      ceilings = each;
    }
    List<MixedLoad.Outcome> mixed = List.of();
    List<String> mixedStatements = List.of();
    if (config.mixedSeconds() > 0) {
      jdbcTemplate.execute("analyze");
      log("mixed load: " + config.mixedUsers() + " connections for " + config.mixedSeconds() + " s");
      jdbcTemplate.execute("select pg_stat_statements_reset()");
      mixed = load.run("mixed", workload.kinds(config.mixedSeconds()), config.mixedSeconds());
      mixedStatements = topStatements();
    }
    List<Soak.Window> soak = List.of();
    if (config.soakMinutes() > 0) {
      log("soak: " + config.soakMinutes() + " minutes");
      soak = Soak.run(load, workload, config.soakMinutes());
    }

    // --- results
    heading2("Reads: first page of the caseworker group's open tasks, " + config.readers() + " concurrent readers");
    line("");
    line(Result.tableHeader());
    line(rawReads.row());
    line(productReads.row());
    line(childReads.row());
    line("");
    line("`pgbench -S` on the same PostgreSQL (scale 10, %d clients, 2 threads, %d s, TCP on 127.0.0.1): %.0f transactions/s."
        .formatted(config.readers(), config.pgbenchSeconds(), pgbenchTps));
    line("");
    if (!ceilings.isEmpty()) {
      line(("Each read alone from wrk (a C client outside the JVM, as pgbench's), %d connections, %d s each; the "
          + "public list of institutions (configuration, no credential, no database) is the floor of any request:")
          .formatted(config.readers(), config.ceilingSeconds()));
      line("");
      line(MixedLoad.Outcome.tableHeader("× `pgbench -S`"));
      ceilings.forEach(outcome -> line(outcome.row() + " %.3f× |".formatted(outcome.perSecond() / pgbenchTps)));
      line("");
    }
    line("The database's busiest statements in these rounds (both kinds; pg_stat_statements, planning included):");
    line("");
    readStatements.forEach(this::line);
    line("");
    heading2("Completions: CheckDocuments done, AssessHome created, " + config.completers() + " concurrent completers");
    line("");
    line(Result.tableHeader());
    line(rawCompletions.row());
    line(productCompletions.row());
    line(productClaims.row());
    line("");
    line("The database's busiest statements in these rounds (both kinds):");
    line("");
    completionStatements.forEach(this::line);
    line("");
    if (!mixed.isEmpty()) {
      heading2("Mixed load: %d connections of wrk at once for %d s".formatted(config.mixedUsers(), config.mixedSeconds()));
      line("");
      line("One wrk per kind (2 threads each), all started together; reads without pause, each write connection "
          + "pausing %d ms between its requests. Latency is wrk's, from sending a request to its answer."
          .formatted(config.writeThinkMillis()));
      line("");
      line(MixedLoad.Outcome.tableHeader());
      mixed.forEach(outcome -> line(outcome.row()));
      line("");
      line("The database's busiest statements under the mixed load:");
      line("");
      mixedStatements.forEach(this::line);
      line("");
    }
    if (!soak.isEmpty()) {
      String stem = config.out().getFileName().toString().replaceFirst("\\.md$", "");
      Path csv = config.out().resolveSibling(stem + "-soak.csv");
      Path svg = config.out().resolveSibling(stem + "-soak.svg");
      Soak.writeCsv(soak, csv);
      Soak.writeSvg(soak, svg);
      heading2("Soak: the mixed load for %d minutes".formatted(soak.size()));
      line("");
      line("Per minute: heap after a full GC, and p99 per kind: `%s` (plot `%s`).".formatted(csv.getFileName(),
          svg.getFileName()));
      line("");
      line("| minute | heap MB | " + String.join(" | ", soak.get(0).outcomes().stream()
          .map(o -> o.kind().name() + " p99 ms").toList()) + " | failed |");
      line("| ---: | ---: |" + " ---: |".repeat(soak.get(0).outcomes().size()) + " ---: |");
      for (Soak.Window window : soak) {
        line("| %d | %.0f | %s | %d |".formatted(window.minute(), window.heapMb(), String.join(" | ",
            window.outcomes().stream().map(o -> "%.0f".formatted(o.p99())).toList()),
            window.outcomes().stream().mapToLong(MixedLoad.Outcome::failures).sum()));
      }
      line("");
    }
    if (notListed.get() > 0) {
      line("Product completions whose next task was not listed: " + notListed.get() + ".");
      line("");
    }
    double readRatio = productReads.percentile(0.99) / rawReads.percentile(0.99);
    double completionRatio = productCompletions.perSecond() / rawCompletions.perSecond();
    boolean readGoal = readRatio <= 1.5;
    boolean completionGoal = completionRatio >= 0.5;
    double childRatio = childReads.perSecond() / pgbenchTps;
    heading2("Ratios (the result)");
    line("");
    line("| ratio | measured | goal | met |");
    line("| --- | ---: | ---: | --- |");
    line("| worklist p99 / raw task query p99 | %.2f× | ≤ 1.5× | %s |".formatted(readRatio, readGoal ? "yes" : "no"));
    line("| worklist p50 / raw task query p50 | %.2f× | – | – |".formatted(
        productReads.percentile(0.5) / rawReads.percentile(0.5)));
    line("| product completions/s / raw completions/s | %.2f× | ≥ 0.5× | %s |".formatted(completionRatio,
        completionGoal ? "yes" : "no"));
    line("| child-file reads/s / `pgbench -S` transactions/s | %.2f× | ≥ 0.4× | %s |".formatted(childRatio,
        childRatio >= 0.4 ? "yes" : "no"));
    if (!ceilings.isEmpty()) {
      double alone = ceilings.get(0).perSecond() / pgbenchTps;
      line("| child-file reads/s from wrk, alone / `pgbench -S` transactions/s | %.3f× | ≥ 0.4× | %s |".formatted(alone,
          alone >= 0.4 ? "yes" : "no"));
      line("| floor: public list of institutions/s from wrk / `pgbench -S` transactions/s | %.3f× | – | – |".formatted(
          ceilings.get(1).perSecond() / pgbenchTps));
    }
    if (!mixed.isEmpty()) {
      MixedLoad.Outcome mixedWorklist = mixed.get(0);
      double mixedReadRatio = mixedWorklist.p99() / (rawReads.percentile(0.99));
      long mixedFailures = mixed.stream().mapToLong(MixedLoad.Outcome::failures).sum();
      line("| mixed load: worklist p99 / raw task query p99 | %.2f× | ≤ 1.5× | %s |".formatted(mixedReadRatio,
          mixedReadRatio <= 1.5 ? "yes" : "no"));
      line("| mixed load: failed requests | %d of %d | 0 | %s |".formatted(mixedFailures,
          mixed.stream().mapToLong(MixedLoad.Outcome::requests).sum(), mixedFailures == 0 ? "yes" : "no"));
    }
    line("");

    heading2("Query plans (EXPLAIN ANALYZE after the run, one execution each, caseworker of nanchang-cwi)");
    explain();
    line("");
    line("Total time: %.0f s.".formatted(seconds(Duration.between(started, Instant.now()))));

    Files.createDirectories(config.out().toAbsolutePath().getParent());
    Files.writeString(config.out(), report.toString(), StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(report);
    log("written to " + config.out());
    boolean failures = rawReads.failures() + productReads.failures() + childReads.failures() + rawCompletions.failures()
        + productCompletions.failures() + productClaims.failures() > 0
        || mixed.stream().anyMatch(outcome -> outcome.failures() > 0)
        || soak.stream().anyMatch(window -> window.outcomes().stream().anyMatch(outcome -> outcome.failures() > 0));
    return failures ? 3 : 0;
  }

  // ------------------------------------------------------------------------------------------------
  // seeding

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
      "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
  private static final String[] WOMEN = {"秀英", "桂英", "秀兰", "玉兰", "丽娟", "海燕", "春梅", "红梅", "淑珍", "美玲"};
  private static final String[] MEN = {"建国", "建华", "国强", "志强", "伟", "军", "勇", "俊杰", "海涛", "明"};

  private int seed() throws InterruptedException {
    TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    AtomicInteger nextIndex = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Instant deadline = Instant.now().plus(config.seedLimit());
    Instant start = Instant.now();
    AtomicLong lastLog = new AtomicLong(System.nanoTime());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < config.seedThreads(); t++) {
      Thread thread = new Thread(() -> {
        while (failure.get() == null && Instant.now().isBefore(deadline)) {
          int from = nextIndex.getAndAdd(config.seedBatch());
          if (from >= config.applications()) {
            return;
          }
          int count = Math.min(config.seedBatch(), config.applications() - from);
          try {
            transaction.executeWithoutResult(status -> {
              for (UUID applicationId : insertApplications(from, count)) {
                BenchFosterStarts.start(context, applicationId);
              }
            });
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
            return;
          }
          int total = done.addAndGet(count);
          long now = System.nanoTime();
          long last = lastLog.get();
          if (now - last > 15_000_000_000L && lastLog.compareAndSet(last, now)) {
            double s = seconds(Duration.between(start, Instant.now()));
            log("seeded %d of %d (%.0f/s)".formatted(total, config.applications(), total / s));
          }
        }
      }, "seed-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("seeding failed", failure.get());
    }
    if (done.get() < config.applications()) {
      throw new IllegalStateException("seeding took longer than " + config.seedLimit() + ": " + done.get()
          + " of " + config.applications());
    }
    return done.get();
  }

  /** Families with two adults who meet every rule of arts. 8-9, and their submitted applications. */
  /**
   * Children's files written with SQL (through the API, 100,000 audited admissions would take longer
   * than the rest of the run): the child, its institution placement since admission and one document
   * (a few bytes of content). Even ones to nanchang-cwi, odd ones to jiujiang-cwi. Returns the
   * nanchang children, whom the nanchang caseworker may read.
   */
  private List<UUID> seedChildren(int count) {
    AdmissionReason[] reasons = AdmissionReason.values();
    List<UUID> nanchang = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int from = 0; from < count; from += 1000) {
      List<Object[]> children = new ArrayList<>();
      List<Object[]> placements = new ArrayList<>();
      List<Object[]> documents = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 1000); i++) {
        UUID id = UUID.randomUUID();
        boolean even = i % 2 == 0;
        boolean male = i % 3 == 0;
        LocalDate birth = LocalDate.of(2010, 1, 1).plusDays(i % 5000);
        LocalDate admitted = birth.plusDays(30 + i % 900);
        String name = SURNAMES[i % SURNAMES.length] + (male ? MEN : WOMEN)[i % 10];
        children.add(new Object[] {id, "BENCH-" + admitted.getYear() + "-" + i, even ? "nanchang-cwi" : "jiujiang-cwi", even ? "360102" : "360402", name,
            male ? "MALE" : "FEMALE", java.sql.Date.valueOf(birth), i % 7 == 0,
            i % 4 == 0 ? "INSTITUTION_ENTRUSTED" : "INSTITUTION_RAISED", reasons[i % reasons.length].name(),
            java.sql.Date.valueOf(admitted), "入院登记 " + i, even ? "南昌市社会福利院" : "九江市社会福利院", now});
        placements.add(new Object[] {UUID.randomUUID(), id, java.sql.Date.valueOf(admitted)});
        documents.add(new Object[] {UUID.randomUUID(), id, "admission-" + i + ".pdf",
            ("%PDF-1.4 bench " + i).getBytes(StandardCharsets.UTF_8), now});
        if (even) {
          nanchang.add(id);
        }
      }
      jdbcTemplate.batchUpdate("""
          insert into child (id, file_number, institution_code, jurisdiction_code, name, sex, birth_date, birth_date_estimated,
            category, admission_reason, admission_date, admission_record, guardian, current_placement, created_at, version)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'INSTITUTION', ?, 0)""", children);
      jdbcTemplate.batchUpdate("insert into child_placement (id, child_id, kind, started_on) values (?, ?, 'INSTITUTION', ?)",
          placements);
      jdbcTemplate.batchUpdate("""
          insert into child_document (id, child_id, type, file_name, content_type, size_bytes, sha256, content,
            uploaded_by, uploaded_at)
          values (?, ?, 'ADMISSION_RECORD', ?, 'application/pdf', 20, repeat('0', 64), ?, 'bench', ?)""", documents);
    }
    return nanchang;
  }

  /**
   * Waits (a minute at most) until no request holds or awaits a pooled connection: when wrk stops, the
   * service still works off the requests it had accepted, and the next phase must not measure them.
   */
  private void awaitIdle() throws InterruptedException, java.sql.SQLException {
    HikariPoolMXBean pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while ((pool.getActiveConnections() > 0 || pool.getThreadsAwaitingConnection() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  /**
   * 送养 for that many random children of the seeded files: marked PLACEMENT_REQUESTED and the
   * placement process started by the service's own listener (the event a director's request
   * publishes), 200 per transaction. Puts a second journey's tasks on the same worklists.
   */
  private void seedAdoptionPlacements(int count) {
    TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    List<UUID> children = jdbc.sql("select id from child order by random() limit :count").param("count", count)
        .query(UUID.class).list();
    for (int from = 0; from < children.size(); from += 200) {
      List<UUID> batch = children.subList(from, Math.min(children.size(), from + 200));
      transaction.executeWithoutResult(status -> {
        jdbc.sql("update child set adoption_status = 'PLACEMENT_REQUESTED' where id in (:ids)").param("ids", batch)
            .update();
        batch.forEach(child -> context.publishEvent(new ChildAdoptionEvents.PlacementRequested(child)));
      });
    }
  }

  /** The database's own select-only limit: pgbench's accounts table on the same server, same client count. */
  private double pgbenchSelectOnly() throws IOException, InterruptedException {
    String port = String.valueOf(jdbc.sql("select inet_server_port()").query(Integer.class).single());
    List<String> connection = List.of("-h", "127.0.0.1", "-p", port, "-U", "postgres", "postgres");
    List<String> init = new ArrayList<>(List.of("pgbench", "-i", "-q", "-s", "10"));
    init.addAll(connection);
    pgbench(init);
    List<String> select = new ArrayList<>(List.of("pgbench", "-S", "-n", "-c", String.valueOf(config.readers()),
        "-j", "2", "-T", String.valueOf(config.pgbenchSeconds())));
    select.addAll(connection);
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(pgbench(select));
    if (!tps.find()) {
      throw new IllegalStateException("pgbench gave no tps");
    }
    return Double.parseDouble(tps.group(1));
  }

  private static String pgbench(List<String> command) throws IOException, InterruptedException {
    log(String.join(" ", command));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("pgbench failed: " + output);
    }
    return output;
  }

  private List<UUID> insertApplications(int from, int count) {
    Instant now = Instant.now();
    Timestamp at = Timestamp.from(now);
    LocalDate today = LocalDate.now(CHINA);
    int year = Year.now(CHINA).getValue();
    List<Long> numbers = jdbcTemplate.queryForList(
        "select nextval('application_number_seq') from generate_series(1, ?)", Long.class, count);
    List<Object[]> families = new ArrayList<>(count);
    List<Object[]> members = new ArrayList<>(2 * count);
    List<Object[]> applications = new ArrayList<>(count);
    List<Object[]> statusChanges = new ArrayList<>(count);
    List<Object[]> accounts = new ArrayList<>(count);
    List<UUID> ids = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int i = from + k;
      boolean nanchang = i % 2 == 0;
      String area = nanchang ? "360102" : "360402";
      String surname = SURNAMES[i % SURNAMES.length];
      String spouseSurname = SURNAMES[(i / 7 + 3) % SURNAMES.length];
      String caregiver = surname + WOMEN[(i / 3) % WOMEN.length];
      String spouse = spouseSurname + MEN[(i / 11) % MEN.length];
      UUID familyId = UUID.randomUUID();
      families.add(new Object[] {familyId, caregiver + "家庭",
          (nanchang ? "江西省南昌市东湖区" : "江西省九江市濂溪区") + "幸福路" + (i % 400 + 1) + "号",
          nanchang ? "江西省南昌市东湖区" : "江西省九江市濂溪区", 70 + i % 60, 8_000 + (i % 50) * 100,
          "1390791" + "%04d".formatted(i % 10_000), at});
      LocalDate caregiverBirth = today.minusYears(35 + i % 20).minusDays(30 + i % 300);
      LocalDate spouseBirth = caregiverBirth.minusYears(1 + i % 4).minusDays(i % 200);
      members.add(new Object[] {UUID.randomUUID(), familyId, 0, caregiver,
          residentId(area, caregiverBirth, false, i), java.sql.Date.valueOf(caregiverBirth), "FEMALE",
          "PRIMARY_CAREGIVER", i % 3 == 0 ? "SENIOR_HIGH" : "JUNIOR_MIDDLE"});
      members.add(new Object[] {UUID.randomUUID(), familyId, 1, spouse,
          residentId(area, spouseBirth, true, i + 1), java.sql.Date.valueOf(spouseBirth), "MALE", "SPOUSE",
          i % 4 == 0 ? "BACHELOR" : "SENIOR_HIGH"});
      UUID applicationId = UUID.randomUUID();
      ids.add(applicationId);
      applications.add(new Object[] {applicationId, "FQ-%d-%06d".formatted(year, numbers.get(k)), familyId,
          "我们家庭和睦，希望为孩子提供温暖的家。", at, nanchang ? "nanchang-cwi" : "jiujiang-cwi", area});
      statusChanges.add(new Object[] {applicationId, at, "family-" + i + "@example.com"});
      accounts.add(new Object[] {familyId, UUID.nameUUIDFromBytes(("family-" + i).getBytes(StandardCharsets.UTF_8))
          .toString(), "family-" + i + "@example.com", at});
    }
    jdbcTemplate.batchUpdate("""
        insert into family (id, display_name, address, hukou_locality, local_hukou, fixed_home, living_space_m2,
                            monthly_income_yuan, phone, infectious_or_mental_illness, criminal_record, created_at, version)
        values (?, ?, ?, ?, true, true, ?, ?, ?, false, false, ?, 0)""", families);
    jdbcTemplate.batchUpdate("""
        insert into household_member (id, family_id, position, name, resident_id, birth_date, sex, role, education)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", members);
    jdbcTemplate.batchUpdate("""
        insert into application (id, number, type, status, family_id, motivation, submitted_at, version,
                                 institution_code, jurisdiction_code, sealed)
        values (?, ?, 'FOSTER_FAMILY_QUALIFICATION', 'SUBMITTED', ?, ?, ?, 0, ?, ?, false)""", applications);
    jdbcTemplate.batchUpdate("""
        insert into application_status_change (application_id, status, changed_at, actor)
        values (?, 'SUBMITTED', ?, ?)""", statusChanges);
    jdbcTemplate.batchUpdate("insert into family_account (family_id, subject, username, linked_at) values (?, ?, ?, ?)",
        accounts);
    return ids;
  }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /** A valid GB 11643 number: area, birth date, sequence with the sex digit, check character. */
  static String residentId(String area, LocalDate birth, boolean male, int seed) {
    int sequence = (Math.floorMod(seed * 37, 499)) * 2 + (male ? 1 : 0);
    String first = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first.charAt(i) - '0') * WEIGHTS[i];
    }
    return first + CHECK.charAt(sum % 11);
  }

  // ------------------------------------------------------------------------------------------------
  // completions

  record Target(String taskId, String processInstanceId, String number, UUID applicationId) {}

  /** Files a scan of each document art. 12(1) asks for (a few bytes each), as 材料审核 requires. */
  record FosterDocuments(JdbcTemplate jdbcTemplate) {
    void file(List<UUID> applicationIds) {
      List<Object[]> files = new ArrayList<>();
      for (UUID applicationId : applicationIds) {
        for (String type : FOSTER_DOCUMENTS) {
          files.add(new Object[] {UUID.randomUUID(), applicationId, type, Timestamp.from(Instant.now())});
        }
      }
      jdbcTemplate.batchUpdate("insert into document (id, application_id, type, file_name, content_type, size_bytes, "
          + "sha256, content, uploaded_by, uploaded_at) values (?, ?, ?, 'scan.pdf', 'application/pdf', 4, "
          + "'0000000000000000000000000000000000000000000000000000000000000000', '\\x25504446', 'bench', ?)", files);
    }
  }

  /** Open CheckDocuments tasks of nanchang-cwi's applications (the assessor's jurisdiction), in random order. */
  private List<Target> completionTargets(int count) {
    List<Target> targets = jdbc.sql("""
            select t.id_, t.proc_inst_id_, a.number, a.id
            from act_ru_task t
            join act_ru_execution pi on pi.id_ = t.proc_inst_id_
            join application a on a.id = cast(pi.business_key_ as uuid)
            where t.task_def_key_ = 'CheckDocuments' and t.assignee_ is null and a.institution_code = 'nanchang-cwi'
            order by random() limit :count""")
        .param("count", count)
        .query((rs, row) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)))
        .list();
    if (targets.size() < count) {
      throw new IllegalStateException("only " + targets.size() + " CheckDocuments tasks to complete, need " + count);
    }
    return targets;
  }

  /** The targets cut into the warm-up batch and one batch per round. */
  private List<List<Target>> batches(List<Target> targets, int warmup) {
    List<List<Target>> batches = new ArrayList<>(List.of(targets.subList(0, warmup)));
    for (int round = 0; round < config.rounds(); round++) {
      int base = warmup + round * config.completionsPerRound();
      batches.add(targets.subList(base, base + config.completionsPerRound()));
    }
    return batches;
  }

  // ------------------------------------------------------------------------------------------------
  // query plans

  private void explain() {
    String rawSql = """
        select distinct res.* from act_ru_task res
        inner join act_ru_identitylink i on i.task_id_ = res.id_
        where res.assignee_ is null and i.type_ = 'candidate' and i.group_id_ in ('caseworker')
        order by res.due_date_ asc limit %d offset 0""".formatted(config.pageSize());
    // the hand-written SQL stands for the engine's query only if it finds the same page
    List<String> engineIds = tasks.createTaskQuery().taskCandidateGroup("caseworker").orderByDueDate().asc()
        .listPage(0, config.pageSize()).stream().map(Task::getId).toList();
    List<String> sqlIds = jdbc.sql("select id_ from (" + rawSql + ") page order by due_date_").query(String.class).list();
    line("");
    line("Raw task query, as SQL of the same shape as the engine's (TaskQuery taskCandidateGroup, orderByDueDate, "
        + "listPage; same page as the engine's: " + (engineIds.equals(sqlIds) ? "yes" : "NO") + "):");
    codeBlock(rawSql, plan(rawSql, Map.of()));
    String username = TestIdentityProvider.CASEWORKER_NANCHANG.username();
    String subject = TestIdentityProvider.CASEWORKER_NANCHANG.subject();
    Map<String, Object> params = BenchWorklistSql.institutionStaffParams("caseworker", "nanchang-cwi",
        username, subject);
    line("Worklist page query (Worklist.openTasks):");
    codeBlock(null, plan(BenchWorklistSql.pageSql("caseworker", "nanchang-cwi", username, subject,
        config.pageSize()), params));
    line("Worklist page query of an assessor, latest due first (the product completions' check):");
    codeBlock(null, plan(BenchWorklistSql.assessorPageSql("360102", "as-bench-0", config.pageSize()),
        BenchWorklistSql.assessorParams("360102", "as-bench-0")));
  }

  /** The ten statements with the most database time (planning + execution) since the last reset, as table rows. */
  private List<String> topStatements() {
    List<String> rows = new ArrayList<>(List.of(
        "| statement | calls | plans | mean plan ms | mean exec ms | total ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |"));
    rows.addAll(jdbc.sql("""
            select query, calls, plans, mean_plan_time, mean_exec_time, total_plan_time + total_exec_time as total
            from pg_stat_statements order by total desc limit 10""")
        .query((rs, row) -> "| `%s` | %d | %d | %.2f | %.2f | %.0f |".formatted(
            shorten(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)))
        .list());
    return rows;
  }

  private static String shorten(String sql) {
    String flat = sql.replaceAll("\\s+", " ").replace("|", "/").replace("`", "'").strip();
    return flat.length() <= 110 ? flat : flat.substring(0, 110) + "…";
  }

  private List<String> plan(String sql, Map<String, Object> params) {
    return jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list();
  }

  private void codeBlock(String sql, List<String> plan) {
    line("");
    line("```");
    if (sql != null) {
      line(sql.strip());
      line("");
    }
    plan.forEach(this::line);
    line("```");
    line("");
  }

  // ------------------------------------------------------------------------------------------------
  // load and measurement

  @FunctionalInterface
  interface Op {
    void run(int worker, int index) throws Exception;
  }

  /** One phase's outcome: latencies of the successful operations, failures, wall time. */
  record Phase(long[] nanos, int failures, Duration wall, boolean timedOut) {}

  /**
   * Runs {@code total} operations on {@code threads} threads, each taking the next index until all are
   * taken or the phase's time is up; returns when all threads have ended.
   */
  private Phase concurrently(String name, int threads, int total, Op op) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long[] nanos = new long[total];
    Arrays.fill(nanos, -1);
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + config.phaseLimit().toNanos();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      Thread thread = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        while (System.nanoTime() < deadline) {
          int i = next.getAndIncrement();
          if (i >= total) {
            return;
          }
          long t0 = System.nanoTime();
          try {
            op.run(worker, i);
            nanos[i] = System.nanoTime() - t0;
          } catch (Exception e) {
            // a failed operation counts in the percentiles with its time to the error (a 500 after the
            // pool's 30 s connection timeout is a slow answer, not a missing one)
            nanos[i] = System.nanoTime() - t0;
            failures.incrementAndGet();
            // one line per kind of error: the first message in full, the count of each kind
            String message = String.valueOf(e.getMessage());
            String kind = message.replaceAll("\\{.*", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").strip();
            if (errors.merge(kind, 1, Integer::sum) == 1) {
              log(name + ": " + message.lines().findFirst().orElse("?"));
            }
          }
        }
      }, name + "-" + w);
      workers.add(thread);
      thread.start();
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    for (Thread thread : workers) {
      thread.join();
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    long[] done = Arrays.stream(nanos).filter(n -> n >= 0).toArray();
    boolean timedOut = next.get() < total;
    errors.forEach((message, times) -> log(name + ": " + times + " × " + message));
    int ok = done.length - failures.get();
    log("%s: %d ok, %d failed%s, %.1f s, %.1f ok/s".formatted(name, ok, failures.get(),
        timedOut ? ", TIMED OUT" : "", seconds(wall), ok / seconds(wall)));
    return new Phase(done, failures.get(), wall, timedOut);
  }

  /** Rounds of one kind, pooled: percentiles over all operations, rate = operations / summed wall time. */
  static final class Result {
    private final String name;
    private final List<Long> nanos = new ArrayList<>();
    private int failures;
    private Duration wall = Duration.ZERO;
    private boolean timedOut;

    Result(String name) {
      this.name = name;
    }

    void add(Phase phase) {
      for (long n : phase.nanos()) {
        nanos.add(n);
      }
      failures += phase.failures();
      wall = wall.plus(phase.wall());
      timedOut |= phase.timedOut();
    }

    int failures() {
      return failures + (timedOut ? 1 : 0);
    }

    /** Nearest rank, in milliseconds. */
    double percentile(double p) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p * sorted.size());
      return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** Successful operations per second of the rounds' summed wall time. */
    double perSecond() {
      return (nanos.size() - failures) / seconds(wall);
    }

    static String tableHeader() {
      return "| measurement | operations | failed | p50 ms | p99 ms | max ms | successful per second |\n"
          + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
    }

    String row() {
      return "| %s | %d | %d%s | %.1f | %.1f | %.1f | %.1f |".formatted(name, nanos.size(), failures,
          timedOut ? " (timed out)" : "", percentile(0.5), percentile(0.99), percentile(1.0), perSecond());
    }
  }

  /** Bearer tokens of the test identity provider, renewed before they expire (they live 10 minutes). */
  static final class Tokens {
    private record Entry(String token, Instant renewAt) {}

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    String of(User user) {
      Entry entry = tokens.compute(user.username(), (name, old) -> old != null && Instant.now().isBefore(old.renewAt())
          ? old : new Entry(TestIdentityProvider.get().token(user), Instant.now().plusSeconds(300)));
      return entry.token();
    }
  }

  private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String token, String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(what + " answered " + response.statusCode() + " " + response.body());
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private void heading(String text) {
    line("# " + text);
  }

  private void heading2(String text) {
    line("## " + text);
  }

  private void line(String text) {
    report.append(text).append('\n');
  }

  private static void log(String message) {
    System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
  }
}

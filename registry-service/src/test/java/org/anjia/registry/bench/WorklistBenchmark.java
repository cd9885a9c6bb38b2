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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.anjia.registry.AnjiaApplication;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.worklist.BenchWorklistSql;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worklist benchmark (run by {@code infra/bench/run}, described in infra/bench/REPORT.md). In one
 * JVM and one run: a fresh PostgreSQL, the service in-process on it, the province seeded into it
 * ({@link Province}: institutions, children, families with their open and closed applications over the
 * three journeys, each process started by the service's own start code), then
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

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The documents 材料审核 requires as files (家庭寄养管理办法 art. 12(1)). */
  private static final List<String> FOSTER_DOCUMENTS = List.of("ID_CARD", "HUKOU_BOOK", "INCOME_PROOF",
      "HOUSING_PROOF", "HEALTH_CERTIFICATE", "MEMBERS_CONSENT");

  /** Settings, from -Dbench.* system properties. */
  record Config(int applications, int readers, int readsPerRound, int rounds, int completers,
      int completionsPerRound, int seedThreads, int seedBatch, int pageSize, Duration phaseLimit,
      Duration seedLimit, Path out, int children, int pgbenchSeconds, int mixedUsers, int mixedSeconds,
      int writeThinkMillis, int soakMinutes, Path mixedScript, int adoptionPlacements, int families,
      int closedEvery, int ceilingSeconds) {

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
          integer("bench.families", Math.max(1, integer("bench.n", 100_000) / 5)),
          integer("bench.closedEvery", 3),
          integer("bench.ceilingSeconds", 15));
    }

    Province.Settings province() {
      return new Province.Settings(applications, families, children, adoptionPlacements, seedThreads, seedBatch,
          seedLimit, closedEvery);
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
        // a database server's buffers, not PostgreSQL's out-of-the-box 128 MB: the province's 2 GB fit in
        // memory on any server sized for it, and both sides of every ratio run on this one database
        .setServerConfig("shared_buffers", "1GB")
        // where the database's time goes, planning included (reported per phase)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track_planning", "on").start()) {
      TestIdentityProvider identity = TestIdentityProvider.get();
      // as command-line arguments: they win over application.yaml (default properties would not)
      List<String> arguments = new ArrayList<>(List.of(
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=",
          // the raw engine's 200 reader threads share the pool of 10 with no Tomcat thread limit in
          // front; the service's 3-s wait (a database outage's quick 503) turned their queueing into failures
          "--spring.datasource.hikari.connection-timeout=30000",
          "--server.port=0",
          "--server.address=127.0.0.1",
          "--anjia.identity.issuer=" + identity.issuer(),
          "--spring.main.banner-mode=off"));
      arguments.addAll(Province.serviceArguments());
      context = new SpringApplicationBuilder(AnjiaApplication.class).run(arguments.toArray(String[]::new));
      try {
        tasks = context.getBean(ProcessEngine.class).getTaskService();
        jdbc = context.getBean(JdbcClient.class);
        jdbcTemplate = context.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        baseUrl = "http://127.0.0.1:" + port;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        int status = measure(started);
        // -Dbench.holdMinutes=N keeps the database and the service up after the report, to look at plans with psql
        int hold = Integer.getInteger("bench.holdMinutes", 0);
        if (hold > 0) {
          log("holding for " + hold + " min: psql -h 127.0.0.1 -p " + postgres.getPort() + " -U postgres postgres");
          Thread.sleep(Duration.ofMinutes(hold));
        }
        return status;
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

    // --- seeding: the province (Province.java)
    Province province = new Province(context, config.province());
    Instant childStart = Instant.now();
    List<UUID> nanchangChildren = province.seedChildren();
    Duration childTime = Duration.between(childStart, Instant.now());
    log("seeded " + config.children() + " children's files in " + Math.round(seconds(childTime)) + " s");
    province.openCalls();
    Province.Seeded seeded = province.seedFamilies();
    Instant placementStart = Instant.now();
    province.seedAdoptionPlacements();
    Duration placementTime = Duration.between(placementStart, Instant.now());
    jdbcTemplate.execute("analyze");
    long open = jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
    int starts = seeded.openApplications() + seeded.earlierRejections();
    heading2("Data");
    line("");
    line(("Seeded the province (%d institutions): %d children's files (a placement and one document's metadata "
        + "each) in %.0f s; %d families with %d open applications and %d earlier rejected ones in %.0f s (%.0f "
        + "process starts/s with the inserts, %d threads, batches of about %d applications per transaction); %d "
        + "children's adoption placements (送养, child-adoption-placement.bpmn) in %.0f s; then `ANALYZE`. "
        + "Open tasks: %d.").formatted(Province.INSTITUTIONS.size(), config.children(), seconds(childTime),
        seeded.families(), seeded.openApplications(), seeded.earlierRejections(), seconds(seeded.time()),
        starts / seconds(seeded.time()), config.seedThreads(), config.seedBatch(), config.adoptionPlacements(),
        seconds(placementTime), open));
    line("");
    province.describe().forEach(this::line);
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
    Pgbench pgbench = pgbenchSelectOnly();
    double pgbenchTps = pgbench.tps();

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
    // each read alone under wrk, as pgbench -S's own client runs: children's files, and the two floors
    List<MixedLoad.Outcome> ceilings = List.of();
    List<CpuUse> ceilingCpu = new ArrayList<>();
    if (config.ceilingSeconds() > 0) {
      log("read ceilings: " + config.readers() + " connections of wrk for " + config.ceilingSeconds() + " s each");
      List<MixedLoad.Outcome> each = new ArrayList<>();
      for (MixedLoad.Kind kind : new MixedWorkload(jdbc, tasks, documents, config.readers(), 0, config.pageSize())
          .ceilings()) {
        // unmeasured first: the JIT compiles each path's hot code under this load, on the same two cores
        load.run("warm-up", List.of(kind), Math.max(5, config.ceilingSeconds() / 2));
        CpuUse before = CpuUse.now(postmaster());
        each.addAll(load.run("ceiling", List.of(kind), config.ceilingSeconds()));
        ceilingCpu.add(CpuUse.now(postmaster()).since(before));
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
      soak = Soak.run(load, workload, config.soakMinutes(), jdbc);
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
          + "public list of institutions (configuration, no credential, no database) is the floor of any request, "
          + "`GET /api/me` (a bearer token, no database) the floor of a signed-in one:")
          .formatted(config.readers(), config.ceilingSeconds()));
      line("");
      line(MixedLoad.Outcome.tableHeader("× `pgbench -S`"));
      ceilings.forEach(outcome -> line(outcome.row() + " %.3f× |".formatted(outcome.perSecond() / pgbenchTps)));
      line("");
      line("Whose CPU each of these loads took, per operation (Linux's counters over the run: the machine, the service's "
          + "JVM, PostgreSQL's processes, the client, wrk or pgbench). While the machine is busy throughout, a ratio "
          + "of throughputs is the inverse ratio of the machine's CPU per operation:");
      line("");
      line(CpuUse.tableHeader());
      line(pgbench.cpu().row("`pgbench -S`", pgbench.transactions()));
      for (int i = 0; i < ceilings.size(); i++) {
        line(ceilingCpu.get(i).row(ceilings.get(i).kind().name(), ceilings.get(i).requests()));
      }
      line("");
      double databaseShare = ceilingCpu.get(0).databaseMsPer(ceilings.get(0).requests())
          / pgbench.cpu().machineMsPer(pgbench.transactions());
      line(("PostgreSQL's CPU alone per child-file read is %.2f× the whole machine's per `pgbench -S` transaction: "
          + "with a service that cost nothing, child-file reads would reach at most %.2f× of `pgbench -S` here. "
          + "0.4× needs the whole read, service and database together, at 2.5× a transaction or less.")
          .formatted(databaseShare, 1 / databaseShare));
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
      line(("Per minute: heap after a full GC, p99 per kind, and the database's "
          + "figures for the window (size, share of blocks found in shared buffers, autovacuum and autoanalyze runs, "
          + "database time per request, the worklist page query's mean time and buffers per call, the open tasks "
          + "and the task table's dead rows at the end); p50 per kind too in `%s` (plot `%s`).")
          .formatted(csv.getFileName(), svg.getFileName()));
      line("");
      line("| minute | heap MB | " + String.join(" | ", soak.get(0).outcomes().stream()
          .map(o -> o.kind().name() + " p99 ms").toList())
          + " | failed | database MB | buffer hits | vacuum/analyze runs | db ms per request | worklist query ms"
          + " | worklist buffers per call | open tasks | task dead rows |");
      line("| ---: | ---: |" + " ---: |".repeat(soak.get(0).outcomes().size() + 9));
      for (Soak.Window window : soak) {
        Soak.Database database = window.database();
        line("| %d | %.0f | %s | %d | %.0f | %.2f %% | %d | %.2f | %.2f | %.0f | %d | %d |".formatted(window.minute(),
            window.heapMb(), String.join(" | ", window.outcomes().stream().map(o -> "%.0f".formatted(o.p99())).toList()),
            window.outcomes().stream().mapToLong(MixedLoad.Outcome::failures).sum(), database.sizeMb(),
            database.bufferHitPercent(), database.maintenanceRuns(), database.msPerRequest(),
            database.worklistQueryMs(), database.worklistBlocksPerCall(), database.openTasks(),
            database.taskDeadRows()));
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
      line("| signed-in floor: `GET /api/me`/s from wrk / `pgbench -S` transactions/s | %.3f× | – | – |".formatted(
          ceilings.get(2).perSecond() / pgbenchTps));
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
  // between phases

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

  /** What {@code pgbench -S} did, and the CPU its run took. */
  record Pgbench(double tps, long transactions, CpuUse cpu) {}

  /** The database's own select-only limit: pgbench's accounts table on the same server, same client count. */
  private Pgbench pgbenchSelectOnly() throws IOException, InterruptedException {
    String port = String.valueOf(jdbc.sql("select inet_server_port()").query(Integer.class).single());
    List<String> connection = List.of("-h", "127.0.0.1", "-p", port, "-U", "postgres", "postgres");
    List<String> init = new ArrayList<>(List.of("pgbench", "-i", "-q", "-s", "10"));
    init.addAll(connection);
    pgbench(init);
    List<String> select = new ArrayList<>(List.of("pgbench", "-S", "-n", "-c", String.valueOf(config.readers()),
        "-j", "2", "-T", String.valueOf(config.pgbenchSeconds())));
    select.addAll(connection);
    CpuUse before = CpuUse.now(postmaster());
    String output = pgbench(select);
    CpuUse cpu = CpuUse.now(postmaster()).since(before);
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    Matcher transactions = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(output);
    if (!tps.find() || !transactions.find()) {
      throw new IllegalStateException("pgbench gave no tps: " + output);
    }
    return new Pgbench(Double.parseDouble(tps.group(1)), Long.parseLong(transactions.group(1)), cpu);
  }

  /** PostgreSQL's main process, as its data directory's postmaster.pid names it. */
  private long postmaster() throws IOException {
    String directory = jdbc.sql("select setting from pg_settings where name = 'data_directory'").query(String.class)
        .single();
    return Long.parseLong(Files.readAllLines(Path.of(directory, "postmaster.pid")).get(0).trim());
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

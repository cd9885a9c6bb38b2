package org.anjia.registry.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.RegistryIntegrationTest.Households;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.bench.MixedLoad.Kind;
import org.anjia.registry.bench.MixedLoad.Request;
import org.operaton.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the mixed load's users do, signed in as real roles (bearer tokens of the bench's identity
 * provider, verified by the service as in production): the caseworkers of both institutions read their
 * worklists, open children's files and applications, and complete 材料审核 (CheckDocuments) of cases
 * they claimed; new families submit foster applications with an Idempotency-Key. Each call of
 * {@link #kinds} prepares fresh tokens (they live 10 minutes) and fresh write targets for one run.
 */
final class MixedWorkload {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final User[] CASEWORKERS = {TestIdentityProvider.CASEWORKER_NANCHANG,
      TestIdentityProvider.CASEWORKER_JIUJIANG};
  private static final Map<String, String> CASEWORKER_OF = Map.of("nanchang-cwi", "cw-nanchang",
      "jiujiang-cwi", "cw-jiujiang");
  /** Reads cycle through this many different records per kind. */
  private static final int READ_TARGETS = 2_000;

  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final WorklistBenchmark.FosterDocuments documents;
  private final int users;
  private final int thinkMillis;
  private final int pageSize;

  MixedWorkload(JdbcClient jdbc, TaskService tasks, WorklistBenchmark.FosterDocuments documents, int users,
      int thinkMillis, int pageSize) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.documents = documents;
    this.users = users;
    this.thinkMillis = thinkMillis;
    this.pageSize = pageSize;
  }

  /**
   * The five kinds for a run of {@code seconds}: reads 30 % worklist, 30 % children's files, 20 %
   * applications, with no think time; writes 10 % completions, 10 % submissions, each connection
   * pausing {@code thinkMillis} between its requests (a person fills a form between two).
   */
  List<Kind> kinds(int seconds) throws JsonProcessingException {
    int worklist = users * 3 / 10;
    int children = users * 3 / 10;
    int applications = users * 2 / 10;
    int completions = users / 10;
    int submissions = users - worklist - children - applications - completions;
    Map<String, String> tokens = tokens();
    return List.of(
        new Kind("GET /api/worklist", worklist, 0, false, worklistReads(tokens)),
        childReads(children, tokens),
        new Kind("GET /api/applications/{id}", applications, 0, false, reads(tokens, """
            select id, institution_code from application where institution_code in (:institutions)
            order by random() limit :count""", "/api/applications/")),
        new Kind("POST /api/tasks/{id}/complete", completions, thinkMillis, true,
            completions(tokens, writesFor(completions, seconds))),
        new Kind("POST /api/foster-applications", submissions, thinkMillis, true,
            submissions(writesFor(submissions, seconds))));
  }

  /**
   * The read ceilings, each kind alone on every connection: children's files (the read the issue sets
   * against pgbench -S, whose client is also a C program outside the JVM), and the cheapest answer
   * the service gives, the public list of institutions (from configuration: no credential, no
   * database, no audit), which bounds what any request through its HTTP stack can reach; and between
   * the two the signed-in user's own description (a bearer token, no database), which tells what the
   * credential costs and what the file's reading costs.
   */
  List<Kind> ceilings() {
    Map<String, String> tokens = tokens();
    return List.of(childReads(users, tokens),
        new Kind("GET /api/institutions", users, 0, false,
            List.of(new Request("GET", "/api/institutions", Map.of("Accept-Language", "zh-CN"), null))),
        new Kind("GET /api/me", users, 0, false, tokens.values().stream().map(token -> get("/api/me", token)).toList()));
  }

  private static Map<String, String> tokens() {
    return Map.of(
        "cw-nanchang", bearer(TestIdentityProvider.CASEWORKER_NANCHANG),
        "cw-jiujiang", bearer(TestIdentityProvider.CASEWORKER_JIUJIANG));
  }

  private Kind childReads(int connections, Map<String, String> tokens) {
    return new Kind("GET /api/children/{id}", connections, 0, false, reads(tokens, """
        select id, institution_code from child where institution_code in (:institutions)
        order by random() limit :count""", "/api/children/"));
  }

  /** Enough writes that no connection runs out: its most at the think time alone, plus one each. */
  private int writesFor(int connections, int seconds) {
    return connections * (seconds * 1000 / Math.max(thinkMillis, 50) + 1);
  }

  /** Both caseworkers in turn, two requests each, so that each wrk thread's share holds both. */
  private List<Request> worklistReads(Map<String, String> tokens) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String user = CASEWORKERS[(i / 2) % 2].username();
      requests.add(get("/api/worklist?candidateGroup=caseworker&size=" + pageSize, tokens.get(user)));
    }
    return requests;
  }

  /** Random records of both bench caseworkers' institutions (of the province's six), each read by its own caseworker. */
  private List<Request> reads(Map<String, String> tokens, String sql, String path) {
    return jdbc.sql(sql).param("count", READ_TARGETS).param("institutions", CASEWORKER_OF.keySet())
        .query((rs, row) -> get(path + rs.getObject(1, UUID.class), tokens.get(caseworkerOf(rs.getString(2)))))
        .list();
  }

  /**
   * Open CheckDocuments tasks of both bench caseworkers' institutions, claimed beforehand for their caseworker (the
   * product completes only a claimed task; the claim is preparation, not load) with the documents art.
   * 12(1) asks for on file.
   */
  private List<Request> completions(Map<String, String> tokens, int count) throws JsonProcessingException {
    releaseUnused();
    record Open(String taskId, UUID applicationId, String institution) {}
    List<Open> open = jdbc.sql("""
            select t.id_, a.id, a.institution_code
            from act_ru_task t
            join act_ru_execution pi on pi.id_ = t.proc_inst_id_
            join application a on a.id = cast(pi.business_key_ as uuid)
            where t.task_def_key_ = 'CheckDocuments' and t.assignee_ is null and a.institution_code in (:institutions)
            order by random() limit :count""")
        .param("count", count).param("institutions", CASEWORKER_OF.keySet())
        .query((rs, row) -> new Open(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
        .list();
    documents.file(open.stream().map(Open::applicationId).toList());
    String body = JSON.writeValueAsString(Map.of("variables", Map.of("documentsDecision", "complete")));
    List<Request> requests = new ArrayList<>();
    for (Open task : open) {
      String caseworker = caseworkerOf(task.institution());
      tasks.claim(task.taskId(), caseworker);
      requests.add(post("/api/tasks/" + task.taskId() + "/complete", tokens.get(caseworker), body, Map.of()));
    }
    Collections.shuffle(requests);
    return requests;
  }

  /**
   * Gives back the tasks claimed for an earlier run and not completed in it: each run claims more than its
   * connections can complete (see {@link #writesFor}), and without this a soak ran out of unclaimed tasks after a
   * few minutes (its completions then repeated and counted as failures).
   */
  private void releaseUnused() {
    jdbc.sql("select id_ from act_ru_task where task_def_key_ = 'CheckDocuments' and assignee_ in (:caseworkers)")
        .param("caseworkers", CASEWORKER_OF.values()).query(String.class).list()
        .forEach(taskId -> tasks.setAssignee(taskId, null));
  }

  /** New families, each applying once with its own Idempotency-Key (as the application page does). */
  private List<Request> submissions(int count) throws JsonProcessingException {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      User family = new User("bench-family-" + UUID.randomUUID() + "@example.com", "family", null, null);
      requests.add(post("/api/foster-applications", bearer(family), JSON.writeValueAsString(Households.eligible()),
          Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    }
    return requests;
  }

  private static String caseworkerOf(String institution) {
    String caseworker = CASEWORKER_OF.get(institution);
    if (caseworker == null) {
      throw new IllegalStateException("no bench caseworker for " + institution);
    }
    return caseworker;
  }

  private static String bearer(User user) {
    return "Bearer " + TestIdentityProvider.get().token(user);
  }

  private static Request get(String path, String authorization) {
    return new Request("GET", path, Map.of("Authorization", authorization, "Accept-Language", "zh-CN"), null);
  }

  private static Request post(String path, String authorization, String body, Map<String, String> extra) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Authorization", authorization,
        "Accept-Language", "zh-CN", "Content-Type", "application/json"));
    headers.putAll(extra);
    return new Request("POST", path, headers, body);
  }
}

package org.anjia.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bench's mixed load (issue 12): many users at once, each kind of request (worklist reads,
 * child-file reads, application views, task completions, submissions) on its own share of the
 * connections. The load comes from wrk (Debian's {@code wrk}, a maintained HTTP load generator in
 * C), one wrk process per kind so that each kind gets its own latency histogram; all of them start
 * together and run for the same time against the service on 127.0.0.1. The requests themselves
 * (paths, bearer tokens of real roles, bodies) are written by the bench into data files that
 * {@code infra/bench/mixed.lua} reads.
 */
final class MixedLoad {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as wrk sends it. */
  record Request(String method, String path, Map<String, String> headers, String body) {}

  /**
   * One kind of request: how many connections send it, the think time between one connection's
   * requests, whether it writes (a repeated write is not a new one), and the requests to send in turn.
   */
  record Kind(String name, int connections, int thinkMillis, boolean writes, List<Request> requests) {

    /** The kind without its requests, for an outcome to keep: a soak's windows must not hold every window's bodies. */
    Kind described() {
      return new Kind(name, connections, thinkMillis, writes, List.of());
    }
  }

  /** What wrk measured for one kind; latencies in milliseconds. */
  record Outcome(Kind kind, long requests, long errors, long repeated, double seconds, double p50, double p95,
      double p99, double max) {

    double perSecond() {
      return requests / seconds;
    }

    /** Failed requests: error statuses and socket errors, and repeats of a write. */
    long failures() {
      return errors + (kind.writes() ? repeated : 0);
    }

    double errorRate() {
      return requests == 0 ? 0 : (double) failures() / requests;
    }

    String row() {
      return "| %s | %d | %d | %.0f | %d | %.2f %% | %.1f | %.1f | %.1f | %.1f |".formatted(kind.name(),
          kind.connections(), kind.thinkMillis(), perSecond(), failures(), 100 * errorRate(), p50, p95, p99, max);
    }

    /** The table's head, with further numeric columns (for what a caller appends to each row). */
    static String tableHeader(String... extraColumns) {
      StringBuilder names = new StringBuilder(
          "| kind | connections | think ms | requests/s | failed | error rate | p50 ms | p95 ms | p99 ms | max ms |");
      StringBuilder rule = new StringBuilder("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (String column : extraColumns) {
        names.append(' ').append(column).append(" |");
        rule.append(" ---: |");
      }
      return names + "\n" + rule;
    }
  }

  private final String baseUrl;
  private final Path script;
  private final Path work;
  private final Idle idle;

  /** Waits until the service has worked off what it accepted before wrk stopped. */
  @FunctionalInterface
  interface Idle {
    void await() throws Exception;
  }

  MixedLoad(String baseUrl, Path script, Path work, Idle idle) {
    this.baseUrl = baseUrl;
    this.script = script;
    this.work = work;
    this.idle = idle;
  }

  /**
   * Runs every kind at once for {@code seconds}; returns when every wrk has ended (bounded by its
   * duration) and the service is idle again.
   */
  List<Outcome> run(String label, List<Kind> kinds, int seconds) throws Exception {
    Files.createDirectories(work);
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (Kind kind : kinds) {
      String file = label + "-" + kind.name().replaceAll("[^A-Za-z0-9]+", "-");
      Path data = work.resolve(file + ".data.lua");
      Files.writeString(data, luaData(kind.requests()), StandardCharsets.UTF_8);
      Path output = work.resolve(file + ".out");
      int threads = Math.min(2, kind.connections());
      processes.add(new ProcessBuilder("wrk", "-t" + threads, "-c" + kind.connections(), "-d" + seconds + "s",
          "--timeout", "30s", "-s", script.toString(), baseUrl, "--", data.toString(), String.valueOf(threads),
          String.valueOf(kind.thinkMillis()))
          .redirectErrorStream(true).redirectOutput(output.toFile()).start());
      outputs.add(output);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      Process process = processes.get(i);
      // wrk stops by itself after its duration; the margin covers requests still in flight (--timeout)
      if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("wrk for " + kinds.get(i).name() + " did not end");
      }
      outcomes.add(outcome(kinds.get(i), Files.readString(outputs.get(i))));
    }
    idle.await();
    return outcomes;
  }

  private static Outcome outcome(Kind kind, String output) throws IOException {
    String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk for " + kind.name() + " printed no result:\n" + output));
    JsonNode result = JSON.readTree(line.substring("RESULT ".length()));
    long errors = result.path("status").asLong() + result.path("connect").asLong() + result.path("read").asLong()
        + result.path("write").asLong() + result.path("timeout").asLong();
    return new Outcome(kind.described(), result.path("requests").asLong(), errors, result.path("repeated").asLong(),
        result.path("durationMicros").asLong() / 1e6, result.path("p50").asLong() / 1e3,
        result.path("p95").asLong() / 1e3, result.path("p99").asLong() / 1e3, result.path("max").asLong() / 1e3);
  }

  /** The requests as a Lua list of {method, path, headers, body}. */
  static String luaData(List<Request> requests) {
    StringBuilder lua = new StringBuilder("return {\n");
    for (Request request : requests) {
      lua.append('{').append(lua(request.method())).append(',').append(lua(request.path())).append(",{");
      request.headers().forEach((name, value) -> lua.append('[').append(lua(name)).append("]=")
          .append(lua(value)).append(','));
      lua.append("},").append(request.body() == null ? "nil" : lua(request.body())).append("},\n");
    }
    return lua.append("}\n").toString();
  }

  /** A Lua string literal (Lua strings are bytes: UTF-8 text goes in as it is). */
  static String lua(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
  }
}

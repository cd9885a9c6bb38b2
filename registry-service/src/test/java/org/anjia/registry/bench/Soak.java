package org.anjia.registry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.anjia.registry.bench.MixedLoad.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The soak: the mixed load again and again, one window a minute, for as many minutes as asked. After
 * each window the service's heap is measured after a full collection (the service runs in the bench's
 * JVM), so a leak shows as a rising line; each window's p50 and p99 per kind show whether latency drifts,
 * and the database's own figures for the window whether a drift comes from the database.
 * Writes the figures as CSV and the curves as an SVG next to the report.
 */
final class Soak {

  /** One window: minute, heap in MB after a full GC, the outcome of each kind, the database's figures. */
  record Window(int minute, double heapMb, List<Outcome> outcomes, Database database) {}

  /**
   * What PostgreSQL did in one window, from its statistics views: its size at the end, the share of
   * block reads found in shared buffers, how many autovacuum and autoanalyze runs finished, the
   * database time (planning + execution) per HTTP request, and the mean time of the worklist's page
   * query. If latency drifts while these stay flat, the drift is not the database's. To tell why the
   * worklist query slows: the open tasks at the end (the load's submissions and completions move
   * them), the dead row versions in the engine's task table (claims, completions, not yet vacuumed)
   * and the buffers the query touches per call (more work per call, or the same work done slower).
   */
  record Database(double sizeMb, double bufferHitPercent, long maintenanceRuns, double msPerRequest,
      double worklistQueryMs, long openTasks, long taskDeadRows, double worklistBlocksPerCall) {

    static final String CSV_HEADER = "db_mb,buffer_hit_pct,autovacuum_analyze_runs,db_ms_per_request,"
        + "worklist_query_ms,open_tasks,task_dead_rows,worklist_blocks_per_call";

    String csv() {
      return "%.0f,%.2f,%d,%.2f,%.2f,%d,%d,%.0f".formatted(sizeMb, bufferHitPercent, maintenanceRuns, msPerRequest,
          worklistQueryMs, openTasks, taskDeadRows, worklistBlocksPerCall);
    }
  }

  /** Cumulative counters of pg_stat_database and pg_stat_all_tables, read before and after a window. */
  private record Counters(long blocksHit, long blocksRead, long maintenanceRuns) {}

  private static final int WINDOW_SECONDS = 60;

  private Soak() {}

  static List<Window> run(MixedLoad load, MixedWorkload workload, int minutes, JdbcClient jdbc) throws Exception {
    List<Window> windows = new ArrayList<>();
    for (int minute = 1; minute <= minutes; minute++) {
      // fresh tokens and write targets each window: tokens live 10 minutes, a completed task is gone
      List<MixedLoad.Kind> kinds = workload.kinds(WINDOW_SECONDS);
      jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
      Counters before = counters(jdbc);
      List<Outcome> outcomes = load.run("soak-" + minute, kinds, WINDOW_SECONDS);
      Database database = database(jdbc, before, outcomes.stream().mapToLong(Outcome::requests).sum());
      System.gc();
      double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
      windows.add(new Window(minute, heap, outcomes, database));
      System.err.printf("[bench] soak minute %d of %d: heap %.0f MB, p99 %s, database %s%n", minute, minutes, heap,
          outcomes.stream().map(o -> "%.0f".formatted(o.p99())).toList(), database);
    }
    return windows;
  }

  private static Counters counters(JdbcClient jdbc) {
    return jdbc.sql("""
            select (select blks_hit from pg_stat_database where datname = current_database()),
                   (select blks_read from pg_stat_database where datname = current_database()),
                   (select sum(autovacuum_count + autoanalyze_count) from pg_stat_all_tables)""")
        .query((rs, row) -> new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
  }

  private static Database database(JdbcClient jdbc, Counters before, long requests) {
    Counters after = counters(jdbc);
    long hit = after.blocksHit() - before.blocksHit();
    long read = after.blocksRead() - before.blocksRead();
    return jdbc.sql("""
            with worklist as (
              select sum(total_plan_time + total_exec_time) as ms, sum(shared_blks_hit + shared_blks_read) as blocks,
                     nullif(sum(calls), 0) as calls
                from pg_stat_statements where query like 'select t.id_ as task_id%')
            select pg_database_size(current_database()) / 1048576.0,
                   (select coalesce(sum(total_plan_time + total_exec_time), 0) from pg_stat_statements),
                   (select coalesce(ms / calls, 0) from worklist),
                   (select count(*) from act_ru_task),
                   (select n_dead_tup from pg_stat_user_tables where relname = 'act_ru_task'),
                   (select coalesce(blocks / calls, 0) from worklist)""")
        .query((rs, row) -> new Database(rs.getDouble(1), hit + read == 0 ? 100 : 100.0 * hit / (hit + read),
            after.maintenanceRuns() - before.maintenanceRuns(), requests == 0 ? 0 : rs.getDouble(2) / requests,
            rs.getDouble(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6)))
        .single();
  }

  static void writeCsv(List<Window> windows, Path file) throws IOException {
    StringBuilder csv = new StringBuilder("minute,heap_mb");
    for (Outcome outcome : windows.get(0).outcomes()) {
      String kind = outcome.kind().name();
      for (String figure : List.of("p50 ms", "p99 ms", "req/s", "failed")) {
        csv.append(",\"").append(kind).append(' ').append(figure).append('"');
      }
    }
    csv.append(',').append(Database.CSV_HEADER).append('\n');
    for (Window window : windows) {
      csv.append(window.minute()).append(',').append("%.1f".formatted(window.heapMb()));
      for (Outcome outcome : window.outcomes()) {
        csv.append(",%.1f,%.1f,%.1f,%d".formatted(outcome.p50(), outcome.p99(), outcome.perSecond(),
            outcome.failures()));
      }
      csv.append(',').append(window.database().csv()).append('\n');
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};
  private static final int WIDTH = 760;
  private static final int PANEL = 260;
  private static final int LEFT = 60;
  private static final int TOP = 30;
  /** Below a panel: its minute labels and axis title, then the next panel's title. */
  private static final int GAP = 80;

  /**
   * Four panels over the minutes: p99 and p50 per kind (ms), heap after GC (MB), and the database's
   * time per request and the worklist query's mean time (ms); every axis starts at zero.
   */
  static void writeSvg(List<Window> windows, Path file) throws IOException {
    StringBuilder svg = new StringBuilder("""
        <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">
        <rect width="100%%" height="100%%" fill="white"/>
        """.formatted(WIDTH, 4 * PANEL + 2 * TOP + 4 * GAP));
    List<Outcome> first = windows.get(0).outcomes();
    List<String> names = new ArrayList<>();
    List<ToDoubleFunction<Window>> p99 = new ArrayList<>();
    List<ToDoubleFunction<Window>> p50 = new ArrayList<>();
    for (int k = 0; k < first.size(); k++) {
      int index = k;
      names.add(first.get(k).kind().name());
      p99.add(w -> w.outcomes().get(index).p99());
      p50.add(w -> w.outcomes().get(index).p50());
    }
    panel(svg, windows, "p99 latency per kind (ms)", TOP, names, p99);
    panel(svg, windows, "p50 latency per kind (ms)", TOP + PANEL + GAP, names, p50);
    panel(svg, windows, "heap after full GC (MB)", TOP + 2 * (PANEL + GAP), List.of("heap"), List.of(Window::heapMb));
    panel(svg, windows, "database time (ms)", TOP + 3 * (PANEL + GAP),
        List.of("per HTTP request", "worklist page query"),
        List.of(w -> w.database().msPerRequest(), w -> w.database().worklistQueryMs()));
    svg.append("</svg>\n");
    Files.writeString(file, svg, StandardCharsets.UTF_8);
  }

  private static void panel(StringBuilder svg, List<Window> windows, String title, int top, List<String> names,
      List<ToDoubleFunction<Window>> series) {
    int right = WIDTH - 200;
    double max = 0;
    for (ToDoubleFunction<Window> s : series) {
      for (Window w : windows) {
        max = Math.max(max, s.applyAsDouble(w));
      }
    }
    double scale = max <= 0 ? 1 : max * 1.1;
    int minutes = windows.get(windows.size() - 1).minute();
    svg.append("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n".formatted(LEFT, top - 10, title));
    svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n".formatted(LEFT, top + PANEL, right,
        top + PANEL));
    svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n".formatted(LEFT, top, LEFT, top + PANEL));
    for (int tick = 0; tick <= 4; tick++) {
      double value = scale * tick / 4;
      int y = top + PANEL - (int) (PANEL * tick / 4.0);
      svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>\n".formatted(LEFT - 5, y + 4, value));
    }
    svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">minute</text>\n".formatted((LEFT + right) / 2,
        top + PANEL + 30));
    for (int m = 1; m <= minutes; m += Math.max(1, minutes / 10)) {
      svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>\n".formatted(x(m, minutes, right),
          top + PANEL + 15, m));
    }
    for (int s = 0; s < series.size(); s++) {
      StringBuilder points = new StringBuilder();
      for (Window w : windows) {
        int y = top + PANEL - (int) (PANEL * series.get(s).applyAsDouble(w) / scale);
        points.append(x(w.minute(), minutes, right)).append(',').append(y).append(' ');
      }
      String colour = COLOURS[s % COLOURS.length];
      svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n".formatted(colour,
          points.toString().strip()));
      svg.append("<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n".formatted(right + 10, top + 15 + 16 * s, colour,
          names.get(s).replace("&", "&amp;").replace("<", "&lt;")));
    }
  }

  private static int x(int minute, int minutes, int right) {
    return minutes <= 1 ? LEFT : LEFT + (right - LEFT) * (minute - 1) / (minutes - 1);
  }
}

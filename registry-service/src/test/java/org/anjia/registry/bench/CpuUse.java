package org.anjia.registry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a phase's CPU went, from Linux's own counters: the whole machine, the service (this JVM's
 * threads), its clients (wrk and pgbench are this JVM's child processes: once reaped, their CPU is counted
 * in its children's time) and PostgreSQL (the postmaster, its live backends, and the backends it has reaped).
 * A throughput ratio between two loads that both keep the machine busy is the inverse of their CPU per
 * operation; this record says whose CPU that is. In clock ticks of {@code getconf CLK_TCK}, 100 a second
 * on Linux x86-64.
 */
record CpuUse(long machineBusy, long machineIdle, long service, long clients, long database) {

  private static final double MS_PER_TICK = 10;

  /** The counters now; {@code postmaster} is PostgreSQL's main process (the first line of its postmaster.pid). */
  static CpuUse now(long postmaster) throws IOException {
    String[] cpu = Files.readString(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
    // cpu  user nice system idle iowait irq softirq steal ...
    long busy = sum(cpu, 1, 2, 3, 6, 7, 8);
    long idle = sum(cpu, 4, 5);
    long[] self = stat(ProcessHandle.current().pid());
    long[] postgres = stat(postmaster);
    long database = postgres[0] + postgres[1] + postgres[2] + postgres[3] + ProcessHandle.of(postmaster).stream()
        .flatMap(ProcessHandle::children)
        .mapToLong(child -> {
          long[] backend = stat(child.pid());
          return backend[0] + backend[1];
        })
        .sum();
    return new CpuUse(busy, idle, self[0] + self[1], self[2] + self[3], database);
  }

  CpuUse since(CpuUse before) {
    return new CpuUse(machineBusy - before.machineBusy, machineIdle - before.machineIdle, service - before.service,
        clients - before.clients, database - before.database);
  }

  /** The share of the machine's time that was busy, in per cent. */
  double busyPercent() {
    return 100.0 * machineBusy / Math.max(1, machineBusy + machineIdle);
  }

  /** A table row: per operation, the milliseconds of CPU of the machine, the service, the database and the client. */
  String row(String name, long operations) {
    return "| %s | %d | %.0f %% | %.3f | %.3f | %.3f | %.3f |".formatted(name, operations, busyPercent(),
        msPer(machineBusy, operations), msPer(service, operations), msPer(database, operations),
        msPer(clients, operations));
  }

  static String tableHeader() {
    return """
        | load | operations | machine busy | machine CPU ms/op | service ms/op | PostgreSQL ms/op | client ms/op |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: |""";
  }

  double machineMsPer(long operations) {
    return msPer(machineBusy, operations);
  }

  double databaseMsPer(long operations) {
    return msPer(database, operations);
  }

  private static double msPer(long ticks, long operations) {
    return ticks * MS_PER_TICK / Math.max(1, operations);
  }

  /** utime, stime, cutime, cstime of a process; zeros for a process that has just ended. */
  private static long[] stat(long pid) {
    String line;
    try {
      line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    } catch (NoSuchFileException gone) {
      return new long[4];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // after "pid (comm) ", whose comm may hold spaces: state is field 3, utime field 14
    String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    return new long[] {sum(fields, 11), sum(fields, 12), sum(fields, 13), sum(fields, 14)};
  }

  private static long sum(String[] fields, int... indexes) {
    long sum = 0;
    for (int index : indexes) {
      sum += Long.parseLong(fields[index]);
    }
    return sum;
  }
}

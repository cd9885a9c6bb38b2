package org.anjia.registry;

import java.time.Instant;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.anjia.processes.DueJobs;

/**
 * The one clock of the service and its engine, as the tests drive it. Every test JVM starts at the
 * same engine time (a Monday in March 2026, 10:00 in China), so no test depends on today's date;
 * the clock then runs on with real time (an offset, not a frozen instant, so records keep their
 * order). Moving it runs the jobs due by then, as the job executor would, but deterministically:
 * the job executor is off in tests.
 */
public final class EngineTime {

  public static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

  private EngineTime() {}

  /**
   * Sets the engine clock to {@link #START} once per JVM; it runs on from there. Public for tests that
   * start the service themselves instead of through {@link RegistryIntegrationTest}.
   */
  public static synchronized void startOnce() {
    if (!started) {
      started = true;
      ClockUtil.offset(START.toEpochMilli() - System.currentTimeMillis());
    }
  }

  private static boolean started;

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Moves the clock forward to {@code target} (never back) and runs every job due by then. */
  public static void moveTo(Instant target, ManagementService management) {
    if (target.isAfter(now())) {
      ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
    }
    runDueJobs(management);
  }

  /**
   * Runs {@code body} with the engine clock at {@code instant}, running no job, then puts the clock back
   * where it was: for a test about a clock ahead of the machine's without moving every later test there.
   */
  public static void during(Instant instant, Runnable body) {
    putBackAfter(() -> {
      ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
      body.run();
    });
  }

  /** Something to run on a moved clock, which may throw (a browser script). */
  @FunctionalInterface
  public interface Body<E extends Exception> {
    void run() throws E;
  }

  /**
   * Moves the clock forward to {@code target}, running every job due by then as {@link #moveTo} does, runs
   * {@code body} there, then puts the clock back where it would have been: for a walk across months (a
   * quarterly review) without moving every later test towards the end of the holiday calendars.
   */
  public static <E extends Exception> void ahead(Instant target, ManagementService management, Body<E> body) throws E {
    putBackAfter(() -> {
      moveTo(target, management);
      body.run();
    });
  }

  /** Runs {@code body}, then sets the clock's offset back to what it was before. */
  private static <E extends Exception> void putBackAfter(Body<E> body) throws E {
    long offset = now().toEpochMilli() - System.currentTimeMillis();
    try {
      body.run();
    } finally {
      ClockUtil.offset(offset);
    }
  }

  /** Runs the jobs due now until none is left, as the job executor would. */
  public static void runDueJobs(ManagementService management) {
    DueJobs.run(management);
  }
}

package org.anjia.processes;

import java.util.List;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;

/**
 * What the job executor does, done by a test, deterministically: run every job due now until none
 * is left (a timer's path may make another job due at once). A failing job loses a retry and
 * becomes an incident when none are left, as with the executor. Shared with the service's tests
 * (this module's test jar).
 */
public final class DueJobs {

  private DueJobs() {}

  public static void run(ManagementService management) {
    for (int round = 0; round < 1000; round++) {
      List<Job> due = management.createJobQuery().executable().active().list().stream()
          .filter(job -> job.getRetries() > 0).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // counted against the job's retries by the engine; the next round sees what is left
        }
      }
    }
    throw new AssertionError("jobs keep becoming due: a timer loop?");
  }
}

package org.anjia.registry.worklist;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's deadline timers on every user task end here: a reminder before the due date marks
 * the task "reminded"; passing the due date marks it "escalated" (the BPMN also opens a follow-up
 * task for the supervising group). Both are idempotent by task and kind. Public because the
 * Camunda client invokes worker methods reflectively.
 */
@Component
public class TaskDeadlineWorkers {

  static final String JOB_REMIND = "anjia.task.remind";
  static final String JOB_ESCALATE = "anjia.task.escalate";
  static final String TASK_ELEMENT_HEADER = "taskElementId";

  private final Worklist worklist;
  private final JdbcClient jdbc;
  private final Clock clock;

  TaskDeadlineWorkers(Worklist worklist, JdbcClient jdbc, Clock clock) {
    this.worklist = worklist;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @JobWorker(type = JOB_REMIND)
  @Transactional
  public void remind(ActivatedJob job) {
    raise(job, "REMINDED");
  }

  @JobWorker(type = JOB_ESCALATE)
  @Transactional
  public void escalate(ActivatedJob job) {
    raise(job, "ESCALATED");
  }

  private void raise(ActivatedJob job, String kind) {
    String elementId = job.getCustomHeaders().get(TASK_ELEMENT_HEADER);
    // the task was created days before its timer fired, so the projection has it; if not, the job retries
    long taskKey = worklist.latestTaskKey(job.getProcessInstanceKey(), elementId)
        .orElseThrow(() -> new IllegalStateException("No projected task " + elementId + " in instance "
            + job.getProcessInstanceKey() + " yet"));
    jdbc.sql("""
            insert into task_signal (user_task_key, kind, raised_at) values (:key, :kind, :at)
            on conflict do nothing""")
        .param("key", taskKey)
        .param("kind", kind)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }
}

package org.anjia.registry.worklist;

import java.sql.Timestamp;
import java.time.Clock;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's deadline timers on every user task end here ({@code ${taskReminder}},
 * {@code ${taskEscalation}}, input {@code taskElementId}): a reminder before the due date marks the
 * task "reminded"; passing the due date marks it "escalated" (the BPMN also opens a follow-up task
 * for the supervising group). Idempotent by task and kind, so a retried timer job marks once.
 */
@Configuration(proxyBeanMethods = false)
class TaskDeadlineSignals {

  static final String TASK_ELEMENT = "taskElementId";

  @Bean
  JavaDelegate taskReminder(TaskService tasks, JdbcClient jdbc, Clock clock) {
    return execution -> raise(execution, "REMINDED", tasks, jdbc, clock);
  }

  @Bean
  JavaDelegate taskEscalation(TaskService tasks, JdbcClient jdbc, Clock clock) {
    return execution -> raise(execution, "ESCALATED", tasks, jdbc, clock);
  }

  private static void raise(DelegateExecution execution, String kind, TaskService tasks, JdbcClient jdbc,
      Clock clock) {
    String elementId = (String) execution.getVariableLocal(TASK_ELEMENT);
    // the boundary timer belongs to the task's activity: the task is open while the timer can fire
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(elementId).list()) {
      jdbc.sql("""
              insert into task_signal (task_id, kind, raised_at) values (:task, :kind, :at)
              on conflict do nothing""")
          .param("task", task.getId())
          .param("kind", kind)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    }
  }
}

package org.anjia.registry.worklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the engine about a stored completion; replayed from the outbox until the engine has it. */
@Component
class TaskCompleter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCompleter.class);

  private final CamundaClient camunda;

  TaskCompleter(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @ApplicationModuleListener
  void on(TaskCompletionSubmitted submitted) {
    try {
      camunda.newCompleteUserTaskCommand(submitted.userTaskKey()).variables(submitted.variables()).send().join();
    } catch (ClientHttpException e) {
      if (e.code() != 404) {
        throw e;
      }
      // a replay after the engine already completed it: the task is gone, which is what we wanted
      LOG.info("Task {} was already completed in the engine", submitted.userTaskKey());
    }
  }
}

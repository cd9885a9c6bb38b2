package org.anjia.registry.engine;

import java.util.Map;
import org.anjia.registry.web.ConflictException;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Messages to the journeys' processes, correlated by business key (an application's or a child's
 * id). Called in the transaction of the record that causes them: the record and the engine's step
 * commit or roll back together, so there is nothing to deliver later and nothing to replay.
 */
@Component
public class ProcessMessages {

  private final RuntimeService runtime;

  ProcessMessages(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts the process whose start event waits for this message. A start message carries no id the
   * engine could deduplicate, so a second start for the same business key and process is refused here.
   */
  public void start(String message, String processId, String businessKey, Map<String, Object> variables) {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(processId).processInstanceBusinessKey(businessKey)
        .count() > 0) {
      throw new ConflictException("anjia.process.alreadyRunning");
    }
    runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateStartMessage();
  }

  /**
   * Delivers a message to the one instance of the case waiting for it. The engine does not buffer
   * messages: when no instance waits (the step is over or not reached), the caller is told with a 409.
   */
  public void correlate(String message, String businessKey, Map<String, Object> variables) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("anjia.process.notWaiting");
    }
  }

  /**
   * Ends the case's running instances of that process, with the reason in the history, when what they
   * were deciding has been settled elsewhere (a pending foster match of a child just adopted).
   */
  public void cancel(String processId, String businessKey, String reason) {
    runtime.createProcessInstanceQuery().processDefinitionKey(processId).processInstanceBusinessKey(businessKey).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
  }

  /** Delivers a message to whatever instances of the case wait for it; none waiting is fine. */
  public void notifyIfWaiting(String message, String businessKey) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).correlateAll();
  }
}

package org.anjia.registry.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes messages to the engine for the outbox listeners of every journey. A message id makes
 * delivery idempotent: the engine refuses a second message with the same id while the first is
 * buffered, which a replay meets as "already delivered".
 */
@Component
public class ProcessMessages {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessMessages.class);
  /** Long enough for every replay of the outbox to meet the first message and be refused as a duplicate. */
  private static final Duration TIME_TO_LIVE = Duration.ofHours(24);

  private final CamundaClient camunda;

  ProcessMessages(CamundaClient camunda) {
    this.camunda = camunda;
  }

  public void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    try {
      camunda.newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(TIME_TO_LIVE)
          .variables(variables)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      LOG.info("Message {} {} was already published; replay ignored", name, messageId);
    }
  }
}

package org.anjia.processes;

import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;
import org.anjia.runtime.TestStack;
import org.anjia.runtime.ZeebeBroker;

/** A client of the test stack's broker, configured the way the service's is. */
final class EngineClients {

  private EngineClients() {}

  static CamundaClient forTestStack() {
    ZeebeBroker broker = TestStack.get().broker();
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create(broker.grpcAddress()))
        .restAddress(broker.restAddress())
        .preferRestOverGrpc(false) // the 8.6 broker activates jobs over gRPC only (runtime.md)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }
}

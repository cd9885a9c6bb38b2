package org.anjia.registry.adoption;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Thin workers of adoption.bpmn; public because the Camunda client invokes them reflectively. */
@Component
public class AdoptionWorkers {

  private final AdoptionRegistry registry;

  AdoptionWorkers(AdoptionRegistry registry) {
    this.registry = registry;
  }

  @JobWorker(type = AdoptionProcess.JOB_REGISTER)
  public Map<String, Object> register(@Variable(name = AdoptionProcess.APPLICATION_ID) String applicationId) {
    return Map.of("certificateNumber", registry.register(UUID.fromString(applicationId)));
  }

  @JobWorker(type = AdoptionProcess.JOB_RECORD_REJECTION)
  public void recordRejection(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    registry.reject(UUID.fromString((String) variables.get(AdoptionProcess.APPLICATION_ID)), variables);
  }
}

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
  private final AdoptionDissolutions dissolutions;

  AdoptionWorkers(AdoptionRegistry registry, AdoptionDissolutions dissolutions) {
    this.registry = registry;
    this.dissolutions = dissolutions;
  }

  @JobWorker(type = AdoptionProcess.JOB_REGISTER)
  public Map<String, Object> register(@Variable(name = AdoptionProcess.APPLICATION_ID) String applicationId) {
    return Map.of("certificateNumber", registry.register(UUID.fromString(applicationId)));
  }

  @JobWorker(type = AdoptionProcess.JOB_RECORD_REJECTION)
  public void recordRejection(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    registry.reject(applicationId(variables), variables);
  }

  @JobWorker(type = AdoptionProcess.JOB_REGISTER_DISSOLUTION)
  public Map<String, Object> registerDissolution(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    return Map.of("dissolutionCertificateNumber", dissolutions.register(applicationId(variables),
        (String) variables.get("dissolutionNotes")));
  }

  @JobWorker(type = AdoptionProcess.JOB_RECORD_DISSOLUTION_REFUSAL)
  public void recordDissolutionRefusal(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    dissolutions.refuse(applicationId(variables), (String) variables.get("dissolutionNotes"),
        "does_not_consent".equals(variables.get("dissolutionChildConsent")));
  }

  private static UUID applicationId(Map<String, Object> variables) {
    return UUID.fromString((String) variables.get(AdoptionProcess.APPLICATION_ID));
  }
}

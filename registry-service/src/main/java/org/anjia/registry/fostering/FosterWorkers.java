package org.anjia.registry.fostering;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Thin job workers: they read the job's variables and call the register, which is idempotent.
 * Public because the Camunda client invokes worker methods reflectively.
 */
@Component
public class FosterWorkers {

  private final FosterRegister register;

  FosterWorkers(FosterRegister register) {
    this.register = register;
  }

  /** 登记入册 once the caregiver is trained (寄养办法 art. 12(4)–(5)). */
  @JobWorker(type = FosterQualification.JOB_ENTER_REGISTER)
  public void enterRegister(@Variable(name = FosterQualification.APPLICATION_ID) String applicationId,
      @Variable(name = FosterQualification.TRAINING_HOURS) BigDecimal trainingHours) {
    register.enter(UUID.fromString(applicationId), trainingHours);
  }

  @JobWorker(type = FosterQualification.JOB_RECORD_REJECTION)
  public void recordRejection(ActivatedJob job) {
    var variables = job.getVariablesAsMap();
    register.reject(UUID.fromString((String) variables.get(FosterQualification.APPLICATION_ID)),
        RejectionReasons.from(variables));
  }
}

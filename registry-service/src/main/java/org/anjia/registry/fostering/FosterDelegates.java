package org.anjia.registry.fostering;

import java.math.BigDecimal;
import org.anjia.registry.engine.ProcessVariables;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of foster-family-qualification.bpmn (delegateExpression, names in
 * processes/README.md): thin, they call the register, which is idempotent.
 */
@Configuration(proxyBeanMethods = false)
class FosterDelegates {

  /** 登记入册 once the caregiver is trained (寄养办法 art. 12(4)–(5)). */
  @Bean
  JavaDelegate fosterRegisterEntry(FosterRegister register) {
    return execution -> register.enter(ProcessVariables.caseId(execution),
        new BigDecimal(String.valueOf(execution.getVariable(FosterQualification.TRAINING_HOURS))));
  }

  @Bean
  JavaDelegate fosterRejection(FosterRegister register) {
    return execution -> register.reject(ProcessVariables.caseId(execution),
        RejectionReasons.from(ProcessVariables.of(execution)));
  }
}

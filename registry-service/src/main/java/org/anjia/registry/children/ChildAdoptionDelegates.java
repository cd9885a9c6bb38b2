package org.anjia.registry.children;

import org.anjia.registry.engine.ProcessVariables;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The placement process's outcomes on the child's file (child-adoption-placement.bpmn, service tasks
 * by delegateExpression; the business key is the child's id). Setting a status the file already
 * has changes nothing, so a repeated step is harmless.
 */
@Configuration(proxyBeanMethods = false)
class ChildAdoptionDelegates {

  @Bean
  JavaDelegate childAvailable(Children children) {
    return execution -> children.adoptionStatus(ProcessVariables.caseId(execution), AdoptionStatus.AVAILABLE, null);
  }

  @Bean
  JavaDelegate childClaimed(Children children) {
    return execution -> children.adoptionStatus(ProcessVariables.caseId(execution), AdoptionStatus.CLAIMED,
        (String) execution.getVariable("claimNote"));
  }

  @Bean
  JavaDelegate childPlacementRefused(Children children) {
    return execution -> children.adoptionStatus(ProcessVariables.caseId(execution), AdoptionStatus.PLACEMENT_REFUSED,
        null);
  }
}

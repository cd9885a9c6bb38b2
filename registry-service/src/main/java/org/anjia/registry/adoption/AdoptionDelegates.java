package org.anjia.registry.adoption;

import java.util.Map;
import org.anjia.registry.engine.ProcessVariables;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of adoption.bpmn and adoption-dissolution.bpmn (delegateExpression, names in
 * processes/README.md). Thin: each calls the registry, whose operations are idempotent, with the
 * case's business key (the application id).
 */
@Configuration(proxyBeanMethods = false)
class AdoptionDelegates {

  @Bean
  JavaDelegate adoptionRegistration(AdoptionRegistry registry) {
    return execution -> execution.setVariable("certificateNumber",
        registry.register(ProcessVariables.caseId(execution)));
  }

  @Bean
  JavaDelegate adoptionRejection(AdoptionRegistry registry) {
    return execution -> registry.reject(ProcessVariables.caseId(execution), ProcessVariables.of(execution));
  }

  @Bean
  JavaDelegate dissolutionRegistration(AdoptionDissolutions dissolutions) {
    return execution -> execution.setVariable("dissolutionCertificateNumber",
        dissolutions.register(ProcessVariables.caseId(execution), (String) execution.getVariable("dissolutionNotes")));
  }

  @Bean
  JavaDelegate dissolutionRefusal(AdoptionDissolutions dissolutions) {
    return execution -> {
      Map<String, Object> variables = execution.getVariables();
      dissolutions.refuse(ProcessVariables.caseId(execution), (String) variables.get("dissolutionNotes"),
          "does_not_consent".equals(variables.get("dissolutionChildConsent")));
    };
  }

  /** The follow-up visits' offsets after registration: {@code camunda:collection="${followUpVisits.offsets()}"}. */
  @Bean
  FollowUpVisits followUpVisits(AdoptionRules rules) {
    return new FollowUpVisits(rules.followUpVisits());
  }

  /** Local practice, not a legal period (anjia.adoption.follow-up-visits). */
  public record FollowUpVisits(java.util.List<String> offsets) {}
}

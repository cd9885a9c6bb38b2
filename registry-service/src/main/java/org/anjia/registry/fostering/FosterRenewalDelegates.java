package org.anjia.registry.fostering;

import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of foster-register-renewal.bpmn (names in processes/README.md): thin, they call
 * {@link RegisterRenewals}, whose steps are idempotent by the entry's status and renewal stage.
 */
@Configuration(proxyBeanMethods = false)
class FosterRenewalDelegates {

  /** The year's timers: renewalOpens, renewalReminder, registerExpires (and expiresOn as text, for the forms). */
  @Bean
  JavaDelegate fosterRenewalSchedule(RegisterRenewals renewals) {
    return execution -> execution.setVariables(renewals.schedule(entryId(execution)));
  }

  @Bean
  JavaDelegate fosterRenewalOpening(RegisterRenewals renewals) {
    return execution -> execution.setVariable(FosterRenewalProcess.HOUSEHOLD_ADULTS,
        renewals.open(entryId(execution)));
  }

  @Bean
  JavaDelegate fosterRenewalReminder(RegisterRenewals renewals) {
    return execution -> renewals.remind(entryId(execution));
  }

  @Bean
  JavaDelegate fosterRegisterRenewal(RegisterRenewals renewals) {
    return execution -> execution.setVariable(FosterRenewalProcess.EXPIRES_ON,
        renewals.renew(entryId(execution)).toString());
  }

  @Bean
  JavaDelegate fosterRegisterFailure(RegisterRenewals renewals) {
    return execution -> lapse(execution, renewals, RegisterRenewals.Status.FAILED);
  }

  @Bean
  JavaDelegate fosterRegisterExpiry(RegisterRenewals renewals) {
    return execution -> lapse(execution, renewals, RegisterRenewals.Status.EXPIRED);
  }

  /** The entry takes no new child; its current placements go to the director when there are any. */
  private static void lapse(DelegateExecution execution, RegisterRenewals renewals, RegisterRenewals.Status status) {
    UUID entryId = entryId(execution);
    renewals.close(entryId, status);
    var children = renewals.currentPlacements(entryId);
    execution.setVariable(FosterRenewalProcess.CURRENT_PLACEMENTS, children.size());
    execution.setVariable(FosterRenewalProcess.CURRENT_PLACEMENT_CHILDREN, String.join("、", children));
  }

  private static UUID entryId(DelegateExecution execution) {
    return UUID.fromString((String) execution.getVariable(FosterRenewalProcess.ENTRY_ID));
  }
}

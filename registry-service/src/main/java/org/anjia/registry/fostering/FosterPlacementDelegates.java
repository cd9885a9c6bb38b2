package org.anjia.registry.fostering;

import java.time.LocalDate;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and expression beans of foster-placement.bpmn (names in processes/README.md):
 * thin, they call {@link FosterPlacements}, whose steps are idempotent by the placement's status.
 */
@Configuration(proxyBeanMethods = false)
class FosterPlacementDelegates {

  /** The visits' cycle, {@code timeCycle ${fosterVisits.cycle()}}: every configured interval, while placed (arts. 16–17). */
  @Bean
  FosterVisits fosterVisits(FosterRules rules) {
    return new FosterVisits("R/" + rules.placement().visitInterval());
  }

  public record FosterVisits(String cycle) {}

  @Bean
  JavaDelegate fosterMatchRefusal(FosterPlacements placements) {
    return execution -> placements.refuse(placementId(execution),
        (String) execution.getVariable(FosterPlacementProcess.MATCH_COMMENTS));
  }

  @Bean
  JavaDelegate fosterAgreementReady(FosterPlacements placements) {
    return execution -> placements.awaitSignatures(placementId(execution));
  }

  @Bean
  JavaDelegate fosterPlacementWithdrawal(FosterPlacements placements) {
    return execution -> placements.withdraw(placementId(execution), (String) execution.getVariable("agreementNotes"));
  }

  /**
   * Both signed (art. 12(5)): the placement starts, and its integration period (art. 14) with it; the
   * agreed period ends at 24:00 of its last day.
   */
  @Bean
  JavaDelegate fosterPlacementStart(FosterPlacements placements, FosterPlacementSteps steps) {
    return execution -> {
      FosterPlacements.Placement placement = placements.start(placementId(execution));
      execution.setVariable(FosterPlacementProcess.INTEGRATION_ENDS,
          steps.endAfter(placement.startedOn(), placement.integrationDays()));
      execution.setVariable(FosterPlacementProcess.AGREEMENT_ENDS, steps.endAfter(placement.until(), 0));
    };
  }

  /** The integration assessment ended it, or (after "continue") its agreed period is over. */
  @Bean
  JavaDelegate fosterPlacementEnd(FosterPlacements placements) {
    return execution -> placements.end(placementId(execution),
        "end".equals(execution.getVariable(FosterPlacementProcess.INTEGRATION_DECISION))
            ? "融合期评估：结束寄养" : "寄养协议期满");
  }

  /**
   * StartRespite (art. 20): the child is back in the institution's care; the caseworker's task is due on
   * the agreed return day, and the respite is escalated past the configured limit (at most 30 days).
   */
  @Bean
  JavaDelegate fosterRespiteStart(FosterRespites respites, FosterPlacementSteps steps, FosterRules rules) {
    return execution -> {
      FosterRespites.Respite respite = respites.start(respiteId(execution),
          (String) execution.getVariable(FosterPlacementProcess.RESPITE_NOTE));
      execution.setVariable(FosterPlacementProcess.RESPITE_ENDS, steps.endAfter(respite.until(), 0));
      execution.setVariable(FosterPlacementProcess.RESPITE_LIMIT,
          steps.endAfter(respite.from(), rules.placement().maxRespiteDays()));
    };
  }

  @Bean
  JavaDelegate fosterRespiteDeclined(FosterRespites respites) {
    return execution -> respites.decline(respiteId(execution),
        (String) execution.getVariable(FosterPlacementProcess.RESPITE_NOTE));
  }

  @Bean
  JavaDelegate fosterRespiteEnd(FosterRespites respites) {
    return execution -> respites.end(respiteId(execution),
        LocalDate.parse((String) execution.getVariable(FosterPlacementProcess.RESPITE_RETURNED_ON)),
        (String) execution.getVariable(FosterPlacementProcess.RESPITE_NOTES));
  }

  /** RecordTermination (arts. 18–19): the placement ends; the filing form shows the reason as recorded. */
  @Bean
  JavaDelegate fosterTermination(FosterTerminations terminations) {
    return execution -> execution.setVariable(FosterPlacementProcess.TERMINATION_REASON_LABEL,
        terminations.terminate(placementId(execution)));
  }

  private static UUID respiteId(DelegateExecution execution) {
    return UUID.fromString((String) execution.getVariable(FosterPlacementProcess.RESPITE_ID));
  }

  private static UUID placementId(DelegateExecution execution) {
    return UUID.fromString((String) execution.getVariable(FosterPlacementProcess.PLACEMENT_ID));
  }
}

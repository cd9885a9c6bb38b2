package org.anjia.registry.fostering;

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

  private static UUID placementId(DelegateExecution execution) {
    return UUID.fromString((String) execution.getVariable(FosterPlacementProcess.PLACEMENT_ID));
  }
}

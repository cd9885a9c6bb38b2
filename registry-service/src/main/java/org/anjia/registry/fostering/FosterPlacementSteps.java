package org.anjia.registry.fostering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The foster placement's steps that mean something for the registry, in the transaction of the
 * completion: the director's signature of the agreement (art. 12(5)) and an extended integration
 * period (art. 14), whose new end the model's timer reads from {@code integrationEnds}.
 */
@Component
class FosterPlacementSteps {

  private final FosterPlacements placements;
  private final Labels labels;
  private final Clock clock;

  FosterPlacementSteps(FosterPlacements placements, Labels labels, Clock clock) {
    this.placements = placements;
    this.labels = labels;
    this.clock = clock;
  }

  /**
   * The end of a period of {@code days} counted from the day after {@code start}: 24:00 of its last day
   * in the registry's zone (0 days: the end of {@code start} itself).
   */
  Date endAfter(LocalDate start, int days) {
    return Date.from(start.plusDays(days + 1L).atStartOfDay(clock.getZone()).toInstant());
  }

  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!FosterPlacementProcess.PROCESS_ID.equals(completion.processId())) {
      return;
    }
    Map<String, Object> variables = completion.variables();
    if (FosterPlacementProcess.SIGN_AGREEMENT.equals(completion.elementId())
        && "sign".equals(variables.get(FosterPlacementProcess.AGREEMENT_DECISION))) {
      placements.signByDirector(completion.childId(), completion.actor().login());
    }
    if (FosterPlacementProcess.ASSESS_INTEGRATION.equals(completion.elementId())
        && "extend".equals(variables.get(FosterPlacementProcess.INTEGRATION_DECISION))) {
      Object days = variables.get(FosterPlacementProcess.EXTENSION_DAYS);
      if (!(days instanceof Number number) || number.intValue() < 1) {
        throw new InvalidInputException(List.of(new FieldProblem(FosterPlacementProcess.EXTENSION_DAYS,
            labels.of("anjia.foster.placement.extensionDays"))));
      }
      completion.derived().put(FosterPlacementProcess.INTEGRATION_ENDS,
          endAfter(LocalDate.now(clock), number.intValue()));
    }
  }
}

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
 * completion: the director's signature of the agreement (art. 12(5)), an extended integration period
 * (art. 14), whose new end the model's timer reads from {@code integrationEnds}, the record of a home
 * visit (arts. 16–17), the child's return from respite (art. 20), and a termination kept or filed
 * (arts. 18–19). A date in the future is refused next to its field and the completion rolls back.
 */
@Component
class FosterPlacementSteps {

  private final FosterPlacements placements;
  private final FosterRespites respites;
  private final FosterTerminations terminations;
  private final FosterVisitRecords visits;
  private final Labels labels;
  private final Clock clock;

  FosterPlacementSteps(FosterPlacements placements, FosterRespites respites, FosterTerminations terminations,
      FosterVisitRecords visits, Labels labels, Clock clock) {
    this.placements = placements;
    this.respites = respites;
    this.terminations = terminations;
    this.visits = visits;
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
        throw problem(FosterPlacementProcess.EXTENSION_DAYS, labels.of("anjia.foster.placement.extensionDays"));
      }
      completion.derived().put(FosterPlacementProcess.INTEGRATION_ENDS,
          endAfter(LocalDate.now(clock), number.intValue()));
    }
    switch (completion.elementId()) {
      case FosterPlacementProcess.HOME_VISIT -> visits.record(completion.childId(), completion.taskId(),
          pastDate(variables, FosterPlacementProcess.HOME_VISIT_DATE), completion.actor().name(),
          new FosterVisitRecords.Observations(text(variables, "childHealth"), text(variables, "childSchooling"),
              text(variables, "childWellbeing"), text(variables, "visitFindings")));
      case FosterPlacementProcess.RETURN_FROM_RESPITE -> {
        LocalDate returnedOn = pastDate(variables, FosterPlacementProcess.RESPITE_RETURNED_ON);
        respites.activeOfChild(completion.childId()).filter(respite -> returnedOn.isBefore(respite.from()))
            .ifPresent(respite -> {
              throw problem(FosterPlacementProcess.RESPITE_RETURNED_ON,
                  labels.of("anjia.foster.respite.returnBeforeStart", respite.from()));
            });
      }
      case FosterPlacementProcess.DECIDE_TERMINATION -> {
        if ("keep".equals(variables.get(FosterPlacementProcess.TERMINATION_DECISION))) {
          terminations.keep(completion.childId());
        }
      }
      case FosterPlacementProcess.FILE_TERMINATION -> terminations.file(completion.childId(),
          pastDate(variables, FosterPlacementProcess.TERMINATION_FILED_ON),
          text(variables, FosterPlacementProcess.TERMINATION_FILED_WITH), completion.actor().login());
      default -> {
        // the other steps mean nothing more for the registry
      }
    }
  }

  /** A date the form asked for that cannot lie ahead: a visit, a return, a filing are recorded after they happened. */
  private LocalDate pastDate(Map<String, Object> variables, String key) {
    Object value = variables.get(key);
    if (value == null) {
      throw problem(key, labels.of("anjia.form.required"));
    }
    LocalDate date = LocalDate.parse(value.toString());
    if (date.isAfter(LocalDate.now(clock))) {
      throw problem(key, labels.of("anjia.validation.notInFuture"));
    }
    return date;
  }

  private static String text(Map<String, Object> variables, String key) {
    Object value = variables.get(key);
    return value == null ? null : value.toString();
  }

  private static InvalidInputException problem(String field, String message) {
    return new InvalidInputException(List.of(new FieldProblem(field, message)));
  }
}

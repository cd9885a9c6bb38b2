package org.anjia.registry.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/**
 * The due-date step of the processes ({@code ${dueDate}}): the legal period named by the task's input
 * {@code deadline}, counted from the day after today (engine time), stored as a date in the variable
 * named by its input {@code variable}; the BPMN timers and task due dates read that variable. A
 * year without a holiday calendar fails the step rather than guess. Idempotent: the same day gives
 * the same date.
 */
class DueDateStep implements JavaDelegate {

  static final String BEAN = "dueDate";

  private final DueDates dueDates;
  private final LegalDeadlines deadlines;
  private final Clock clock;

  DueDateStep(DueDates dueDates, LegalDeadlines deadlines, Clock clock) {
    this.dueDates = dueDates;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String deadline = (String) execution.getVariableLocal("deadline");
    execution.setVariable((String) execution.getVariableLocal("variable"), Date.from(dueAt(deadline)));
  }

  /** The first instant after the period (24:00 of its last day, 民法典 art. 203). */
  Instant dueAt(String deadline) {
    LocalDate today = LocalDate.now(clock.withZone(dueDates.zone()));
    return dueDates.dueInstant(today, deadlines.period(deadline));
  }
}

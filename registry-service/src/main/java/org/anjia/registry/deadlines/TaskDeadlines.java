package org.anjia.registry.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a step is due and when its reminder goes out, for the models' expressions
 * ({@code ${taskDeadlines.due('CheckDocuments')}}, {@code ${taskDeadlines.reminder(...)}},
 * {@code ${taskDeadlines.reminderBefore(registrarReviewDue, 'registrar-review')}}). Steps without a
 * legal period (the foster qualification's internal steps) take the times of {@code anjia.deadlines.steps},
 * local practice; a legal deadline's reminder lead comes from {@code anjia.deadlines.reminders}.
 * Counted from engine time, so tests that move the engine clock move these dates too.
 */
public class TaskDeadlines {

  static final String BEAN = "taskDeadlines";

  /** @param due time allowed from the task's creation; @param reminderBefore reminder this long before due */
  public record Step(Duration due, Duration reminderBefore) {}

  @ConfigurationProperties("anjia.deadlines")
  record Settings(Map<String, Step> steps, Map<String, Duration> reminders) {

    Settings {
      steps = steps == null ? Map.of() : Map.copyOf(steps);
      reminders = reminders == null ? Map.of() : Map.copyOf(reminders);
      steps.forEach((task, step) -> {
        if (step.due() == null || step.reminderBefore() == null || step.reminderBefore().compareTo(step.due()) >= 0) {
          throw new IllegalArgumentException(
              "anjia.deadlines.steps." + task + " needs a due and a reminder-before shorter than due");
        }
      });
    }
  }

  private final Settings settings;
  private final Clock clock;

  TaskDeadlines(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public Date due(String taskId) {
    return Date.from(clock.instant().plus(step(taskId).due()));
  }

  public Date reminder(String taskId) {
    Step step = step(taskId);
    return Date.from(clock.instant().plus(step.due()).minus(step.reminderBefore()));
  }

  public Date reminderBefore(Date due, String deadline) {
    Duration lead = settings.reminders().get(deadline);
    if (lead == null) {
      throw new IllegalArgumentException("No reminder lead for '" + deadline + "' (anjia.deadlines.reminders)");
    }
    return Date.from(due.toInstant().minus(lead));
  }

  private Step step(String taskId) {
    Step step = settings.steps().get(taskId);
    if (step == null) {
      throw new IllegalArgumentException("No deadline for step '" + taskId + "' (anjia.deadlines.steps)");
    }
    return step;
  }
}

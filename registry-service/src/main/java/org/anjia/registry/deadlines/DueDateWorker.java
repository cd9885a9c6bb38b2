package org.anjia.registry.deadlines;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The due-date step of the processes ({@code anjia.deadlines.due-date}): the period named by the
 * header {@code deadline}, counted from the day of {@code start} (engine time, so controlled clocks
 * agree), returned in the variable named by the header {@code variable} as an ISO date-time the
 * BPMN timers take. A year without a holiday calendar fails the job, so it shows as an incident.
 * Public: the Camunda client invokes worker methods reflectively.
 */
public class DueDateWorker {

  static final String JOB_TYPE = "anjia.deadlines.due-date";

  private final DueDates dueDates;
  private final LegalDeadlines deadlines;

  DueDateWorker(DueDates dueDates, LegalDeadlines deadlines) {
    this.dueDates = dueDates;
    this.deadlines = deadlines;
  }

  @JobWorker(type = JOB_TYPE)
  public Map<String, Object> dueDate(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    return Map.of(headers.get("variable"),
        dueAt(String.valueOf(job.getVariablesAsMap().get("start")), headers.get("deadline")));
  }

  /** The period's end as an ISO-8601 date-time in the institutions' time zone. */
  String dueAt(String engineTime, String deadline) {
    LocalDate startDay = parse(engineTime).atZone(dueDates.zone()).toLocalDate();
    Instant due = dueDates.dueInstant(startDay, deadlines.period(deadline));
    return OffsetDateTime.ofInstant(due, dueDates.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** FEEL's now() arrives as e.g. 2026-11-22T13:43:55.423Z[Etc/UTC] or 2026-11-22T13:43:55.423Z. */
  private static Instant parse(String engineTime) {
    return ZonedDateTime.parse(engineTime.trim(), DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
  }
}

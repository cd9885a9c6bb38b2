package org.anjia.processes;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anjia.runtime.ExportedRecords;

/**
 * Stands in for the registry service's job workers in the adoption journeys (送养 and 收养): every
 * job is recorded under the case it belongs to (applicationId, else childId, else the clock probe's
 * probeId) and completed. The due-date step answers as the service's DueDateWorker does, in its
 * format, but counting calendar days only (no holiday calendar): N days counted from the day after
 * the engine time {@code start} in China's time zone, ending at 00:00 (+08:00) after day N. A job is
 * recorded only once its completion was accepted.
 */
final class JourneyWorkers implements AutoCloseable {

  static final String DUE_DATE = "anjia.deadlines.due-date";
  static final String MARK_AVAILABLE = "anjia.children.mark-available";
  static final String RECORD_CLAIM = "anjia.children.record-claim";
  static final String PLACEMENT_REFUSED = "anjia.children.placement-refused";
  static final String RECORD_REJECTION = "anjia.adoption.record-rejection";
  static final String REGISTER = "anjia.adoption.register";
  static final String REGISTER_DISSOLUTION = "anjia.adoption.register-dissolution";
  static final String RECORD_DISSOLUTION_REFUSAL = "anjia.adoption.record-dissolution-refusal";
  static final String REMIND = "anjia.task.remind";
  static final String ESCALATE = "anjia.task.escalate";
  static final String CLOCK_PROBE = "anjia.test.clock-probe";

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The production defaults of anjia.deadlines.periods (registry-service application.yaml), in calendar days. */
  static final Map<String, Integer> PERIOD_DAYS = Map.of(
      "public-notice", 60,
      "assessment-report", 60,
      "integration-period", 30,
      "registrar-review", 30,
      "dissolution-registration", 30);

  /** What a worker got, and the variables it completed the job with. */
  record Job(long key, String type, long processInstanceKey, String elementId, Map<String, String> headers,
      Map<String, Object> variables, Map<String, Object> result) {}

  private final Map<String, List<Job>> jobsByCase = new ConcurrentHashMap<>();
  private final List<JobWorker> workers = new ArrayList<>();

  JourneyWorkers(CamundaClient client) {
    for (String type : List.of(DUE_DATE, MARK_AVAILABLE, RECORD_CLAIM, PLACEMENT_REFUSED, RECORD_REJECTION, REGISTER,
        REGISTER_DISSOLUTION, RECORD_DISSOLUTION_REFUSAL, REMIND, ESCALATE, CLOCK_PROBE)) {
      workers.add(client.newWorker()
          .jobType(type)
          .handler(this::handle)
          .name("adoption-journey-test")
          .timeout(Duration.ofMinutes(1))
          .streamEnabled(true)
          .pollInterval(Duration.ofMillis(100))
          .open());
    }
  }

  private void handle(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, String> headers = Map.copyOf(job.getCustomHeaders());
    String caseKey = caseKey(variables);
    if (job.getType().equals(DUE_DATE) && !PERIOD_DAYS.containsKey(headers.get("deadline"))) {
      client.newFailCommand(job).retries(0)
          .errorMessage("No legal period '" + headers.get("deadline") + "' configured: " + PERIOD_DAYS.keySet())
          .send().join();
      record(caseKey, job, headers, variables, Map.of());
      return;
    }
    Map<String, Object> result = job.getType().equals(DUE_DATE)
        ? Map.of(headers.get("variable"), dueAt(String.valueOf(variables.get("start")), headers.get("deadline")))
        : Map.of();
    // recorded once the engine accepted the completion: a test that saw the job may move on at once
    client.newCompleteCommand(job).variables(result).send().join();
    record(caseKey, job, headers, variables, result);
  }

  private void record(String caseKey, ActivatedJob job, Map<String, String> headers, Map<String, Object> variables,
      Map<String, Object> result) {
    jobsByCase.computeIfAbsent(caseKey, id -> new CopyOnWriteArrayList<>())
        .add(new Job(job.getKey(), job.getType(), job.getProcessInstanceKey(), job.getElementId(), headers, variables,
            result));
  }

  private static String caseKey(Map<String, Object> variables) {
    for (String name : List.of("applicationId", "childId", "probeId")) {
      if (variables.get(name) != null) {
        return String.valueOf(variables.get(name));
      }
    }
    return "";
  }

  /** The end of the named period started at the engine time {@code start}, as the service words it. */
  static String dueAt(String start, String deadline) {
    int days = PERIOD_DAYS.get(deadline);
    ZonedDateTime end = parseEngineTime(start).atZoneSameInstant(CHINA).toLocalDate()
        .plusDays(days + 1L).atStartOfDay(CHINA);
    return end.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** FEEL's now() as the engine serialises it, e.g. 2026-11-22T13:43:55.423Z[Etc/UTC], in UTC. */
  static OffsetDateTime parseEngineTime(String engineTime) {
    Instant instant = ZonedDateTime.parse(engineTime.trim(), DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** The jobs of this type that ran for the case so far. */
  List<Job> jobs(String caseKey, String type) {
    return jobsByCase.getOrDefault(caseKey, List.of()).stream().filter(job -> job.type().equals(type)).toList();
  }

  /** Waits (bounded) for the n-th (1-based) job of this type for the case. */
  Job awaitJob(String caseKey, String type, int n) {
    return ExportedRecords.await(() -> {
      List<Job> jobs = jobs(caseKey, type);
      return jobs.size() >= n ? Optional.of(jobs.get(n - 1)) : Optional.empty();
    }, "job #" + n + " of type " + type + " for " + caseKey);
  }

  Job awaitJob(String caseKey, String type) {
    return awaitJob(caseKey, type, 1);
  }

  /** Waits (bounded) for the first job of this type at this element for the case. */
  Job awaitJobAt(String caseKey, String type, String elementId) {
    return ExportedRecords.await(() -> jobs(caseKey, type).stream()
            .filter(job -> job.elementId().equals(elementId)).findFirst(),
        "job of type " + type + " at " + elementId + " for " + caseKey);
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}

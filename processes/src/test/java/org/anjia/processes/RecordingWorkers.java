package org.anjia.processes;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anjia.runtime.ExportedRecords;

/**
 * Stands in for the registry service's job workers: every job of the qualification process is
 * recorded (by the application it belongs to) and completed, except the register entry of an
 * application marked as failing, which fails with no retries left so that an incident is raised.
 */
final class RecordingWorkers implements AutoCloseable {

  static final String ENTER_REGISTER = "anjia.foster.enter-register";
  static final String RECORD_REJECTION = "anjia.foster.record-rejection";
  static final String REMIND = "anjia.task.remind";
  static final String ESCALATE = "anjia.task.escalate";

  /** What a worker got: the job's type, instance, element, headers and variables. */
  record Job(long key, String type, long processInstanceKey, String elementId, Map<String, String> headers,
      Map<String, Object> variables, boolean failed) {}

  private final Map<String, List<Job>> jobsByApplication = new ConcurrentHashMap<>();
  private final Set<String> failingRegisterEntries = ConcurrentHashMap.newKeySet();
  private final List<JobWorker> workers = new ArrayList<>();

  RecordingWorkers(CamundaClient client) {
    for (String type : List.of(ENTER_REGISTER, RECORD_REJECTION, REMIND, ESCALATE)) {
      workers.add(client.newWorker()
          .jobType(type)
          .handler(this::handle)
          .name("process-test")
          .timeout(Duration.ofMinutes(1))
          .streamEnabled(true)
          .pollInterval(Duration.ofMillis(100))
          .open());
    }
  }

  /** From now on, entering this application in the register fails and raises an incident. */
  void failRegisterEntryOf(String applicationId) {
    failingRegisterEntries.add(applicationId);
  }

  void stopFailingRegisterEntryOf(String applicationId) {
    failingRegisterEntries.remove(applicationId);
  }

  private void handle(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    String applicationId = String.valueOf(variables.get("applicationId"));
    boolean fail = job.getType().equals(ENTER_REGISTER) && failingRegisterEntries.contains(applicationId);
    jobsByApplication.computeIfAbsent(applicationId, id -> new CopyOnWriteArrayList<>())
        .add(new Job(job.getKey(), job.getType(), job.getProcessInstanceKey(), job.getElementId(),
            Map.copyOf(job.getCustomHeaders()), variables, fail));
    if (fail) {
      client.newFailCommand(job).retries(0)
          .errorMessage("Foster register unavailable for application " + applicationId)
          .send().join();
    } else {
      client.newCompleteCommand(job).send().join();
    }
  }

  /** The jobs of this type that ran for the application so far. */
  List<Job> jobs(String applicationId, String type) {
    return jobsByApplication.getOrDefault(applicationId, List.of()).stream()
        .filter(job -> job.type().equals(type))
        .toList();
  }

  /** Waits (bounded) for the n-th (1-based) job of this type for the application. */
  Job awaitJob(String applicationId, String type, int n) {
    return ExportedRecords.await(() -> {
      List<Job> jobs = jobs(applicationId, type);
      return jobs.size() >= n ? Optional.of(jobs.get(n - 1)) : Optional.empty();
    }, "job #" + n + " of type " + type + " for application " + applicationId);
  }

  Job awaitJob(String applicationId, String type) {
    return awaitJob(applicationId, type, 1);
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}

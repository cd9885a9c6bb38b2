package org.anjia.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.anjia.runtime.ExportedRecords;
import org.anjia.runtime.ExportedRecords.Incident;
import org.anjia.runtime.ExportedRecords.UserTask;
import org.anjia.runtime.TestStack;
import org.anjia.runtime.ZeebeBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged exporter inside the real Zeebe 8.6 broker (TestStack: the jar the build copied to
 * .runtime/, a real PostgreSQL), across a broker restart.
 *
 * <p>Before the restart, {@link #scenarioThenRestart()} builds a known state: open, assigned,
 * completed and canceled user tasks, an active incident, and instances that are active, completed
 * and terminated. It snapshots the projection, restarts the broker (its state survives; the exporter
 * is opened again and the broker re-sends what it had not acknowledged in a snapshot), then starts a
 * marker instance and waits for its task: the exporter works in log order, so once the marker is
 * projected, every re-sent record has been through the exporter. The tests then compare.
 *
 * <p>The broker takes its first snapshot after 5 minutes, so at this restart it recovers "from
 * snapshot at position -1" (broker log) and re-sends every record since its start: the whole
 * projection is replayed over itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExporterInBrokerIT {

  private static final String PROCESS_ID = "exporter-it-two-tasks";
  private static final String INCIDENT_PROCESS_ID = "exporter-it-incident";
  private static final String FAILING_JOB_TYPE = "exporter-it.fails";
  private static final String FORM_ID = "exporter-it-form";
  private static final String ASSIGNEE = "wang.fang";
  private static final String ERROR_MESSAGE = "register service unreachable (exporter IT)";

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_ExporterIt"
          targetNamespace="urn:anjia:exporter-it">
        <bpmn:process id="%s" isExecutable="true">
          <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:userTask id="First" name="First">
            <bpmn:extensionElements>
              <zeebe:userTask />
              <zeebe:formDefinition formId="%s" />
              <zeebe:assignmentDefinition candidateGroups="caseworker" />
              <zeebe:taskSchedule dueDate="=firstDue" />
            </bpmn:extensionElements>
            <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:userTask id="Second" name="Second">
            <bpmn:extensionElements>
              <zeebe:userTask />
              <zeebe:formDefinition formId="%s" />
              <zeebe:assignmentDefinition candidateGroups="assessor, director" />
              <zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)" />
            </bpmn:extensionElements>
            <bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:endEvent id="End"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="First" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="First" targetRef="Second" />
          <bpmn:sequenceFlow id="Flow_3" sourceRef="Second" targetRef="End" />
        </bpmn:process>
        <bpmn:process id="%s" isExecutable="true">
          <bpmn:startEvent id="IncidentStart"><bpmn:outgoing>Flow_4</bpmn:outgoing></bpmn:startEvent>
          <bpmn:serviceTask id="Fail" name="Fail">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="%s" retries="1" />
            </bpmn:extensionElements>
            <bpmn:incoming>Flow_4</bpmn:incoming><bpmn:outgoing>Flow_5</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:endEvent id="IncidentEnd"><bpmn:incoming>Flow_5</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_4" sourceRef="IncidentStart" targetRef="Fail" />
          <bpmn:sequenceFlow id="Flow_5" sourceRef="Fail" targetRef="IncidentEnd" />
        </bpmn:process>
      </bpmn:definitions>
      """.formatted(PROCESS_ID, FORM_ID, FORM_ID, INCIDENT_PROCESS_ID, FAILING_JOB_TYPE);

  private static final String FORM = """
      {"id": "%s", "type": "default", "schemaVersion": 16,
       "components": [{"type": "textfield", "key": "note", "label": "Note"}]}
      """.formatted(FORM_ID);

  private static final String USER_TASK_ROWS = """
      select user_task_key, partition_id, position, state, element_id, element_instance_key,
             process_instance_key, process_definition_key, bpmn_process_id, form_key, assignee,
             candidate_groups, due_date, custom_headers::text as custom_headers, created_at,
             completed_at, canceled_at, updated_at
      from engine.user_task where process_instance_key = any(?) order by user_task_key""";
  private static final String PROCESS_INSTANCE_ROWS = """
      select * from engine.process_instance where process_instance_key = any(?)
      order by process_instance_key""";
  private static final String INCIDENT_ROWS = """
      select * from engine.incident where process_instance_key = any(?) order by incident_key""";

  private static CamundaClient client;
  private static ExportedRecords exported;
  private static Db db;

  // the instances of the scenario
  private static long openInstance; // First open
  private static long assignedInstance; // First open, assigned
  private static long advancedInstance; // First completed, Second open
  private static long canceledInstance; // First canceled, instance terminated
  private static long completedInstance; // both completed, instance completed
  private static long incidentInstance; // job failed without retries
  private static long markerInstance; // started after the restart

  private static Long[] scenarioInstances;
  private static List<Map<String, Object>> userTasksBefore;
  private static List<Map<String, Object>> instancesBefore;
  private static List<Map<String, Object>> incidentsBefore;
  private static Map<String, Long> tableCountsBefore;
  private static long incidentJobKey;

  @BeforeAll
  static void scenarioThenRestart() {
    TestStack stack = TestStack.get();
    client = newClient(stack.broker());
    exported = stack.exported();
    db = new Db(stack.jdbcUrl());

    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceStringUtf8(BPMN, "exporter-it.bpmn")
        .addResourceStringUtf8(FORM, "exporter-it.form")
        .send().join();
    assertThat(deployment.getProcesses()).hasSize(2);

    openInstance = start("it-open", "2030-01-01T09:00:00Z");
    assignedInstance = start("it-assigned", "2030-01-02T09:00:00+08:00");
    advancedInstance = start("it-advanced", "2030-01-03T09:00:00Z");
    canceledInstance = start("it-canceled", "2030-01-04T09:00:00Z");
    completedInstance = start("it-completed", "2030-01-05T09:00:00Z");
    for (long instance : List.of(openInstance, assignedInstance, advancedInstance, canceledInstance,
        completedInstance)) {
      exported.awaitOpenTask(instance, "First");
    }

    long assignedTask = exported.awaitOpenTask(assignedInstance, "First").key();
    client.newAssignUserTaskCommand(assignedTask).assignee(ASSIGNEE).send().join();
    ExportedRecords.await(() -> exported.userTasks(assignedInstance).stream()
        .filter(task -> ASSIGNEE.equals(task.assignee())).findFirst(), "assignee projected");

    complete(exported.awaitOpenTask(advancedInstance, "First"));
    exported.awaitOpenTask(advancedInstance, "Second");

    client.newCancelInstanceCommand(canceledInstance).send().join();
    exported.awaitProcessInstanceState(canceledInstance, "TERMINATED");

    complete(exported.awaitOpenTask(completedInstance, "First"));
    complete(exported.awaitOpenTask(completedInstance, "Second"));
    exported.awaitProcessInstanceState(completedInstance, "COMPLETED");

    incidentInstance = client.newCreateInstanceCommand().bpmnProcessId(INCIDENT_PROCESS_ID).latestVersion()
        .variables(Map.of("applicationId", "it-incident")).send().join().getProcessInstanceKey();
    ActivatedJob job = awaitJob(incidentInstance);
    incidentJobKey = job.getKey();
    client.newFailCommand(job).retries(0).errorMessage(ERROR_MESSAGE).send().join();
    exported.awaitActiveIncident(incidentInstance);

    scenarioInstances = new Long[] {openInstance, assignedInstance, advancedInstance, canceledInstance,
        completedInstance, incidentInstance};
    userTasksBefore = db.rows(USER_TASK_ROWS, (Object) scenarioInstances);
    instancesBefore = db.rows(PROCESS_INSTANCE_ROWS, (Object) scenarioInstances);
    incidentsBefore = db.rows(INCIDENT_ROWS, (Object) scenarioInstances);
    tableCountsBefore = tableCounts();

    stack.broker().restart();

    markerInstance = start("it-marker", "2030-02-01T09:00:00Z");
    exported.awaitOpenTask(markerInstance, "First");
  }

  @AfterAll
  static void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  @Order(1)
  void openTasksAreTheSameAfterTheRestart() {
    List<UserTask> open = openTasks();

    assertThat(open).extracting(UserTask::processInstanceKey, UserTask::elementId, UserTask::assignee,
            UserTask::candidateGroups, UserTask::dueDate)
        .containsExactly(
            tuple(openInstance, "First", null, List.of("caseworker"), at("2030-01-01T09:00:00Z")),
            tuple(assignedInstance, "First", ASSIGNEE, List.of("caseworker"), at("2030-01-02T01:00:00Z")),
            tuple(advancedInstance, "Second", null, List.of("assessor", "director"),
                dueOf(advancedInstance, "Second")));
    assertThat(open).extracting(UserTask::key).containsExactlyElementsOf(userTasksBefore.stream()
        .filter(row -> row.get("state").equals("CREATED")).map(row -> (Long) row.get("user_task_key")).toList());
    assertThat(open).allSatisfy(task -> assertThat(task.formKey()).isNotNull());
    assertThat(db.rows("select form_id from engine.form where form_key = ?", open.get(0).formKey()))
        .containsExactly(Map.of("form_id", FORM_ID));
  }

  @Test
  @Order(2)
  void completedAndCanceledTasksKeepTheirStateAfterTheRestart() {
    assertThat(exported.userTasks(advancedInstance)).extracting(UserTask::elementId, UserTask::state)
        .containsExactly(tuple("First", "COMPLETED"), tuple("Second", "CREATED"));
    assertThat(exported.userTasks(completedInstance)).extracting(UserTask::elementId, UserTask::state)
        .containsExactly(tuple("First", "COMPLETED"), tuple("Second", "COMPLETED"));
    assertThat(exported.userTasks(canceledInstance)).extracting(UserTask::elementId, UserTask::state)
        .containsExactly(tuple("First", "CANCELED"));
  }

  @Test
  @Order(3)
  void theReplayChangesNoRowAndDuplicatesNone() {
    assertThat(db.rows(USER_TASK_ROWS, (Object) scenarioInstances)).isEqualTo(userTasksBefore);
    assertThat(db.rows(PROCESS_INSTANCE_ROWS, (Object) scenarioInstances)).isEqualTo(instancesBefore);
    assertThat(db.rows(INCIDENT_ROWS, (Object) scenarioInstances)).isEqualTo(incidentsBefore);

    // keys are primary keys, so a duplicate would be a second key for the same element instance
    assertThat(db.rows("""
        select element_instance_key from engine.user_task group by element_instance_key
        having count(*) > 1""")).isEmpty();

    // after the restart only the marker instance was added: one instance, one user task, no incident
    Map<String, Long> after = tableCounts();
    assertThat(after.get("user_task")).isEqualTo(tableCountsBefore.get("user_task") + 1);
    assertThat(after.get("process_instance")).isEqualTo(tableCountsBefore.get("process_instance") + 1);
    assertThat(after.get("incident")).isEqualTo(tableCountsBefore.get("incident"));
    assertThat(after.get("form")).isEqualTo(tableCountsBefore.get("form"));
    assertThat(db.rows("select count(*) as n from engine.variable where process_instance_key = any(?)",
        (Object) scenarioInstances))
        .containsExactly(Map.of("n", tableCountsBefore.get("variable")));
  }

  @Test
  @Order(4)
  void incidentsAndInstanceStatesAreProjected() {
    Incident incident = exported.awaitActiveIncident(incidentInstance);
    assertThat(incident.elementId()).isEqualTo("Fail");
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo(ERROR_MESSAGE);
    assertThat(db.rows("select job_key from engine.incident where incident_key = ?", incident.key()))
        .containsExactly(Map.of("job_key", incidentJobKey));

    assertThat(exported.processInstanceState(openInstance)).contains("ACTIVE");
    assertThat(exported.processInstanceState(advancedInstance)).contains("ACTIVE");
    assertThat(exported.processInstanceState(incidentInstance)).contains("ACTIVE");
    assertThat(exported.processInstanceState(canceledInstance)).contains("TERMINATED");
    assertThat(exported.processInstanceState(completedInstance)).contains("COMPLETED");
    assertThat(db.rows("""
            select business_key, bpmn_process_id, started_at is not null as started, ended_at is not null as ended
            from engine.process_instance where process_instance_key = ?""", completedInstance))
        .containsExactly(Map.of("business_key", "it-completed", "bpmn_process_id", PROCESS_ID,
            "started", true, "ended", true));
  }

  @Test
  @Order(5)
  void newWorkAfterTheRestartIsProjected() {
    // a task assigned before the restart is completed after it: the next one opens
    complete(exported.awaitOpenTask(assignedInstance, "First"));
    UserTask second = exported.awaitOpenTask(assignedInstance, "Second");
    assertThat(second.candidateGroups()).containsExactly("assessor", "director");
    assertThat(second.assignee()).isNull();

    complete(exported.awaitOpenTask(advancedInstance, "Second"));
    exported.awaitProcessInstanceState(advancedInstance, "COMPLETED");

    // the incident raised before the restart is resolved after it
    Incident incident = exported.awaitActiveIncident(incidentInstance);
    client.newUpdateRetriesCommand(incidentJobKey).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();
    ExportedRecords.await(() -> exported.incidents(incidentInstance).stream()
        .filter(i -> i.key() == incident.key() && i.state().equals("RESOLVED")).findFirst(), "resolved incident");
    client.newCompleteCommand(awaitJob(incidentInstance)).send().join();
    exported.awaitProcessInstanceState(incidentInstance, "COMPLETED");

    assertThat(db.rows("select count(*) as n from engine.user_task where process_instance_key = any(?)",
        (Object) scenarioInstances))
        .as("one new task (Second of the assigned instance)")
        .containsExactly(Map.of("n", (long) userTasksBefore.size() + 1));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static CamundaClient newClient(ZeebeBroker broker) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create(broker.grpcAddress()))
        .restAddress(broker.restAddress())
        .preferRestOverGrpc(false) // required against the 8.6 broker (runtime.md)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static long start(String applicationId, String firstDue) {
    return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(Map.of("applicationId", applicationId, "firstDue", firstDue))
        .send().join().getProcessInstanceKey();
  }

  private static void complete(UserTask task) {
    client.newCompleteUserTaskCommand(task.key()).variables(Map.of("note", "done " + task.elementId()))
        .send().join();
  }

  /** Activates the failing service task's job of this instance (bounded wait). */
  private static ActivatedJob awaitJob(long processInstanceKey) {
    return ExportedRecords.await(() -> {
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(FAILING_JOB_TYPE).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs();
      return jobs.stream().filter(job -> job.getProcessInstanceKey() == processInstanceKey).findFirst();
    }, "job " + FAILING_JOB_TYPE + " of instance " + processInstanceKey);
  }

  /** The open user tasks of the instances that existed before the restart. */
  private static List<UserTask> openTasks() {
    return Arrays.stream(scenarioInstances)
        .flatMap(instance -> exported.userTasks(instance).stream())
        .filter(task -> task.state().equals("CREATED"))
        .sorted(Comparator.comparingLong(UserTask::key))
        .toList();
  }

  private static OffsetDateTime at(String isoInstant) {
    return Instant.parse(isoInstant).atOffset(ZoneOffset.UTC);
  }

  private static OffsetDateTime dueOf(long instance, String elementId) {
    Instant due = userTasksBefore.stream()
        .filter(row -> row.get("process_instance_key").equals(instance) && row.get("element_id").equals(elementId))
        .map(row -> (Instant) row.get("due_date"))
        .findFirst().orElseThrow();
    return due.atOffset(ZoneOffset.UTC);
  }

  private static Map<String, Long> tableCounts() {
    return Map.of(
        "user_task", db.count("engine.user_task"),
        "process_instance", db.count("engine.process_instance"),
        "incident", db.count("engine.incident"),
        "form", db.count("engine.form"),
        "variable", (Long) db.row("select count(*) as n from engine.variable where process_instance_key = any(?)",
            (Object) scenarioInstances).get("n"));
  }
}

package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the process tests share: the real engine on PostgreSQL ({@link ProcessTestEngine}) through
 * the engine's JUnit 5 extension, a fixed engine clock per test (no test depends on today's date),
 * due jobs run by the test, and every instance a test left running deleted after it.
 */
abstract class JourneyProcessTest {

  /** Every test starts at this engine time; a Monday in an ordinary week, 10:00 in China. */
  static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.get())
      .build();

  static final RecordingDelegates DELEGATES = ProcessTestEngine.DELEGATES;

  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;
  HistoryService history;

  @BeforeEach
  void services() {
    runtime = ENGINE.getRuntimeService();
    tasks = ENGINE.getTaskService();
    management = ENGINE.getManagementService();
    history = ENGINE.getHistoryService();
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test ended", true, true));
    ClockUtil.reset();
  }

  /** A fresh case key (an application's or a child's id). */
  static String newCaseKey() {
    return UUID.randomUUID().toString();
  }

  /** Starts a process by its start message, correlated by business key, as the service does. */
  ProcessInstance startByMessage(String message, String businessKey, Map<String, Object> variables) {
    return runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateStartMessage();
  }

  /** The open task of that element in the case's instances; fails when there is none. */
  Task task(String businessKey, String elementId) {
    List<Task> open = openTasks(businessKey, elementId);
    assertThat(open).as("open %s of %s", elementId, businessKey).hasSize(1);
    return open.get(0);
  }

  List<Task> openTasks(String businessKey, String elementId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(elementId)
        .initializeFormKeys().list();
  }

  /** The element ids of the case's open tasks. */
  List<String> openTaskIds(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  void complete(String businessKey, String elementId, Map<String, Object> variables) {
    tasks.complete(task(businessKey, elementId).getId(), variables);
  }

  /** An open, unclaimed task offered to that group, with its Camunda Form from its own deployment. */
  void assertOfferedWithForm(Task task, String candidateGroup, String formId) {
    assertThat(candidateGroups(task)).as("candidate groups of " + task.getTaskDefinitionKey())
        .containsExactly(candidateGroup);
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getOperatonFormRef()).as("form of " + task.getTaskDefinitionKey()).isNotNull();
    assertThat(task.getOperatonFormRef().getKey()).isEqualTo(formId);
    assertThat(task.getOperatonFormRef().getBinding()).isEqualTo("deployment");
  }

  /** Candidate groups of a task. */
  List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).sorted().toList();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** An hour passes on the engine clock (no timer of the journeys is due that soon). */
  void later() {
    moveClockTo(now().plus(java.time.Duration.ofHours(1)));
  }

  /** The case's running instance (one per business key in these journeys). */
  ProcessInstance instance(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  /** The case's tasks from history, in the order they were created. */
  List<org.operaton.bpm.engine.history.HistoricTaskInstance> historicTasks(String businessKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey)
        .orderByHistoricActivityInstanceStartTime().asc().list();
  }

  long historicIncidents(String businessKey) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    return history.createHistoricIncidentQuery().processInstanceId(instance.getId()).count();
  }

  /** The one call of that bean for the case. */
  static RecordingDelegates.Call single(String businessKey, String bean) {
    List<RecordingDelegates.Call> calls = DELEGATES.calls(businessKey, bean);
    assertThat(calls).as("calls of %s for %s", bean, businessKey).hasSize(1);
    return calls.get(0);
  }

  /** Moves the engine clock (never back) and runs every job due by then, as the job executor would. */
  void moveClockTo(Instant target) {
    assertThat(target).as("the engine clock only moves forward").isAfterOrEqualTo(ClockUtil.getCurrentTime().toInstant());
    ClockUtil.setCurrentTime(Date.from(target));
    runDueJobs();
  }

  /** Runs the jobs due now until none is left, as the job executor would. */
  void runDueJobs() {
    DueJobs.run(management);
  }

  /** The due date of the case's timer at that boundary event or timer element. */
  Instant timerDue(String businessKey, String elementId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .get(0);
    Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(elementId)
        .singleResult();
    assertThat(timer).as("timer %s of %s", elementId, businessKey).isNotNull();
    return timer.getDuedate().toInstant();
  }

  boolean ended(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0;
  }

  /** The end event the case's instance of that process ended in (from history). */
  String endEvent(String businessKey, String processId) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processId).singleResult();
    assertThat(instance.getEndTime()).as("%s of %s ended", processId, businessKey).isNotNull();
    return instance.getEndActivityId();
  }
}

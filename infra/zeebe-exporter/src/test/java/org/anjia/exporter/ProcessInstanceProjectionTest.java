package org.anjia.exporter;

import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATING;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETING;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.camunda.zeebe.protocol.record.intent.VariableIntent.CREATED;
import static io.camunda.zeebe.protocol.record.intent.VariableIntent.UPDATED;
import static org.anjia.exporter.EngineRecords.PROCESS_INSTANCE_KEY;
import static org.anjia.exporter.EngineRecords.TASK_ELEMENT_INSTANCE_KEY;
import static org.anjia.exporter.EngineRecords.timeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessInstanceProjectionTest extends SharedPostgres {

  private static final long APPLICATION_ID_VARIABLE_KEY = 2251799813685252L;

  private Map<String, Object> instance() {
    return db.row(
        "select * from engine.process_instance where process_instance_key = ?", PROCESS_INSTANCE_KEY);
  }

  @Test
  void activatedProcessIsActiveAndCompletedProcessIsCompleted() throws Exception {
    final var exporter = openExporter();
    final var activating = records.process(ELEMENT_ACTIVATING);
    final var activated = records.process(ELEMENT_ACTIVATED);

    exporter.exportAndFlush(activating, activated);

    assertThat(instance())
        .containsEntry("state", "ACTIVE")
        .containsEntry("bpmn_process_id", "adoption-application")
        .containsEntry("process_definition_key", EngineRecords.PROCESS_DEFINITION_KEY)
        .containsEntry("version", 3)
        .containsEntry("parent_process_instance_key", null)
        .containsEntry("started_at", timeOf(activated))
        .containsEntry("ended_at", null)
        .containsEntry("position", activated.getPosition());

    final var completing = records.process(ELEMENT_COMPLETING);
    final var completed = records.process(ELEMENT_COMPLETED);
    exporter.exportAndFlush(completing, completed);

    assertThat(instance())
        .containsEntry("state", "COMPLETED")
        .containsEntry("started_at", timeOf(activated))
        .containsEntry("ended_at", timeOf(completed));
  }

  @Test
  void terminatedProcessIsTerminated() throws Exception {
    final var activated = records.process(ELEMENT_ACTIVATED);
    final var terminated = records.process(ELEMENT_TERMINATED);

    openExporter().exportAndFlush(activated, terminated);

    assertThat(instance())
        .containsEntry("state", "TERMINATED")
        .containsEntry("ended_at", timeOf(terminated));
  }

  @Test
  void elementsInsideTheProcessAreNotProcessInstances() throws Exception {
    openExporter()
        .exportAndFlush(
            records.taskElement(ELEMENT_ACTIVATED),
            records.event(
                ValueType.PROCESS_INSTANCE,
                ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN,
                TASK_ELEMENT_INSTANCE_KEY + 1,
                EngineRecords.processElement(BpmnElementType.SEQUENCE_FLOW, "flow-1")),
            records.taskElement(ELEMENT_COMPLETED));

    assertThat(db.count("engine.process_instance")).isZero();
  }

  @Test
  void calledProcessKnowsItsParent() throws Exception {
    final long childKey = PROCESS_INSTANCE_KEY + 100;
    openExporter()
        .exportAndFlush(
            records.event(
                ValueType.PROCESS_INSTANCE,
                ELEMENT_ACTIVATED,
                childKey,
                EngineRecords.processElement(BpmnElementType.PROCESS, "home-study")
                    .withBpmnProcessId("home-study")
                    .withProcessInstanceKey(childKey)
                    .withParentProcessInstanceKey(PROCESS_INSTANCE_KEY)
                    .withParentElementInstanceKey(TASK_ELEMENT_INSTANCE_KEY)));

    assertThat(db.row("select * from engine.process_instance where process_instance_key = ?", childKey))
        .containsEntry("bpmn_process_id", "home-study")
        .containsEntry("parent_process_instance_key", PROCESS_INSTANCE_KEY);
  }

  @Test
  void businessKeyComesFromTheApplicationIdVariableOfTheProcessScope() throws Exception {
    // as the engine writes them: the variable is created before the process is ACTIVATED
    openExporter()
        .exportAndFlush(
            records.process(ELEMENT_ACTIVATING),
            records.variable(
                CREATED, APPLICATION_ID_VARIABLE_KEY, PROCESS_INSTANCE_KEY, "applicationId", "\"AJ-2026-0042\""),
            records.process(ELEMENT_ACTIVATED));

    assertThat(instance())
        .containsEntry("business_key", "AJ-2026-0042")
        .containsEntry("state", "ACTIVE")
        .containsEntry("version", 3);
  }

  @Test
  void aChildsPlacementIsKeyedByTheChildIdByDefault() throws Exception {
    openExporter()
        .exportAndFlush(
            records.process(ELEMENT_ACTIVATING),
            records.variable(
                CREATED, APPLICATION_ID_VARIABLE_KEY, PROCESS_INSTANCE_KEY, "childId", "\"7d1c0a52-child\""),
            records.process(ELEMENT_ACTIVATED));

    assertThat(instance()).containsEntry("business_key", "7d1c0a52-child");
  }

  @Test
  void businessKeyIsSetWhenTheVariableArrivesAfterActivationAndFollowsUpdates() throws Exception {
    final var exporter = openExporter();
    exporter.exportAndFlush(records.process(ELEMENT_ACTIVATED));

    exporter.exportAndFlush(
        records.variable(CREATED, APPLICATION_ID_VARIABLE_KEY, PROCESS_INSTANCE_KEY, "applicationId", "\"AJ-1\""));
    assertThat(instance()).containsEntry("business_key", "AJ-1");

    exporter.exportAndFlush(
        records.variable(UPDATED, APPLICATION_ID_VARIABLE_KEY, PROCESS_INSTANCE_KEY, "applicationId", "\"AJ-\\\"2\\\"\""));
    assertThat(instance()).containsEntry("business_key", "AJ-\"2\"");

    exporter.exportAndFlush(records.process(ELEMENT_COMPLETED));
    assertThat(instance()).containsEntry("business_key", "AJ-\"2\"").containsEntry("state", "COMPLETED");
  }

  @Test
  void variablesOfOtherNamesOrInnerScopesDoNotSetTheBusinessKey() throws Exception {
    openExporter()
        .exportAndFlush(
            records.process(ELEMENT_ACTIVATED),
            records.variable(CREATED, 2251799813685253L, PROCESS_INSTANCE_KEY, "applicantName", "\"Wang Fang\""),
            records.variable(
                CREATED, 2251799813685254L, TASK_ELEMENT_INSTANCE_KEY, "applicationId", "\"local-copy\""));

    assertThat(instance()).containsEntry("business_key", null);
  }

  @Test
  void businessKeyVariableNameIsConfigurable() throws Exception {
    final var exporter =
        ExporterUnderTest.open(url, Map.of("businessKeyVariable", "caseNumber"));
    try {
      exporter.exportAndFlush(
          records.process(ELEMENT_ACTIVATED),
          records.variable(CREATED, 2251799813685253L, PROCESS_INSTANCE_KEY, "caseNumber", "4711"));
    } finally {
      exporter.close();
    }

    assertThat(instance()).containsEntry("business_key", "4711");
  }
}

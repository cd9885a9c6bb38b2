package org.anjia.exporter;

import static org.anjia.exporter.EngineRecords.reviewTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import org.junit.jupiter.api.Test;

class BatchingAndAcknowledgementTest extends SharedPostgres {

  @Test
  void onlyEventsOfTheProjectedValueTypesReachTheExporter() throws Exception {
    final var filter = openExporter().context.getRecordFilter();

    assertThat(filter.acceptType(RecordType.EVENT)).isTrue();
    assertThat(filter.acceptType(RecordType.COMMAND)).isFalse();
    assertThat(filter.acceptType(RecordType.COMMAND_REJECTION)).isFalse();
    assertThat(ValueType.values())
        .filteredOn(filter::acceptValue)
        .containsExactlyInAnyOrder(
            ValueType.USER_TASK,
            ValueType.PROCESS_INSTANCE,
            ValueType.INCIDENT,
            ValueType.FORM,
            ValueType.VARIABLE);
  }

  @Test
  void openCreatesTheSchemaAndOpeningAgainIsHarmless() throws Exception {
    openExporter();
    openExporter();

    assertThat(db.rows(
            "select table_name from information_schema.tables where table_schema = 'engine'"
                + " order by table_name"))
        .extracting(row -> row.get("table_name"))
        .containsExactly("exporter_position", "form", "incident", "process_instance", "user_task", "variable");
  }

  @Test
  void aUserTaskIsWrittenAtOnceNotOnTheTimer() throws Exception {
    final var exporter = openExporter();

    exporter.export(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    exporter.controller.runScheduledTasks(java.time.Duration.ZERO);
    assertThat(db.count("engine.process_instance")).as("other records wait for the timer").isZero();

    exporter.export(records.userTask(UserTaskIntent.CREATED, reviewTask()));
    exporter.controller.runScheduledTasks(java.time.Duration.ZERO);

    assertThat(db.count("engine.user_task")).isEqualTo(1);
    assertThat(db.count("engine.process_instance")).as("written in the same transaction").isEqualTo(1);
    assertThat(exporter.acknowledgedPosition()).isEqualTo(2);
  }

  @Test
  void nothingIsAcknowledgedOrWrittenBeforeTheBatchIsFlushed() throws Exception {
    final var exporter = openExporter();

    exporter.export(
        records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED),
        records.userTask(UserTaskIntent.CREATED, reviewTask()));

    assertThat(exporter.acknowledgedPosition()).isEqualTo(-1);
    assertThat(db.count("engine.user_task")).isZero();
    assertThat(db.count("engine.exporter_position")).isZero();

    exporter.tick();

    assertThat(exporter.acknowledgedPosition()).isEqualTo(2);
    assertThat(db.count("engine.user_task")).isEqualTo(1);
    assertThat(db.row("select * from engine.exporter_position"))
        .containsEntry("partition_id", 0) // ExporterTestContext's partition
        .containsEntry("position", 2L);
  }

  @Test
  void fullBatchIsWrittenAndAcknowledgedWithinExport() throws Exception {
    final var exporter = openExporter(3);

    exporter.export(
        records.process(ProcessInstanceIntent.ELEMENT_ACTIVATING),
        records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    assertThat(exporter.acknowledgedPosition()).isEqualTo(-1);

    exporter.export(records.userTask(UserTaskIntent.CREATED, reviewTask()));

    assertThat(exporter.acknowledgedPosition()).isEqualTo(3);
    assertThat(db.count("engine.user_task")).isEqualTo(1);
    assertThat(db.count("engine.process_instance")).isEqualTo(1);
  }

  @Test
  void recordsThatProjectToNothingAreStillAcknowledged() throws Exception {
    final var exporter = openExporter();

    exporter.exportAndFlush(
        records.taskElement(ProcessInstanceIntent.ELEMENT_ACTIVATED),
        records.userTask(UserTaskIntent.CREATING, reviewTask()));

    assertThat(exporter.acknowledgedPosition()).isEqualTo(2);
    assertThat(db.count("engine.user_task")).isZero();
  }

  @Test
  void timerKeepsFlushingEveryInterval() throws Exception {
    final var exporter = openExporter();

    exporter.exportAndFlush(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);

    exporter.exportAndFlush(records.userTask(UserTaskIntent.CREATED, reviewTask()));
    assertThat(exporter.acknowledgedPosition()).isEqualTo(2);

    exporter.tick().tick(); // nothing queued: nothing to do
    exporter.exportAndFlush(records.userTask(UserTaskIntent.ASSIGNED, reviewTask().withAssignee("li.wei")));
    assertThat(exporter.acknowledgedPosition()).isEqualTo(3);
    assertThat(exporter.controller.getScheduledTasks()).filteredOn(task -> !task.wasExecuted()).hasSize(1);
  }

  @Test
  void closeWritesWhatIsQueued() throws Exception {
    final var exporter = openExporter();
    exporter.export(records.userTask(UserTaskIntent.CREATED, reviewTask()));

    exporter.close();

    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);
    assertThat(db.count("engine.user_task")).isEqualTo(1);
    assertThat(exporter.exporter.isConnected()).isFalse();
  }
}

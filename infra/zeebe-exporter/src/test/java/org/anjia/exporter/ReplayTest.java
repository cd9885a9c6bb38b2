package org.anjia.exporter;

import static org.anjia.exporter.EngineRecords.PROCESS_INSTANCE_KEY;
import static org.anjia.exporter.EngineRecords.USER_TASK_KEY;
import static org.anjia.exporter.EngineRecords.reviewTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a broker restart the broker re-sends every record after the last position it had stored as
 * acknowledged, which can be older than what the exporter already committed. A fresh exporter
 * instance with a fresh controller is exactly that situation.
 */
class ReplayTest extends SharedPostgres {

  private static final List<String> TABLES =
      List.of(
          "engine.user_task order by user_task_key",
          "engine.process_instance order by process_instance_key",
          "engine.incident order by incident_key",
          "engine.form order by form_key",
          "engine.variable order by variable_key");

  private List<Record<?>> history;

  @BeforeEach
  void oneApplicationWorthOfRecords() {
    final UserTaskRecordValue assigned = reviewTask().withAssignee("li.wei");
    history =
        List.of(
            records.form("application-review", 1, "{\"components\":[]}"),
            records.process(ProcessInstanceIntent.ELEMENT_ACTIVATING),
            records.variable(VariableIntent.CREATED, 2251799813685252L, PROCESS_INSTANCE_KEY, "applicationId", "\"AJ-7\""),
            records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED),
            records.incident(IncidentIntent.CREATED, 2251799813685280L),
            records.incident(IncidentIntent.RESOLVED, 2251799813685280L),
            records.userTask(UserTaskIntent.CREATED, reviewTask()),
            records.userTask(UserTaskIntent.ASSIGNED, assigned),
            records.variable(VariableIntent.UPDATED, 2251799813685252L, PROCESS_INSTANCE_KEY, "applicationId", "\"AJ-7b\""),
            records.userTask(UserTaskIntent.COMPLETED, assigned),
            records.process(ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  private Map<String, List<Map<String, Object>>> everything() {
    final Map<String, List<Map<String, Object>>> tables = new java.util.LinkedHashMap<>();
    TABLES.forEach(table -> tables.put(table, db.rows("select * from " + table)));
    return tables;
  }

  private void exportAll(final ExporterUnderTest exporter, final List<Record<?>> records) {
    records.forEach(exporter::export);
    exporter.tick();
  }

  @Test
  void replayingEverythingLeavesTheSameRows() throws Exception {
    exportAll(openExporter(), history);
    final var before = everything();
    assertThat(before.values()).allSatisfy(rows -> assertThat(rows).hasSize(1));

    final var restarted = openExporter();
    exportAll(restarted, history);

    assertThat(everything()).isEqualTo(before);
    assertThat(restarted.acknowledgedPosition()).isEqualTo(history.getLast().getPosition());
  }

  @Test
  void replayingTheTailAfterTheLastAcknowledgedPositionLeavesTheSameRows() throws Exception {
    exportAll(openExporter(), history);
    final var before = everything();

    exportAll(openExporter(), history.subList(5, history.size()));

    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void olderRecordReplayedAfterANewerOneDoesNotOverwriteIt() throws Exception {
    exportAll(openExporter(), history);
    final var before = everything();

    // each record alone, oldest first, each in its own batch
    for (final Record<?> record : history) {
      openExporter().exportAndFlush(record);
    }

    assertThat(everything()).isEqualTo(before);
    assertThat(db.row("select state, assignee from engine.user_task where user_task_key = ?", USER_TASK_KEY))
        .containsEntry("state", "COMPLETED")
        .containsEntry("assignee", "li.wei");
    assertThat(db.row("select state, business_key from engine.process_instance"))
        .containsEntry("state", "COMPLETED")
        .containsEntry("business_key", "AJ-7b");
  }

  @Test
  void replayInReverseOrderKeepsTheNewestValues() throws Exception {
    exportAll(openExporter(), history);
    final var before = everything();

    exportAll(openExporter(), history.reversed());

    assertThat(everything()).isEqualTo(before);
  }
}

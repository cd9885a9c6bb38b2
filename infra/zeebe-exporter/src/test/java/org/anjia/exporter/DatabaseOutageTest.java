package org.anjia.exporter;

import static org.anjia.exporter.EngineRecords.reviewTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL of its own that the tests stop and start again (same port, same data): while it is
 * down nothing may be acknowledged, and once it is back every queued record is written once.
 */
class DatabaseOutageTest {

  @TempDir Path dataDirectory;

  private final EngineRecords records = new EngineRecords();
  private int port;
  private EmbeddedPostgres postgres;
  private Db db;
  private ExporterUnderTest exporter;

  @BeforeEach
  void startDatabase() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    startPostgres();
    db = new Db(url());
  }

  @AfterEach
  void stopEverything() throws IOException {
    if (exporter != null) {
      exporter.close();
    }
    stopPostgres();
  }

  private String url() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  private void startPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .start();
  }

  private void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  @Test
  void whileTheDatabaseIsDownNothingIsAcknowledgedAndTheBatchIsWrittenOnceItIsBack()
      throws Exception {
    exporter = ExporterUnderTest.open(url(), 3);
    exporter.exportAndFlush(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);

    stopPostgres();

    final var created = records.userTask(UserTaskIntent.CREATED, reviewTask());
    final var assigned = records.userTask(UserTaskIntent.ASSIGNED, reviewTask().withAssignee("li.wei"));
    exporter.export(created, assigned);
    exporter.tick(); // timer flush fails quietly and is rescheduled
    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);

    // the batch is full: export has to flush, cannot, and throws so that the broker retries
    final Record<?> third = records.process(ProcessInstanceIntent.ELEMENT_COMPLETED);
    assertThatThrownBy(() -> exporter.export(third)).isInstanceOf(ExporterException.class);
    // the broker retries the same record: it is not queued twice
    assertThatThrownBy(() -> exporter.export(third)).isInstanceOf(ExporterException.class);
    exporter.tick();
    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);
    assertThat(exporter.exporter.pendingRecordCount()).isEqualTo(3);
    assertThat(exporter.exporter.isConnected()).isFalse();

    startPostgres();
    exporter.export(third); // the broker's next retry: succeeds, written once

    assertThat(exporter.acknowledgedPosition()).isEqualTo(third.getPosition());
    assertThat(exporter.exporter.pendingRecordCount()).isZero();
    assertThat(db.row("select state, assignee, position from engine.user_task"))
        .containsEntry("state", "CREATED")
        .containsEntry("assignee", "li.wei")
        .containsEntry("position", assigned.getPosition());
    assertThat(db.row("select state from engine.process_instance")).containsEntry("state", "COMPLETED");
    assertThat(db.row("select position from engine.exporter_position"))
        .containsEntry("position", third.getPosition());
  }

  @Test
  void timerWritesTheKeptBatchWhenTheDatabaseComesBack() throws Exception {
    exporter = ExporterUnderTest.open(url());
    stopPostgres();

    exporter.export(
        records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED),
        records.userTask(UserTaskIntent.CREATED, reviewTask()));
    exporter.tick().tick();
    assertThat(exporter.acknowledgedPosition()).isEqualTo(-1);

    startPostgres();
    exporter.tick();

    assertThat(exporter.acknowledgedPosition()).isEqualTo(2);
    assertThat(db.count("engine.user_task")).isEqualTo(1);
    assertThat(db.count("engine.process_instance")).isEqualTo(1);
  }

  @Test
  void exporterOpensWhileTheDatabaseIsDownAndCreatesTheSchemaWhenItComesUp() throws Exception {
    stopPostgres();

    exporter = ExporterUnderTest.open(url()); // does not throw: the broker keeps running
    exporter.exportAndFlush(records.userTask(UserTaskIntent.CREATED, reviewTask()));
    assertThat(exporter.acknowledgedPosition()).isEqualTo(-1);

    startPostgres();
    exporter.tick();

    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);
    assertThat(db.count("engine.user_task")).isEqualTo(1);
  }
}

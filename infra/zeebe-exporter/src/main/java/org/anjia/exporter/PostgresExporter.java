package org.anjia.exporter;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Projects the engine's user tasks, process instances, incidents, forms and variables into the
 * PostgreSQL schema {@code engine} (see {@code engine-schema.sql}).
 *
 * <ul>
 *   <li>{@link #export} queues what a record means as upserts; the queue is written in one
 *       transaction when it holds {@code batchSize} records (synchronously), every
 *       {@code flushIntervalMs} (timer), and right after a user-task record (a zero-delay task on
 *       the exporter's actor: people wait for tasks in the worklist; see infra/bench/REPORT.md). Only after the commit is the batch's last position
 *       acknowledged to the broker, so a record is never lost.
 *   <li>Every upsert is guarded by the record's log position, so the records that the broker
 *       re-sends after a restart (everything after the last acknowledged position) change nothing.
 *   <li>While PostgreSQL is unreachable the batch is kept and nothing is acknowledged; when a
 *       synchronous flush fails, {@code export} throws and the broker retries the same record, which
 *       is then not queued a second time.
 * </ul>
 *
 * <p>The broker calls an exporter from a single thread (its actor), timer tasks included.
 */
public final class PostgresExporter implements Exporter {

  static final Set<ValueType> EXPORTED_VALUE_TYPES =
      EnumSet.of(
          ValueType.USER_TASK,
          ValueType.PROCESS_INSTANCE,
          ValueType.INCIDENT,
          ValueType.FORM,
          ValueType.VARIABLE);

  private static final long FAILURE_LOG_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

  private Logger log;
  private ExporterConfig config;
  private int partitionId;
  private RecordMapper mapper;
  private EngineDatabase database;
  private Controller controller;
  private ScheduledTask flushTask;
  private boolean closed;
  private boolean flushSoonScheduled;

  /** Queued, not yet committed. */
  private final List<SqlWrite> pendingWrites = new ArrayList<>();

  private int pendingRecords;
  private long pendingLastPosition = -1;
  private long lastQueuedPosition = -1;

  private int consecutiveFailures;
  private long lastFailureLoggedAt;

  @Override
  public void configure(final Context context) {
    log = context.getLogger();
    partitionId = context.getPartitionId();
    config =
        ExporterConfig.fromArguments(
            context.getConfiguration().getArguments(),
            (name, value) -> log.warn("Ignoring unknown exporter argument '{}'", name));
    mapper = new RecordMapper(config.businessKeyVariable(), log);
    context.setFilter(
        new Context.RecordFilter() {
          @Override
          public boolean acceptType(final RecordType recordType) {
            return recordType == RecordType.EVENT;
          }

          @Override
          public boolean acceptValue(final ValueType valueType) {
            return EXPORTED_VALUE_TYPES.contains(valueType);
          }
        });
  }

  @Override
  public void open(final Controller controller) {
    this.controller = controller;
    database = new EngineDatabase(config, partitionId);
    lastQueuedPosition = controller.getLastExportedRecordPosition();
    try {
      database.connection();
      log.info(
          "Exporting to PostgreSQL {} (partition {}, batch size {}, flush interval {} ms)",
          config.url(), partitionId, config.batchSize(), config.flushIntervalMs());
    } catch (final SQLException | RuntimeException e) {
      // Not fatal: the broker keeps running, and every flush tries to connect again.
      log.warn(
          "Cannot reach PostgreSQL {} yet (partition {}); will retry on every flush: {}",
          config.url(), partitionId, e.toString());
    }
    scheduleFlush();
  }

  @Override
  public void export(final Record<?> record) {
    if (record.getPosition() > lastQueuedPosition) {
      // the broker re-sends a record whose export threw: it is queued already
      pendingWrites.addAll(mapper.map(record));
      pendingRecords++;
      pendingLastPosition = record.getPosition();
      lastQueuedPosition = record.getPosition();
    }
    if (record.getValueType() == ValueType.USER_TASK && !flushSoonScheduled) {
      // people wait for user tasks in the worklist: flush right after this record, not on the timer
      flushSoonScheduled = true;
      controller.scheduleCancellableTask(Duration.ZERO, this::flushSoon);
    }
    if (pendingRecords >= config.batchSize()) {
      try {
        flush();
      } catch (final SQLException | RuntimeException e) {
        throw new ExporterException(
            "Could not write %d records (up to position %d) to PostgreSQL; will retry"
                .formatted(pendingRecords, pendingLastPosition),
            e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    if (flushTask != null) {
      flushTask.cancel();
    }
    try {
      flush();
    } catch (final SQLException | RuntimeException e) {
      log.warn(
          "Closing with {} records not written to PostgreSQL; the broker re-sends them on the next open",
          pendingRecords);
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  /**
   * Writes the queue in one transaction, then acknowledges its last position. On failure the queue
   * is kept, nothing is acknowledged, and the connection is dropped so the next attempt reconnects.
   */
  void flush() throws SQLException {
    if (pendingRecords == 0) {
      return;
    }
    try {
      database.write(pendingWrites, partitionId, pendingLastPosition);
    } catch (final SQLException | RuntimeException e) {
      logFailure(e);
      throw e;
    }
    if (consecutiveFailures > 0) {
      log.info("Writing to PostgreSQL again after {} failed attempts", consecutiveFailures);
      consecutiveFailures = 0;
    }
    controller.updateLastExportedRecordPosition(pendingLastPosition);
    pendingWrites.clear();
    pendingRecords = 0;
  }

  private void scheduleFlush() {
    flushTask =
        controller.scheduleCancellableTask(
            Duration.ofMillis(config.flushIntervalMs()), this::flushOnTimer);
  }

  private void flushOnTimer() {
    flushQuietly();
    if (!closed) {
      scheduleFlush();
    }
  }

  private void flushSoon() {
    flushSoonScheduled = false;
    flushQuietly();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (final SQLException | RuntimeException e) {
      // logged in flush(); the queue is kept for the next attempt
    }
  }

  /** The first failure in a row is logged with its stack trace, then one line every 30 s. */
  private void logFailure(final Exception e) {
    consecutiveFailures++;
    final long now = System.nanoTime();
    if (consecutiveFailures == 1) {
      lastFailureLoggedAt = now;
      log.warn(
          "Could not write {} records (up to position {}) to PostgreSQL {}; keeping them, nothing"
              + " acknowledged, retrying",
          pendingRecords, pendingLastPosition, config.url(), e);
    } else if (now - lastFailureLoggedAt >= FAILURE_LOG_INTERVAL_NANOS) {
      lastFailureLoggedAt = now;
      log.warn(
          "Still cannot write to PostgreSQL after {} attempts ({} records waiting): {}",
          consecutiveFailures, pendingRecords, e.toString());
    } else {
      log.debug("PostgreSQL write attempt {} failed: {}", consecutiveFailures, e.toString());
    }
  }

  // visible for tests
  int pendingRecordCount() {
    return pendingRecords;
  }

  boolean isConnected() {
    return database != null && database.isConnected();
  }
}

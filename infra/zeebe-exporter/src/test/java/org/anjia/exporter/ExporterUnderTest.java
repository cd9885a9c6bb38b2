package org.anjia.exporter;

import io.camunda.zeebe.exporter.test.ExporterTestConfiguration;
import io.camunda.zeebe.exporter.test.ExporterTestContext;
import io.camunda.zeebe.exporter.test.ExporterTestController;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One exporter instance driven the way the broker drives it: configure, open, export, timer ticks,
 * close. A new instance with a new controller is what the broker has after a restart.
 */
final class ExporterUnderTest implements AutoCloseable {

  static final long FLUSH_INTERVAL_MS = 100;

  final ExporterTestContext context = new ExporterTestContext();
  final ExporterTestController controller = new ExporterTestController();
  final PostgresExporter exporter = new PostgresExporter();

  private ExporterUnderTest(final Map<String, Object> arguments) throws Exception {
    context.setConfiguration(new ExporterTestConfiguration<>("anjia", arguments, args -> args));
    exporter.configure(context);
    exporter.open(controller);
  }

  /** Opened against {@code jdbcUrl} with a batch size large enough that only the timer flushes. */
  static ExporterUnderTest open(final String jdbcUrl) throws Exception {
    return open(jdbcUrl, 100);
  }

  static ExporterUnderTest open(final String jdbcUrl, final int batchSize) throws Exception {
    return open(jdbcUrl, Map.of("batchSize", batchSize));
  }

  /** Opened with the test defaults, overridden by {@code arguments}. */
  static ExporterUnderTest open(final String jdbcUrl, final Map<String, Object> arguments)
      throws Exception {
    final Map<String, Object> all = new HashMap<>();
    all.put("url", jdbcUrl);
    all.put("username", "postgres");
    all.put("batchSize", 100);
    all.put("flushIntervalMs", FLUSH_INTERVAL_MS);
    all.putAll(arguments);
    return new ExporterUnderTest(all);
  }

  ExporterUnderTest export(final Record<?>... records) {
    for (final Record<?> record : records) {
      exporter.export(record);
    }
    return this;
  }

  /** Lets one flush interval pass: the scheduled flush runs. */
  ExporterUnderTest tick() {
    controller.runScheduledTasks(Duration.ofMillis(FLUSH_INTERVAL_MS));
    return this;
  }

  /** Exports and lets the timer flush them. */
  ExporterUnderTest exportAndFlush(final Record<?>... records) {
    return export(records).tick();
  }

  /** The position the broker may consider exported (-1: none). */
  long acknowledgedPosition() {
    return controller.getPosition();
  }

  @Override
  public void close() {
    exporter.close();
  }
}

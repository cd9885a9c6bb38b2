package org.anjia.exporter;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that need a running PostgreSQL: one real server for the whole test JVM, an empty
 * database (no {@code engine} schema) before each test, and the test's exporters closed after it.
 */
abstract class SharedPostgres {

  private static EmbeddedPostgres postgres;

  protected final EngineRecords records = new EngineRecords();
  protected String url;
  protected Db db;
  private final List<ExporterUnderTest> exporters = new ArrayList<>();

  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (final IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      final EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
    }
    return postgres;
  }

  @BeforeEach
  void emptyDatabase() {
    url = "jdbc:postgresql://localhost:" + postgres().getPort() + "/postgres";
    db = new Db(url);
    db.execute("drop schema if exists engine cascade");
  }

  @AfterEach
  void closeExporters() {
    exporters.forEach(ExporterUnderTest::close);
  }

  /** An exporter as after a broker (re)start: fresh instance, nothing acknowledged. */
  protected ExporterUnderTest openExporter() throws Exception {
    return track(ExporterUnderTest.open(url));
  }

  protected ExporterUnderTest openExporter(final int batchSize) throws Exception {
    return track(ExporterUnderTest.open(url, batchSize));
  }

  private ExporterUnderTest track(final ExporterUnderTest exporter) {
    exporters.add(exporter);
    return exporter;
  }

  private static void closeQuietly(final EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (final IOException ignored) {
      // JVM is exiting
    }
  }
}

package org.anjia.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The exporter's one JDBC connection to PostgreSQL, opened lazily, dropped on any failure and opened
 * again on the next attempt. Not thread-safe: the broker calls an exporter from one thread.
 */
final class EngineDatabase implements AutoCloseable {

  static final String SCHEMA_RESOURCE = "engine-schema.sql";

  /** Serialises the DDL of the partitions' exporters, which open at the same time. */
  private static final long SCHEMA_LOCK_ID = 0x616e6a6961L; // "anjia"

  private static final String SAVE_POSITION =
      """
      insert into engine.exporter_position as e (partition_id, position, updated_at)
      values (?, ?, now())
      on conflict (partition_id) do update set
        position = excluded.position, updated_at = excluded.updated_at
      where e.position < excluded.position""";

  private final ExporterConfig config;
  private final String applicationName;
  private Connection connection;
  private boolean schemaReady;

  EngineDatabase(final ExporterConfig config, final int partitionId) {
    this.config = config;
    applicationName = "anjia-zeebe-exporter-p" + partitionId;
  }

  /** Connects (if not connected) and makes sure the schema exists. */
  Connection connection() throws SQLException {
    if (connection == null) {
      connection = connect();
    }
    if (!schemaReady) {
      try {
        createSchema(connection);
      } catch (final SQLException | RuntimeException e) {
        close();
        throw e;
      }
      schemaReady = true;
    }
    return connection;
  }

  /**
   * Applies the writes in order and records the exporter position, all in one transaction. On any
   * failure the transaction is rolled back, the connection dropped and the exception rethrown.
   */
  void write(final List<SqlWrite> writes, final int partitionId, final long position)
      throws SQLException {
    try {
      final Connection c = connection();
      int i = 0;
      while (i < writes.size()) {
        // consecutive writes with the same SQL go in one JDBC batch; order is kept
        final String sql = writes.get(i).sql();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
          int count = 0;
          while (i < writes.size() && writes.get(i).sql().equals(sql)) {
            writes.get(i).bind(statement);
            statement.addBatch();
            i++;
            count++;
          }
          if (count == 1) {
            statement.executeUpdate();
          } else {
            statement.executeBatch();
          }
        }
      }
      try (PreparedStatement statement = c.prepareStatement(SAVE_POSITION)) {
        statement.setInt(1, partitionId);
        statement.setLong(2, position);
        statement.executeUpdate();
      }
      c.commit();
    } catch (final SQLException | RuntimeException e) {
      rollbackAndDisconnect();
      throw e;
    }
  }

  private Connection connect() throws SQLException {
    final Properties properties = new Properties();
    if (config.username() != null) {
      properties.setProperty("user", config.username());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    // Defaults that keep a dead database from blocking the broker's exporter thread for long;
    // parameters in the URL take precedence.
    properties.setProperty("ApplicationName", applicationName);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("loginTimeout", "10");
    properties.setProperty("socketTimeout", "60");
    properties.setProperty("tcpKeepAlive", "true");
    // Not DriverManager: it only sees drivers of its caller's class loader, and the broker loads an
    // exporter in its own class loader.
    final Connection c = new org.postgresql.Driver().connect(config.url(), properties);
    if (c == null) {
      throw new SQLException("Not a PostgreSQL JDBC URL: " + config.url());
    }
    c.setAutoCommit(false);
    return c;
  }

  private static void createSchema(final Connection c) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute("select pg_advisory_xact_lock(" + SCHEMA_LOCK_ID + ")");
      statement.execute(readSchema());
      c.commit();
    } catch (final SQLException e) {
      c.rollback();
      throw e;
    }
  }

  static String readSchema() {
    try (InputStream in = EngineDatabase.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read " + SCHEMA_RESOURCE, e);
    }
  }

  private void rollbackAndDisconnect() {
    if (connection != null) {
      try {
        connection.rollback();
      } catch (final SQLException | RuntimeException ignored) {
        // the connection is dropped below anyway
      }
    }
    close();
  }

  boolean isConnected() {
    return connection != null;
  }

  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (final SQLException | RuntimeException ignored) {
      // nothing left to do with a broken connection
    } finally {
      connection = null;
    }
  }
}

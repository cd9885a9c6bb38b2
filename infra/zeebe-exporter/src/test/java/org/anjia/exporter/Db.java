package org.anjia.exporter;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.util.PGobject;

/** Reads what the exporter wrote, with a connection of its own. */
final class Db {

  private final String url;

  Db(final String url) {
    this.url = url;
  }

  /**
   * The rows of a query; timestamptz as {@link java.time.Instant}, arrays as lists, jsonb as its
   * text.
   */
  List<Map<String, Object>> rows(final String sql, final Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        final ResultSetMetaData meta = rs.getMetaData();
        final List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          final Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), plain(rs.getObject(i)));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (final SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single row of a query. */
  Map<String, Object> row(final String sql, final Object... params) {
    final List<Map<String, Object>> rows = rows(sql, params);
    if (rows.size() != 1) {
      throw new AssertionError("Expected one row, got " + rows.size() + ": " + rows);
    }
    return rows.get(0);
  }

  long count(final String table) {
    return (Long) row("select count(*) as n from " + table).get("n");
  }

  void execute(final String sql) {
    try (Connection c = connect();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (final SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private Connection connect() throws SQLException {
    final Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    return new org.postgresql.Driver().connect(url, properties);
  }

  private static Object plain(final Object value) throws SQLException {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    if (value instanceof PGobject object) {
      return object.getValue();
    }
    return value;
  }
}

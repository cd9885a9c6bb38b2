package org.anjia.exporter;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One parameterised statement derived from one engine record. Parameters carry their SQL type even
 * when null, so consecutive writes with the same SQL can share one JDBC batch.
 */
record SqlWrite(String sql, List<Param> params) {

  SqlWrite(final String sql, final Param... params) {
    this(sql, List.of(params));
  }

  void bind(final PreparedStatement statement) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).bind(statement, i + 1);
    }
  }

  /** A typed statement parameter. */
  @FunctionalInterface
  interface Param {
    void bind(PreparedStatement statement, int index) throws SQLException;

    static Param int8(final Long value) {
      return (s, i) -> {
        if (value == null) {
          s.setNull(i, Types.BIGINT);
        } else {
          s.setLong(i, value);
        }
      };
    }

    static Param int4(final Integer value) {
      return (s, i) -> {
        if (value == null) {
          s.setNull(i, Types.INTEGER);
        } else {
          s.setInt(i, value);
        }
      };
    }

    static Param text(final String value) {
      return (s, i) -> {
        if (value == null) {
          s.setNull(i, Types.VARCHAR);
        } else {
          s.setString(i, value);
        }
      };
    }

    static Param timestamptz(final OffsetDateTime value) {
      return (s, i) -> {
        if (value == null) {
          s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
          s.setObject(i, value);
        }
      };
    }

    /** Never null: an absent list is an empty array. */
    static Param textArray(final List<String> values) {
      final String[] array = values == null ? new String[0] : values.toArray(String[]::new);
      return (s, i) -> s.setArray(i, s.getConnection().createArrayOf("text", array));
    }
  }
}

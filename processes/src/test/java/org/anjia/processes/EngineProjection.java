package org.anjia.processes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.anjia.runtime.ExportedRecords;

/**
 * The few reads of the exporter's projection that {@link ExportedRecords} does not offer: the
 * instance of an application (business key), a task's creation time on the engine clock, a form's id.
 */
final class EngineProjection {

  private final DataSource dataSource;

  EngineProjection(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Waits (bounded) until the instance started for this application is projected. */
  long awaitProcessInstanceKey(String applicationId) {
    return ExportedRecords.await(
        () -> single("select process_instance_key from engine.process_instance where business_key = ?",
            applicationId, rs -> rs.getLong(1)),
        "process instance with business key " + applicationId);
  }

  /** The engine time at which the user task was created (the engine clock, not the wall clock). */
  OffsetDateTime userTaskCreatedAt(long userTaskKey) {
    return single("select created_at from engine.user_task where user_task_key = ?", userTaskKey,
        rs -> rs.getObject(1, OffsetDateTime.class))
        .orElseThrow(() -> new AssertionError("No projected user task " + userTaskKey));
  }

  /** Every projected instance started for this application. */
  List<Long> processInstanceKeys(String applicationId) {
    return list("select process_instance_key from engine.process_instance where business_key = ?"
        + " order by process_instance_key", rs -> rs.getLong(1), applicationId);
  }

  /** The projected value (JSON text) of a variable of the instance, if the variable exists. */
  Optional<String> variableJson(long processInstanceKey, String name) {
    return list("""
        select value::text from engine.variable where process_instance_key = ? and name = ?
        order by position desc limit 1""", rs -> rs.getString(1), processInstanceKey, name)
        .stream().findFirst();
  }

  /** The id of a deployed form, as the exporter projected it. */
  Optional<String> formId(long formKey) {
    return single("select form_id from engine.form where form_key = ?", formKey, rs -> rs.getString(1));
  }

  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> Optional<T> single(String sql, Object parameter, Column<T> column) {
    List<T> rows = list(sql, column, parameter);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  private <T> List<T> list(String sql, Column<T> column, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(column.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return List.of(); // the exporter has not created its tables yet
      }
      throw new IllegalStateException(sql, e);
    }
  }
}

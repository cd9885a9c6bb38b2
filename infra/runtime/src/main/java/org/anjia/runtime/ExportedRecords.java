package org.anjia.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Reads what the exporter projected into the {@code engine} schema. The engine has no search API
 * here, so these tables are how tests (and the worklist) learn about user tasks and incidents.
 * Waits are bounded: the projection lags the engine by a flush interval.
 */
public final class ExportedRecords {

  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  public record UserTask(long key, String elementId, String state, String assignee, List<String> candidateGroups,
      OffsetDateTime dueDate, Long formKey, long processInstanceKey) {}

  public record Incident(long key, String elementId, String errorType, String errorMessage, String state) {}

  private final DataSource dataSource;

  public ExportedRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<UserTask> userTasks(long processInstanceKey) {
    return query("""
        select user_task_key, element_id, state, assignee, candidate_groups, due_date, form_key, process_instance_key
        from engine.user_task where process_instance_key = ? order by user_task_key""",
        processInstanceKey, rs -> new UserTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            textArray(rs, 5), rs.getObject(6, OffsetDateTime.class), (Long) rs.getObject(7), rs.getLong(8)));
  }

  public List<Incident> incidents(long processInstanceKey) {
    return query("""
        select incident_key, element_id, error_type, error_message, state
        from engine.incident where process_instance_key = ? order by incident_key""",
        processInstanceKey, rs -> new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)));
  }

  public Optional<String> processInstanceState(long processInstanceKey) {
    return query("select state from engine.process_instance where process_instance_key = ?",
        processInstanceKey, rs -> rs.getString(1)).stream().findFirst();
  }

  /** The open (created, not completed or canceled) user task of the instance at that element. */
  public UserTask awaitOpenTask(long processInstanceKey, String elementId) {
    return await(() -> userTasks(processInstanceKey).stream()
            .filter(task -> task.elementId().equals(elementId) && task.state().equals("CREATED"))
            .findFirst(),
        "open user task " + elementId + " of instance " + processInstanceKey);
  }

  public Incident awaitActiveIncident(long processInstanceKey) {
    return await(() -> incidents(processInstanceKey).stream()
            .filter(incident -> incident.state().equals("ACTIVE")).findFirst(),
        "active incident of instance " + processInstanceKey);
  }

  public void awaitProcessInstanceState(long processInstanceKey, String state) {
    await(() -> processInstanceState(processInstanceKey).filter(Predicate.isEqual(state)),
        "instance " + processInstanceKey + " in state " + state);
  }

  public static <T> T await(Supplier<Optional<T>> probe, String what) {
    Instant deadline = Instant.now().plus(DEFAULT_WAIT);
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out after " + DEFAULT_WAIT + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, long key, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return List.of(); // the exporter has not created its tables yet
      }
      throw new IllegalStateException(e);
    }
  }

  private static List<String> textArray(ResultSet rs, int column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

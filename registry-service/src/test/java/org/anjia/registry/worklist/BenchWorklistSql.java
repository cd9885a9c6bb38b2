package org.anjia.registry.worklist;

import java.lang.reflect.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the benchmark (infra/bench): the worklist's own SQL text and parameters, read from
 * {@link Worklist} and {@link TaskScope}, so the query plans it prints are those of the code it measures.
 */
public final class BenchWorklistSql {

  private BenchWorklistSql() {}

  /** The page query of GET /api/worklist?candidateGroup=...&size=...&sort=dueDate,asc. */
  public static String pageSql() {
    return text("TASK_COLUMNS") + text("TASK_JOINS") + text("MATCHING") + TaskScope.SQL
        + " order by " + orderBy(Worklist.Sort.DUE_DATE_ASC) + " limit :limit offset :offset";
  }

  /** The count query that goes with every page. */
  public static String countSql() {
    return "select count(*) " + text("TASK_JOINS") + text("MATCHING") + TaskScope.SQL;
  }

  /** Parameters for a caseworker or director of an institution. */
  public static Map<String, Object> institutionStaffParams(String candidateGroup, String institution,
      String username, String subject, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("group", candidateGroup);
    params.put("process", null);
    params.put("assignee", null);
    params.put("overdueOnly", false);
    params.put("now", Timestamp.from(Instant.now()));
    params.putAll(new TaskScope(false, true, false, false, false, institution, null, username, subject,
        candidateGroup).params());
    params.put("limit", limit);
    params.put("offset", 0);
    return params;
  }

  private static String orderBy(Worklist.Sort sort) {
    try {
      Field field = Worklist.Sort.class.getDeclaredField("orderBy");
      field.setAccessible(true);
      return (String) field.get(sort);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Worklist.Sort.orderBy is not readable", e);
    }
  }

  private static String text(String constant) {
    try {
      Field field = Worklist.class.getDeclaredField(constant);
      field.setAccessible(true);
      return (String) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Worklist." + constant + " is not readable", e);
    }
  }
}

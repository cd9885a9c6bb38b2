package org.anjia.registry.worklist;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For the benchmark (infra/bench): the worklist's own SQL text and parameters, from {@link Worklist}
 * and {@link TaskScope}, so the query plans it prints are those of the code it measures.
 */
public final class BenchWorklistSql {

  private BenchWorklistSql() {}

  private static Worklist.Filter caseworkerFilter(String candidateGroup) {
    return new Worklist.Filter(candidateGroup, null, null, false);
  }

  private static TaskScope institutionStaff(String candidateGroup, String institution, String username,
      String subject) {
    return new TaskScope(false, true, false, false, false, institution, null, username, subject,
        List.of(candidateGroup));
  }

  /** The page query of GET /api/worklist?candidateGroup=...&size=...&sort=dueDate,asc for institution staff. */
  public static String pageSql(String candidateGroup, String institution, String username, String subject) {
    return Worklist.pageSql(caseworkerFilter(candidateGroup),
        institutionStaff(candidateGroup, institution, username, subject), Worklist.Sort.DUE_DATE_ASC);
  }

  /** Parameters for a caseworker or director of an institution. */
  public static Map<String, Object> institutionStaffParams(String candidateGroup, String institution,
      String username, String subject, int limit) {
    Map<String, Object> params = new LinkedHashMap<>(Worklist.params(caseworkerFilter(candidateGroup), Instant.now()));
    params.putAll(institutionStaff(candidateGroup, institution, username, subject).params());
    params.put("limit", limit + 1);
    params.put("offset", 0);
    return params;
  }
}

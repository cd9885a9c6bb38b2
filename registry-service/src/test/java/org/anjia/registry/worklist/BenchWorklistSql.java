package org.anjia.registry.worklist;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;

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
  public static String pageSql(String candidateGroup, String institution, String username, String subject,
      int pageSize) {
    Worklist.Filter filter = caseworkerFilter(candidateGroup);
    return Worklist.pageSql(filter, Worklist.narrowed(institutionStaff(candidateGroup, institution, username, subject),
        filter), Worklist.Sort.DUE_DATE_ASC, PageRequest.of(0, pageSize));
  }

  /** Parameters for a caseworker or director of an institution. */
  public static Map<String, Object> institutionStaffParams(String candidateGroup, String institution,
      String username, String subject) {
    Map<String, Object> params = new LinkedHashMap<>(Worklist.params(caseworkerFilter(candidateGroup), Instant.now()));
    params.putAll(institutionStaff(candidateGroup, institution, username, subject).params());
    return params;
  }

  private static TaskScope assessor(String jurisdiction, String username) {
    return new TaskScope(false, false, false, true, false, null, jurisdiction, username, null, List.of("assessor"));
  }

  /** The page query of GET /api/worklist?candidateGroup=assessor&sort=dueDate,desc for an assessor. */
  public static String assessorPageSql(String jurisdiction, String username, int pageSize) {
    Worklist.Filter filter = caseworkerFilter("assessor");
    return Worklist.pageSql(filter, Worklist.narrowed(assessor(jurisdiction, username), filter),
        Worklist.Sort.DUE_DATE_DESC, PageRequest.of(0, pageSize));
  }

  /** Parameters for an assessor of a jurisdiction. */
  public static Map<String, Object> assessorParams(String jurisdiction, String username) {
    Map<String, Object> params = new LinkedHashMap<>(Worklist.params(caseworkerFilter("assessor"), Instant.now()));
    params.putAll(assessor(jurisdiction, username).params());
    return params;
  }
}

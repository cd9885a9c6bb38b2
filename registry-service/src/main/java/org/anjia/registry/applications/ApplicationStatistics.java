package org.anjia.registry.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications counted for those who supervise the work (the dashboard), under the same scope as
 * reading them ({@link ApplicationAccess}): a sealed application counts only for whom it is open.
 */
@Component
public class ApplicationStatistics {

  public record StatusCount(ApplicationStatus status, String label, long count) {}

  /** How long a journey took from the application to its decision; {@code medianDays} null when none was decided. */
  public record DecisionTime(ApplicationType journey, String label, long decided, BigDecimal medianDays) {}

  private final JdbcClient jdbc;
  private final Labels labels;

  ApplicationStatistics(JdbcClient jdbc, Labels labels) {
    this.jdbc = jdbc;
    this.labels = labels;
  }

  /**
   * Where the applications submitted in [from, to) stand, most first: those made to {@code institution}
   * (null: every one in scope); null bounds are open.
   */
  @Transactional(readOnly = true)
  public List<StatusCount> byStatus(CurrentUser user, String institution, Instant from, Instant to) {
    Map<String, Object> params = params(user, institution, from, to);
    return jdbc.sql("select a.status, count(*) from application a where " + ApplicationAccess.SCOPE_SQL
            + selection(params, "a.submitted_at") + " group by a.status order by count(*) desc, a.status")
        .params(params)
        .query((rs, row) -> {
          ApplicationStatus status = ApplicationStatus.valueOf(rs.getString(1));
          return new StatusCount(status, labels.of(status), rs.getLong(2));
        })
        .list();
  }

  /**
   * The median of the days from submission to decision (its first status of
   * {@link ApplicationType#decisions}), per journey, over the applications decided in [from, to).
   */
  @Transactional(readOnly = true)
  public List<DecisionTime> decisionTimes(CurrentUser user, String institution, Instant from, Instant to) {
    List<DecisionTime> times = new ArrayList<>();
    for (ApplicationType journey : ApplicationType.values()) {
      Map<String, Object> params = params(user, institution, from, to);
      params.put("journey", journey.name());
      params.put("decisions", journey.decisions().stream().map(Enum::name).toList());
      times.add(jdbc.sql("""
              select count(*), percentile_cont(0.5) within group (
                       order by extract(epoch from d.decided_at - a.submitted_at) / 86400)
              from application a
              join lateral (select min(s.changed_at) as decided_at from application_status_change s
                            where s.application_id = a.id and s.status in (:decisions)) d on d.decided_at is not null
              where a.type = :journey and """ + ApplicationAccess.SCOPE_SQL + selection(params, "d.decided_at"))
          .params(params)
          .query((rs, row) -> {
            BigDecimal median = rs.getBigDecimal(2);
            return new DecisionTime(journey, labels.of(journey), rs.getLong(1),
                median == null ? null : median.setScale(1, RoundingMode.HALF_UP));
          })
          .single());
    }
    return times;
  }

  private static Map<String, Object> params(CurrentUser user, String institution, Instant from, Instant to) {
    Map<String, Object> params = new HashMap<>(ApplicationAccess.scopeParams(user));
    params.put("selectedInstitution", institution);
    params.put("from", from == null ? null : Timestamp.from(from));
    params.put("to", to == null ? null : Timestamp.from(to));
    return params;
  }

  /** Only the conditions asked for, on the given moment of the application. */
  private static String selection(Map<String, Object> params, String moment) {
    StringBuilder sql = new StringBuilder();
    if (params.get("selectedInstitution") != null) {
      sql.append(" and a.institution_code = :selectedInstitution");
    }
    if (params.get("from") != null) {
      sql.append(" and ").append(moment).append(" >= :from");
    }
    if (params.get("to") != null) {
      sql.append(" and ").append(moment).append(" < :to");
    }
    return sql.toString();
  }
}

package org.anjia.registry.children;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Children's files counted for those who supervise the work (the dashboard), under the same scope
 * as reading them ({@code Children}): staff their institution's, registrars their jurisdiction's
 * (sealed files too, which only they may open), auditors every file but the sealed ones.
 */
@Component
public class ChildStatistics {

  /** {@code code}: the category or placement kind. */
  public record Count(String code, String label, long count) {}

  public record ChildCounts(List<Count> byCategory, List<Count> byPlacement) {}

  /** The same rule as {@code Children.visible}, as SQL over {@code child c}. */
  private static final String SCOPE_SQL = """
      ((:registrar and c.jurisdiction_code = :jurisdiction)
       or (not c.sealed and (:auditor or (:institutionStaff and c.institution_code = :institution))))""";

  private final JdbcClient jdbc;
  private final Labels labels;

  ChildStatistics(JdbcClient jdbc, Labels labels) {
    this.jdbc = jdbc;
    this.labels = labels;
  }

  /**
   * Files by category and by current placement (an adopted child's is the adoption), most first:
   * those of {@code institution} (null: every file in scope), admitted from {@code from} to
   * {@code to} inclusive (null: unbounded).
   */
  @Transactional(readOnly = true)
  public ChildCounts count(CurrentUser user, String institution, LocalDate from, LocalDate to) {
    Map<String, Object> params = new HashMap<>();
    params.put("registrar", user.has(Role.REGISTRAR));
    params.put("auditor", user.has(Role.AUDITOR));
    params.put("institutionStaff", user.hasAny(Role.CASEWORKER, Role.DIRECTOR));
    params.put("jurisdiction", user.jurisdiction());
    params.put("institution", user.institution());
    StringBuilder where = new StringBuilder(" from child c where ").append(SCOPE_SQL);
    if (institution != null) {
      where.append(" and c.institution_code = :selectedInstitution");
      params.put("selectedInstitution", institution);
    }
    if (from != null) {
      where.append(" and c.admission_date >= :from");
      params.put("from", from);
    }
    if (to != null) {
      where.append(" and c.admission_date <= :to");
      params.put("to", to);
    }
    List<Count> byCategory = jdbc.sql("select c.category, count(*)" + where + " group by 1 order by 2 desc, 1")
        .params(params)
        .query((rs, row) -> {
          ChildCategory category = ChildCategory.valueOf(rs.getString(1));
          return new Count(category.name(), labels.of(category), rs.getLong(2));
        })
        .list();
    List<Count> byPlacement = jdbc.sql("select c.current_placement, count(*)" + where + " group by 1 order by 2 desc, 1")
        .params(params)
        .query((rs, row) -> {
          PlacementKind kind = PlacementKind.valueOf(rs.getString(1));
          return new Count(kind.name(), labels.of(kind), rs.getLong(2));
        })
        .list();
    return new ChildCounts(byCategory, byPlacement);
  }
}

package org.anjia.registry.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Role;

/**
 * The tasks a user may see: those of their candidate groups, on applications in their scope (the
 * same rule as {@code ApplicationAccess}, as SQL over the engine's tasks); a family, the tasks
 * addressed to the {@code family} group on its own household's applications. A child's placement
 * (送养) has no application: its tasks follow the child's institution and jurisdiction. Auditors see
 * every task but change none; nobody but the registrar of the jurisdiction sees a sealed
 * application's tasks.
 *
 * <p>The SQL is written for the user's roles, not as one statement with a branch per role chosen by
 * parameters: PostgreSQL then plans the group check as a lookup per task along the due-date index,
 * as the engine's own task query does, instead of reading every task of the group
 * (infra/bench/REPORT.md).
 */
record TaskScope(boolean auditor, boolean institutionStaff, boolean registrar, boolean assessor, boolean family,
    String institution, String jurisdiction, String username, String subject, List<String> candidateGroups) {

  static TaskScope of(CurrentUser user) {
    return new TaskScope(user.has(Role.AUDITOR), user.hasAny(Role.CASEWORKER, Role.DIRECTOR),
        user.has(Role.REGISTRAR), user.has(Role.ASSESSOR), user.has(Role.FAMILY), user.institution(),
        user.jurisdiction(), user.username(), user.subject(), List.copyOf(user.candidateGroups()));
  }

  /** The same scope for tasks offered to these groups (a director looking after the institution's work). */
  TaskScope offeredTo(List<String> groups) {
    return new TaskScope(auditor, institutionStaff, registrar, assessor, family, institution, jurisdiction, username,
        subject, List.copyOf(groups));
  }

  /**
   * The conditions, to append to a query over {@code ot} (open_task), {@code t} (act_ru_task), {@code a}
   * (application), {@code c} (child), {@code u} (residence_unit).
   */
  String sql() {
    // sealed cases: the jurisdiction's registrar only. Written for the role like the rest of the scope, not as a
    // boolean parameter that only a plan made for each call can fold away.
    StringBuilder sql = new StringBuilder(registrar ? """
          and (a.id is null or not a.sealed or a.jurisdiction_code = :jurisdiction)
          and (c.id is null or not c.sealed or c.jurisdiction_code = :jurisdiction)
        """ : """
          and (a.id is null or not a.sealed)
          and (c.id is null or not c.sealed)
        """);
    if (auditor) {
      return sql.toString();
    }
    if (candidateGroups.isEmpty()) {
      return sql.append(" and false").toString();
    }
    sql.append("""
          and exists (select 1 from act_ru_identitylink ug
                      where ug.task_id_ = t.id_ and ug.type_ = 'candidate' and ug.group_id_ in (:groups))
        """);
    List<String> childRules = new ArrayList<>();
    List<String> applicationRules = new ArrayList<>();
    if (institutionStaff) {
      childRules.add("c.institution_code = :institution");
      applicationRules.add("a.institution_code = :institution");
    }
    if (registrar) {
      childRules.add("c.jurisdiction_code = :jurisdiction");
      applicationRules.add("a.jurisdiction_code = :jurisdiction");
    }
    if (assessor) {
      applicationRules.add("""
          (a.jurisdiction_code = :jurisdiction
           and exists (select 1 from case_assignment ca where ca.application_id = a.id and ca.assessor = :username))""");
    }
    if (family) {
      applicationRules.add("""
          exists (select 1 from family_account fa where fa.family_id = a.family_id and fa.subject = :subject)""");
    }
    if (assessor && !institutionStaff && !registrar && !family) {
      // An assessor's own cases are few: their open tasks are found first by case (an array, so PostgreSQL computes
      // it once; open_task's case index), then sorted. Joined as a subquery instead, the query had more relations
      // than PostgreSQL orders freely (join_collapse_limit) and read every task of the assessor group, 0.5 s at
      // 26,000 (infra/bench/REPORT.md). The rule below still decides.
      sql.append("""
            and ot.case_id = any(array(select ca.application_id from case_assignment ca where ca.assessor = :username))
          """);
    }
    sql.append(walk());
    List<String> either = new ArrayList<>();
    if (institutionStaff) {
      // a residence unit's review (机构内家庭式养育): its tasks follow the unit's institution
      either.add("(u.id is not null and u.institution_code = :institution)");
    }
    if (!childRules.isEmpty()) {
      either.add("(c.id is not null and (" + String.join(" or ", childRules) + "))");
    }
    if (!applicationRules.isEmpty()) {
      either.add("(a.id is not null and (" + String.join(" or ", applicationRules) + "))");
    }
    return sql.append(either.isEmpty() ? " and false" : " and (" + String.join(" or ", either) + ")").toString();
  }

  /**
   * The part of {@code open_task} (V36) the rules can accept, for PostgreSQL to walk by its indexes instead of
   * every institution's tasks: a case of the reader's institution (institution staff) or jurisdiction
   * (registrars; assessors who are also institution staff). Auditors see every task, a family's cases are in any
   * institution (families open their tasks by key, they have no worklist), and an assessor's own few cases are
   * found first (above): none of them is narrowed here.
   */
  private List<String> walkedKeys() {
    if (auditor || family) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    if (institutionStaff) {
      keys.add("ot.institution_code = :institution");
    }
    if (registrar || assessor && institutionStaff) {
      keys.add("ot.jurisdiction_code = :jurisdiction");
    }
    return keys;
  }

  private String walk() {
    List<String> keys = walkedKeys();
    return keys.isEmpty() ? "" : " and (" + String.join(" or ", keys) + ")\n";
  }

  /** Whether the walk keeps to one institution or one jurisdiction, whose open_task index then gives its order. */
  boolean walksOneKey() {
    return walkedKeys().size() == 1;
  }

  Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("subject", subject);
    params.put("institution", institution);
    params.put("jurisdiction", jurisdiction);
    params.put("username", username);
    params.put("groups", candidateGroups.isEmpty() ? List.of("") : candidateGroups);
    return params;
  }
}

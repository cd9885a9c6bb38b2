package org.anjia.registry.worklist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Role;

/**
 * The tasks a user may see: those of their candidate groups, on applications in their scope (the
 * same rule as {@code ApplicationAccess}, as SQL over the engine's tasks); a family, the tasks addressed
 * to the {@code family} group on its own household's applications. A child's placement (送养) has
 * no application: its tasks follow the child's institution and jurisdiction. Auditors see every task but
 * change none; nobody but the registrar of the jurisdiction sees a sealed application's tasks.
 */
record TaskScope(boolean auditor, boolean institutionStaff, boolean registrar, boolean assessor, boolean family,
    String institution, String jurisdiction, String username, String subject, String candidateGroups) {

  static final String SQL = """
        and (a.id is null or not a.sealed or (:registrar and a.jurisdiction_code = :jurisdiction))
        and (c.id is null or not c.sealed or (:registrar and c.jurisdiction_code = :jurisdiction))
        and (:auditor
             or (c.id is not null
                 and exists (select 1 from act_ru_identitylink ug where ug.task_id_ = t.id_ and ug.type_ = 'candidate' and ug.group_id_ = any(string_to_array(:groups, ',')))
                 and ((:institutionStaff and c.institution_code = :institution)
                      or (:registrar and c.jurisdiction_code = :jurisdiction)))
             or (a.id is not null
                 and exists (select 1 from act_ru_identitylink ug where ug.task_id_ = t.id_ and ug.type_ = 'candidate' and ug.group_id_ = any(string_to_array(:groups, ',')))
                 and ((:institutionStaff and a.institution_code = :institution)
                      or (:registrar and a.jurisdiction_code = :jurisdiction)
                      or (:assessor and a.jurisdiction_code = :jurisdiction
                          and exists (select 1 from case_assignment ca
                                      where ca.application_id = a.id and ca.assessor = :username))
                      or (:family and exists (select 1 from family_account fa
                                              where fa.family_id = a.family_id and fa.subject = :subject)))))
      """;

  static TaskScope of(CurrentUser user) {
    return new TaskScope(user.has(Role.AUDITOR), user.hasAny(Role.CASEWORKER, Role.DIRECTOR),
        user.has(Role.REGISTRAR), user.has(Role.ASSESSOR), user.has(Role.FAMILY), user.institution(),
        user.jurisdiction(), user.username(), user.subject(), String.join(",", user.candidateGroups()));
  }

  Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("auditor", auditor);
    params.put("institutionStaff", institutionStaff);
    params.put("registrar", registrar);
    params.put("assessor", assessor);
    params.put("family", family);
    params.put("subject", subject);
    params.put("institution", institution);
    params.put("jurisdiction", jurisdiction);
    params.put("username", username);
    params.put("groups", candidateGroups);
    return params;
  }
}

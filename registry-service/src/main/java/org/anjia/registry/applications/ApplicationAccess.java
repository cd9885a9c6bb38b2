package org.anjia.registry.applications;

import java.util.List;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which applications a user may see (their data scope). Outside it the answer is 404, exactly as
 * for an application that does not exist, and the attempt is audited.
 * <ul>
 *   <li>caseworkers and directors: their institution's;</li>
 *   <li>registrars: their jurisdiction's; assessors: their jurisdiction's cases assigned to them;</li>
 *   <li>families: their own household's; auditors: all, read-only; admins: none;</li>
 *   <li>sealed records (民法典 art. 1110): only the registrar of the jurisdiction, with a reason, and the
 *       adopters themselves — the secret is kept for them, not from them.</li>
 * </ul>
 */
@Component
public class ApplicationAccess {

  private final FamilyAccounts familyAccounts;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Labels labels;

  ApplicationAccess(FamilyAccounts familyAccounts, JdbcClient jdbc, AuditLog audit, Labels labels) {
    this.familyAccounts = familyAccounts;
    this.jdbc = jdbc;
    this.audit = audit;
    this.labels = labels;
  }

  /** The rule itself; {@link #SCOPE_SQL} says the same in SQL and changes with it. */
  public boolean canSee(CurrentUser user, Application application) {
    boolean registrarOfJurisdiction = user.has(Role.REGISTRAR)
        && application.getJurisdictionCode().equals(user.jurisdiction());
    if (application.isSealed()) {
      return registrarOfJurisdiction || ownHousehold(user, application);
    }
    return registrarOfJurisdiction
        || user.has(Role.AUDITOR)
        || (user.hasAny(Role.CASEWORKER, Role.DIRECTOR) && application.getInstitutionCode().equals(user.institution()))
        || (user.has(Role.ASSESSOR) && application.getJurisdictionCode().equals(user.jurisdiction())
            && isAssigned(application, user))
        || ownHousehold(user, application);
  }

  /**
   * {@link #canSee} as a condition over {@code application a}, for counting what a user may see
   * (the dashboard): the same rules, role by role, with its parameters from {@link #scopeParams}.
   */
  static final String SCOPE_SQL = """
      (case when a.sealed
         then (:registrar and a.jurisdiction_code = :jurisdiction) or (:family and exists (
              select 1 from family_account fa where fa.family_id = a.family_id and fa.subject = :subject))
         else (:registrar and a.jurisdiction_code = :jurisdiction)
           or :auditor
           or (:institutionStaff and a.institution_code = :institution)
           or (:assessor and a.jurisdiction_code = :jurisdiction and exists (
               select 1 from case_assignment ca where ca.application_id = a.id and ca.assessor = :username))
           or (:family and exists (
               select 1 from family_account fa where fa.family_id = a.family_id and fa.subject = :subject))
       end)""";

  static java.util.Map<String, Object> scopeParams(CurrentUser user) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("registrar", user.has(Role.REGISTRAR));
    params.put("auditor", user.has(Role.AUDITOR));
    params.put("institutionStaff", user.hasAny(Role.CASEWORKER, Role.DIRECTOR));
    params.put("assessor", user.has(Role.ASSESSOR));
    params.put("family", user.has(Role.FAMILY));
    params.put("jurisdiction", user.jurisdiction());
    params.put("institution", user.institution());
    params.put("username", user.username());
    params.put("subject", user.subject());
    return params;
  }

  private boolean ownHousehold(CurrentUser user, Application application) {
    return user.has(Role.FAMILY) && familyAccounts.isMember(application.getFamilyId(), user.subject());
  }

  /**
   * Throws 404 (and audits the attempt) outside the user's scope; for a sealed record, demands the
   * reason for reading it, which the caller then records with the read.
   */
  void requireVisible(CurrentUser user, Application application, String reason) {
    if (!canSee(user, application)) {
      audit.recordRefusal(AuditAction.DENIED, "APPLICATION", application.getId(), "outside scope", null, null);
      throw new NotFoundException("application " + application.getId());
    }
    if (application.isSealed() && !ownHousehold(user, application) && (reason == null || reason.isBlank())) {
      throw new InvalidInputException(List.of(new FieldProblem("reason", labels.of("anjia.sealed.reasonRequired"))));
    }
  }

  private boolean isAssigned(Application application, CurrentUser user) {
    return jdbc.sql("select count(*) from case_assignment where application_id = :id and assessor = :assessor")
        .param("id", application.getId()).param("assessor", user.username())
        .query(Long.class).single() > 0;
  }
}

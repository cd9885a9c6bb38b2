package org.anjia.registry.applications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.identity.Role;
import org.anjia.registry.identity.StaffDirectory;
import org.anjia.registry.identity.StaffDirectory.Person;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessors (评估人员) are people the registry knows: the assessors of the application's jurisdiction
 * as Keycloak lists them, and for an adoption only those named with the applicants' written consent
 * to the assessment (收养评估办法 arts. 5, 9). An assigned assessor sees the case (ApplicationAccess).
 */
@Service
public class AssessorAssignments {

  public record Assigned(String username, String name, Instant assignedAt) {}

  /** Who is assigned, and whom the caller may assign (empty for those who may not assign). */
  public record Assessors(List<Assigned> assigned, List<Person> candidates) {}

  private static final String OBJECT = "APPLICATION";

  private final Applications applications;
  private final StaffDirectory directory;
  private final Institutions institutions;
  private final CurrentUsers users;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final Labels labels;
  private final Clock clock;

  AssessorAssignments(Applications applications, StaffDirectory directory, Institutions institutions,
      CurrentUsers users, AuditLog audit, JdbcClient jdbc, Labels labels, Clock clock) {
    this.applications = applications;
    this.directory = directory;
    this.institutions = institutions;
    this.users = users;
    this.audit = audit;
    this.jdbc = jdbc;
    this.labels = labels;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Assessors of(UUID applicationId) {
    Application application = applications.visible(applicationId, null);
    boolean mayAssign = users.current().hasAny(Role.CASEWORKER, Role.DIRECTOR, Role.REGISTRAR);
    return new Assessors(assigned(applicationId), mayAssign
        ? candidates(application, directory.ofJurisdiction(application.getJurisdictionCode(), Role.ASSESSOR))
        : List.of());
  }

  /** Staff of the case's institution or jurisdiction assign one of the candidates; anyone else is refused. */
  @Transactional
  void assign(UUID applicationId, String username) {
    Application application = applications.visible(applicationId, null);
    String wanted = username.trim();
    List<Person> ofJurisdiction = directory.ofJurisdiction(application.getJurisdictionCode(), Role.ASSESSOR);
    Person assessor = candidates(application, ofJurisdiction).stream().filter(p -> p.username().equals(wanted))
        .findFirst().orElseThrow(() -> new InvalidInputException(List.of(
            new FieldProblem("assessor", refusal(application, ofJurisdiction, wanted)))));
    jdbc.sql("""
            insert into case_assignment (application_id, assessor, assessor_name, assigned_by, assigned_at)
            values (:id, :assessor, :name, :by, :at) on conflict do nothing""")
        .param("id", applicationId).param("assessor", assessor.username()).param("name", assessor.name())
        .param("by", users.current().username()).param("at", Timestamp.from(clock.instant()))
        .update();
    audit.record(AuditAction.UPDATE, OBJECT, applicationId, List.of("assessors"), null);
  }

  /**
   * The assessors named with the applicants' consent to an adoption assessment, each by user name
   * or by name as Keycloak has it; refused, naming them, when one is not an assessor of the
   * jurisdiction. Returns their names as people read them.
   */
  @Transactional
  public List<String> recordConsented(UUID applicationId, List<String> namesOrUsernames, String field) {
    Application application = applications.get(applicationId);
    List<Person> known = directory.ofJurisdiction(application.getJurisdictionCode(), Role.ASSESSOR);
    List<Person> named = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String given : namesOrUsernames) {
      Optional<Person> person = known.stream()
          .filter(p -> p.username().equals(given.trim()) || p.name().equals(given.trim())).findFirst();
      person.ifPresentOrElse(named::add, () -> unknown.add(given.trim()));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem(field, labels.of("anjia.assessor.unknown",
          String.join("、", unknown), jurisdictionName(application)))));
    }
    for (Person person : named) {
      jdbc.sql("""
              insert into consented_assessor (application_id, assessor, assessor_name) values (:id, :assessor, :name)
              on conflict do nothing""")
          .param("id", applicationId).param("assessor", person.username()).param("name", person.name()).update();
    }
    return named.stream().map(Person::name).distinct().toList();
  }

  /** The jurisdiction's assessors; for an adoption only those named with the consent. */
  private List<Person> candidates(Application application, List<Person> ofJurisdiction) {
    if (application.getType() != ApplicationType.ADOPTION) {
      return ofJurisdiction;
    }
    Set<String> consented = consented(application.getId());
    return ofJurisdiction.stream().filter(p -> consented.contains(p.username())).toList();
  }

  private String refusal(Application application, List<Person> ofJurisdiction, String username) {
    if (application.getType() == ApplicationType.ADOPTION && consented(application.getId()).isEmpty()) {
      return labels.of("anjia.assessor.consentFirst");
    }
    if (application.getType() == ApplicationType.ADOPTION
        && ofJurisdiction.stream().anyMatch(p -> p.username().equals(username))) {
      return labels.of("anjia.assessor.notConsented", username);
    }
    return labels.of("anjia.assessor.unknown", username, jurisdictionName(application));
  }

  private Set<String> consented(UUID applicationId) {
    return jdbc.sql("select assessor from consented_assessor where application_id = :id")
        .param("id", applicationId).query(String.class).stream().collect(Collectors.toSet());
  }

  private List<Assigned> assigned(UUID applicationId) {
    return jdbc.sql("""
            select assessor, assessor_name, assigned_at from case_assignment where application_id = :id
            order by assigned_at, assessor""")
        .param("id", applicationId)
        .query((rs, i) -> new Assigned(rs.getString("assessor"), rs.getString("assessor_name"),
            rs.getTimestamp("assigned_at").toInstant()))
        .list();
  }

  private String jurisdictionName(Application application) {
    return institutions.find(application.getInstitutionCode()).map(Institutions.Institution::jurisdictionName)
        .orElse(application.getJurisdictionCode());
  }
}

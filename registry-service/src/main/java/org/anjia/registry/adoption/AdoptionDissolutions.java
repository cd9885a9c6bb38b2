package org.anjia.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.DocumentType;
import org.anjia.registry.children.AdoptableChild;
import org.anjia.registry.children.Children;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.printing.PrintingSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 解除收养关系: the adopters apply, with the written agreement, to register the dissolution of a
 * registered adoption at any time after its registration (民法典 arts. 1114–1116; 登记办法 art. 10);
 * adoption-dissolution.bpmn gives the registrar 30 days; registration issues the 解除收养关系证明
 * (number and PDF) and returns a minor to the institution's care (art. 1117).
 */
@Service
class AdoptionDissolutions {

  static final String BASIS_MINOR = "AGREEMENT_MINOR";
  static final String BASIS_ADULT = "AGREEMENT_ADULT";

  private final Applications applications;
  private final Children children;
  private final AdoptionApplications adoptions;
  private final AdoptionRegistry registry;
  private final CertificateVerifications verifications;
  private final CurrentUsers users;
  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;
  private final AdoptionRules rules;
  private final PrintingSettings printing;
  private final Labels labels;
  private final Clock clock;

  AdoptionDissolutions(Applications applications, Children children, AdoptionApplications adoptions,
      AdoptionRegistry registry, CertificateVerifications verifications, CurrentUsers users,
      ApplicationEventPublisher events, JdbcClient jdbc, AdoptionRules rules, PrintingSettings printing, Labels labels,
      Clock clock) {
    this.applications = applications;
    this.children = children;
    this.adoptions = adoptions;
    this.registry = registry;
    this.verifications = verifications;
    this.users = users;
    this.events = events;
    this.jdbc = jdbc;
    this.rules = rules;
    this.printing = printing;
    this.labels = labels;
    this.clock = clock;
  }

  /**
   * An adult of the adoptive household applies. Before the adoptee's majority only by agreement with
   * the placing party, and an adoptee of 8 or more must consent (art. 1114); an adult adoptee is a
   * party to the agreement and consents by signing it (art. 1115).
   */
  @Transactional
  UUID request(UUID applicationId, AdoptionDissolutionRequest request) {
    CurrentUser user = users.current();
    Application application = adoptions.ownAdoption(applicationId, user);
    if (application.getStatus() != ApplicationStatus.REGISTERED) {
      throw new ConflictException("anjia.adoption.dissolution.notRegistered");
    }
    LocalDate today = LocalDate.now(clock);
    AdoptableChild child = children.adoptable(application.getChildId()).orElseThrow();
    boolean adult = child.age() >= rules.ageOfMajority();
    List<FieldProblem> problems = new ArrayList<>();
    if (request.agreementSignedOn().isAfter(today)) {
      problems.add(new FieldProblem("agreementSignedOn", labels.of("anjia.validation.notInFuture")));
    }
    if (child.age() >= rules.eligibility().childConsentAge() && !Boolean.TRUE.equals(request.childConsents())) {
      problems.add(new FieldProblem("childConsents", labels.of(adult
          ? "anjia.adoption.dissolution.adultConsent" : "anjia.adoption.dissolution.childConsent",
          rules.eligibility().childConsentAge())));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into adoption_dissolution (id, application_id, requested_by, requested_at, agreement_signed_on,
              basis, child_consents, reason)
            values (:id, :application, :by, :at, :signed, :basis, :consents, :reason)""")
        .param("id", id).param("application", applicationId).param("by", user.username())
        .param("at", java.sql.Timestamp.from(clock.instant())).param("signed", request.agreementSignedOn())
        .param("basis", adult ? BASIS_ADULT : BASIS_MINOR).param("consents", request.childConsents())
        .param("reason", request.reason().trim())
        .update();
    applications.moveTo(applicationId, ApplicationStatus.DISSOLUTION_REQUESTED, user.asActor(),
        labels.recorded("anjia.adoption.dissolution.requested"));
    events.publishEvent(new AdoptionDissolutionRequested(id));
    return id;
  }

  /** What adoption-dissolution.bpmn starts with (processes/README.md). */
  Map<String, Object> startVariables(UUID dissolutionId) {
    Map<String, Object> row = jdbc.sql("select * from adoption_dissolution where id = :id")
        .param("id", dissolutionId).query().singleRow();
    Application application = applications.get((UUID) row.get("application_id"));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AdoptionProcess.APPLICATION_ID, application.getId().toString());
    variables.put("applicationNumber", application.getNumber());
    variables.put("jurisdictionCode", application.getJurisdictionCode());
    variables.put("dissolutionBasis", String.valueOf(row.get("basis")).toLowerCase(java.util.Locale.ROOT));
    variables.put("childConsentRequired", row.get("child_consents") != null);
    variables.put("agreementSignedOn", String.valueOf(row.get("agreement_signed_on")));
    variables.put("dissolutionReason", row.get("reason"));
    return variables;
  }

  /**
   * The registrar registered it (登记办法 art. 10): the certificate number, the application
   * DISSOLVED, the child's file (a minor returns to the institution, 民法典 art. 1117), and the
   * adoption process told to stop its visits. Idempotent: a repeated job returns the same number.
   */
  @Transactional
  String register(UUID applicationId, String note) {
    Map<String, Object> open = openRequest(applicationId);
    if (open == null) {
      return jdbc.sql("select certificate_number from adoption_dissolution where application_id = :id and outcome = 'REGISTERED'")
          .param("id", applicationId).query(String.class).single();
    }
    LocalDate today = LocalDate.now(clock);
    String number = registry.nextNumber(rules.dissolutionCertificatePrefix(), "adoption_dissolution_seq");
    AdoptionCertificate.Verification verification = verifications.issue(number);
    jdbc.sql("""
            update adoption_dissolution set outcome = 'REGISTERED', certificate_number = :number, decided_on = :on,
              decision_note = :note, verification_code = :code where id = :id""")
        .param("number", number).param("on", today).param("note", note).param("code", verification.code())
        .param("id", open.get("id"))
        .update();
    Application application = applications.get(applicationId);
    byte[] pdf = AdoptionCertificate.dissolution(number, today, registry.parties(application),
        registry.certificateNumber(applicationId), verification, printing.font());
    applications.attachGenerated(applicationId, DocumentType.DISSOLUTION_CERTIFICATE,
        "解除收养关系证明-" + application.getNumber() + ".pdf", "application/pdf", pdf);
    applications.moveTo(applicationId, ApplicationStatus.DISSOLVED, Actor.system(), number);
    children.recordDissolution(application.getChildId(), number, today, BASIS_MINOR.equals(open.get("basis")));
    events.publishEvent(new AdoptionDissolved(applicationId));
    return number;
  }

  /** The registrar refused, or the adoptee did not consent (art. 1114): the adoption continues. */
  @Transactional
  void refuse(UUID applicationId, String note, boolean childRefused) {
    Map<String, Object> open = openRequest(applicationId);
    if (open == null) {
      return;
    }
    String reason = childRefused ? labels.recorded("anjia.adoption.dissolution.childRefused")
        : Objects.requireNonNullElse(note, labels.recorded("anjia.adoption.dissolution.refused"));
    jdbc.sql("update adoption_dissolution set outcome = 'REFUSED', decided_on = :on, decision_note = :note where id = :id")
        .param("on", LocalDate.now(clock)).param("note", reason).param("id", open.get("id"))
        .update();
    applications.moveTo(applicationId, ApplicationStatus.REGISTERED, Actor.system(), reason);
  }

  private Map<String, Object> openRequest(UUID applicationId) {
    return jdbc.sql("select * from adoption_dissolution where application_id = :id and outcome = 'REQUESTED' for update")
        .param("id", applicationId).query().listOfRows().stream().findFirst().orElse(null);
  }
}

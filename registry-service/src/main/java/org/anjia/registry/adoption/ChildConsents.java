package org.anjia.registry.adoption;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.children.ChildConsentRequest;
import org.anjia.registry.children.ChildHearings;
import org.anjia.registry.children.ChildHearings.Hearing;
import org.anjia.registry.children.ChildHearings.Subject;
import org.anjia.registry.children.Children;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's consent to the adoption (民法典 art. 1104: a child of 8 or more must consent), heard by
 * an official — the registrar of the jurisdiction or an assessor of the case — who records the day,
 * the answer and the child's own words. The applicants cannot declare it. The registrar cannot
 * register the adoption of a child of that age until the latest hearing recorded a consent.
 */
@Service
class ChildConsents {

  private final Applications applications;
  private final Children children;
  private final CurrentUsers users;
  private final AdoptionRules rules;
  private final AuditLog audit;
  private final ChildHearings hearings;
  private final Labels labels;

  ChildConsents(Applications applications, Children children, CurrentUsers users, AdoptionRules rules, AuditLog audit,
      ChildHearings hearings, Labels labels) {
    this.applications = applications;
    this.children = children;
    this.users = users;
    this.rules = rules;
    this.audit = audit;
    this.hearings = hearings;
    this.labels = labels;
  }

  /** Recorded by the registrar of the case's jurisdiction or an assessor assigned to it, before registration. */
  @Transactional
  Hearing record(UUID applicationId, ChildConsentRequest request) {
    CurrentUser official = users.current();
    ApplicationView application = applications.read(applicationId, null);
    if (application.type() != ApplicationType.ADOPTION) {
      throw new NotFoundException("adoption " + applicationId);
    }
    if (application.status() == ApplicationStatus.AWAITING_SPOUSE || application.status().isFinal()
        || AdoptionJourney.REGISTERED_OR_LATER.contains(application.status())) {
      // heard before registration: afterwards the consent can change nothing
      throw new ConflictException("anjia.adoption.childConsent.notNow");
    }
    Role role = official.has(Role.REGISTRAR) ? Role.REGISTRAR : Role.ASSESSOR;
    Hearing hearing = hearings.record(Subject.adoption(applicationId), request, official, role);
    audit.record(AuditAction.UPDATE, "APPLICATION", applicationId, List.of("childConsent"), null);
    return hearing;
  }

  /** Every hearing of the child, latest first; for those who may read the application. */
  @Transactional
  List<Hearing> of(UUID applicationId) {
    applications.read(applicationId, null);
    return hearings(applicationId);
  }

  /** The day the child was last heard, for the family's portal (not what the child said). */
  Optional<LocalDate> lastHeardOn(UUID applicationId) {
    return hearings(applicationId).stream().findFirst().map(Hearing::heardOn);
  }

  /** Registration (ReviewByRegistrar: register) needs the consent of a child of the consent age (art. 1104). */
  @EventListener
  void on(TaskCompletionSubmitted completion) {
    if (!AdoptionProcess.PROCESS_ID.equals(completion.processId()) || !"ReviewByRegistrar".equals(completion.elementId())
        || !"register".equals(completion.variables().get("registrarDecision"))) {
      return;
    }
    int age = children.adoptable(applications.get(completion.applicationId()).getChildId()).orElseThrow().age();
    int consentAge = rules.eligibility().childConsentAge();
    boolean consented = hearings.consented(Subject.adoption(completion.applicationId()));
    if (age >= consentAge && !consented) {
      throw new InvalidInputException(List.of(new FieldProblem("registrarDecision",
          labels.of("anjia.adoption.childConsent.missing", age, consentAge))));
    }
  }

  private List<Hearing> hearings(UUID applicationId) {
    return hearings.of(Subject.adoption(applicationId));
  }
}

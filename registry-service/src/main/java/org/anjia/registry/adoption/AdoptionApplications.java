package org.anjia.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.engine.ProcessVariables;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.children.AdoptableChild;
import org.anjia.registry.children.Children;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.families.Households;
import org.anjia.registry.families.MemberRole;
import org.anjia.registry.fostering.FosterFamilies;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adoption applications: filed by a family for an available child; a married applicant adopts
 * jointly with the spouse (民法典 art. 1101), so the process starts only once the spouse, signed
 * in with an own account of the household, has confirmed.
 */
@Service
class AdoptionApplications {

  private final Households households;
  private final FamilyRepository families;
  private final FamilyAccounts accounts;
  private final Applications applications;
  private final Children children;
  private final FosterFamilies fosterFamilies;
  private final CurrentUsers users;
  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;
  private final AdoptionRules rules;
  private final Labels labels;
  private final Clock clock;

  AdoptionApplications(Households households, FamilyRepository families, FamilyAccounts accounts,
      Applications applications, Children children, FosterFamilies fosterFamilies, CurrentUsers users,
      ApplicationEventPublisher events, JdbcClient jdbc, AdoptionRules rules, Labels labels, Clock clock) {
    this.households = households;
    this.families = families;
    this.accounts = accounts;
    this.applications = applications;
    this.children = children;
    this.fosterFamilies = fosterFamilies;
    this.users = users;
    this.events = events;
    this.jdbc = jdbc;
    this.rules = rules;
    this.labels = labels;
    this.clock = clock;
  }

  @Transactional
  Application submit(AdoptionApplicationRequest request) {
    AdoptableChild child = children.adoptable(request.childId()).filter(AdoptableChild::available)
        .orElseThrow(() -> new InvalidInputException(List.of(
            new FieldProblem("childId", labels.of("anjia.validation.childNotAvailable")))));
    boolean spouseListed = request.family().members().stream().anyMatch(m -> m.role() == MemberRole.SPOUSE);
    if (spouseListed && request.maritalStatus() != MaritalStatus.MARRIED) {
      // a spouse co-applies only as such (民法典 art. 1101); two unmarried people cannot adopt jointly
      throw new InvalidInputException(List.of(
          new FieldProblem("maritalStatus", labels.of("anjia.validation.spouseWithoutMarriage"))));
    }
    Family family = households.forApplicant(request.family(), "family.");
    // filed where the child's institution is (登记办法 art. 3): its registrar reviews
    Application application = applications.open(ApplicationType.ADOPTION, family.getId(), child.id(),
        child.institutionCode(), request.motivation());
    application.keepConfidential(request.confidential());
    if (fosterFamilies.fostersNow(family.getId(), child.id())) {
      application.givePriority(labels.recorded("anjia.adoption.fosterFamilyPriority"));
    }
    jdbc.sql("""
            insert into adoption_declaration (application_id, can_raise_and_protect, marital_status)
            values (:id, :capacity, :maritalStatus)""")
        .param("id", application.getId()).param("capacity", request.canRaiseAndProtect())
        .param("maritalStatus", request.maritalStatus().name())
        .update();
    // a married applicant who leaves the spouse out goes to the eligibility decision, which refuses
    // the application with art. 1101 (JOINT_ADOPTION) for the portal to show
    if (spouseListed) {
      applications.moveTo(application.getId(), ApplicationStatus.AWAITING_SPOUSE, users.current().asActor(), null);
    } else {
      events.publishEvent(new AdoptionApplicationSubmitted(application.getId()));
    }
    return application;
  }

  /** The spouse confirms the joint application with an own account of the household. */
  @Transactional
  void confirmBySpouse(UUID applicationId) {
    CurrentUser user = users.current();
    Application application = ownAdoption(applicationId, user);
    String submitter = application.getHistory().getFirst().getActor().login();
    if (application.getStatus() != ApplicationStatus.AWAITING_SPOUSE || user.username().equals(submitter)) {
      throw new ConflictException("anjia.adoption.spouseConfirmation");
    }
    application.confirmBySpouse(user.username());
    applications.moveTo(applicationId, ApplicationStatus.SUBMITTED, user.asActor(), labels.recorded("anjia.adoption.spouseConfirmed"));
    events.publishEvent(new AdoptionApplicationSubmitted(applicationId));
  }

  /** An adoption application of the user's own household; any other answers 404, as if it did not exist. */
  Application ownAdoption(UUID applicationId, CurrentUser user) {
    Application application = applications.get(applicationId);
    if (application.getType() != ApplicationType.ADOPTION
        || !accounts.isMember(application.getFamilyId(), user.subject())) {
      throw new NotFoundException("application " + applicationId);
    }
    return application;
  }

  /** What adoption.bpmn and its eligibility DMN start with (processes/README.md). */
  Map<String, Object> startVariables(Application application) {
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    AdoptableChild child = children.adoptable(application.getChildId()).orElseThrow();
    Map<String, Object> declaration = jdbc.sql("select * from adoption_declaration where application_id = :id")
        .param("id", application.getId()).query().singleRow();
    LocalDate today = LocalDate.now(clock);
    boolean married = MaritalStatus.valueOf((String) declaration.get("marital_status")) == MaritalStatus.MARRIED;

    var adopters = new java.util.ArrayList<Map<String, Object>>();
    for (HouseholdMember member : family.getMembers()) {
      if (member.getRole() == MemberRole.PRIMARY_CAREGIVER || member.getRole() == MemberRole.SPOUSE) {
        Map<String, Object> adopter = new LinkedHashMap<>();
        adopter.put("name", member.getName());
        adopter.put("age", member.ageOn(today));
        adopter.put("sex", member.getSex().name());
        adopter.put("hasDisqualifyingIllness", family.hasInfectiousOrMentalIllness());
        adopter.put("hasHarmfulCriminalRecord", family.hasCriminalRecord());
        adopter.put("canRaiseAndProtect", declaration.get("can_raise_and_protect"));
        adopters.add(adopter);
      }
    }
    Map<String, Object> childFacts = new LinkedHashMap<>();
    childFacts.put("age", child.age());
    childFacts.put("sex", child.sex());
    childFacts.put("isOrphan", child.orphan());
    childFacts.put("isDisabled", child.disabled());
    childFacts.put("isInstitutionFoundling", child.institutionFoundling());
    childFacts.put("parentsCannotBeFound", child.parentsCannotBeFound());
    childFacts.put("parentsInSpecialHardship", child.parentsInSpecialHardship());

    // what the eligibility DMN reads, as JSON text (process variables stay primitive)
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("adopters", adopters);
    facts.put("married", married);
    facts.put("spouseApplyingJointly", married && application.getSpouseConfirmedBy() != null);
    facts.put("existingChildren", family.getMembers().stream().filter(m -> m.getRole() == MemberRole.CHILD).count());
    facts.put("child", childFacts);
    facts.put("rules", rules.eligibility().asVariables());

    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AdoptionProcess.APPLICATION_ID, application.getId().toString());
    variables.put("applicationNumber", application.getNumber());
    variables.put("jurisdictionCode", application.getJurisdictionCode());
    variables.put("confidential", application.isConfidential());
    variables.put(AdoptionProcess.ELIGIBILITY_FACTS, ProcessVariables.json(facts));
    return variables;
  }
}

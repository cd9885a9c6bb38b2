package org.anjia.registry.fostering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.Household;
import org.anjia.registry.families.MemberRole;
import org.anjia.registry.families.ResidentId;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receives foster-family applications and prepares what the qualification process decides on. */
@Service
class FosterApplications {

  private final FamilyRepository families;
  private final Applications applications;
  private final ApplicationEventPublisher events;
  private final FosterRules rules;
  private final Labels labels;
  private final AuditLog audit;
  private final Clock clock;

  FosterApplications(FamilyRepository families, Applications applications, ApplicationEventPublisher events,
      FosterRules rules, Labels labels, AuditLog audit, Clock clock) {
    this.audit = audit;
    this.families = families;
    this.applications = applications;
    this.events = events;
    this.rules = rules;
    this.labels = labels;
    this.clock = clock;
  }

  /** Stores family and application and, in the same transaction, the event that starts the process. */
  @Transactional
  Application submit(FosterApplicationRequest request) {
    // flushed now: the account link below is plain SQL with a foreign key to it
    Family family = families.saveAndFlush(new Family(household(request.family()), clock.instant()));
    audit.record(AuditAction.CREATE, "FAMILY", family.getId(), List.of("household", "members"), null);
    Application application = applications.open(ApplicationType.FOSTER_FAMILY_QUALIFICATION, family.getId(),
        request.institutionCode(), request.motivation());
    events.publishEvent(new FosterApplicationSubmitted(application.getId()));
    return application;
  }

  private Household household(FosterApplicationRequest.FamilyInput input) {
    LocalDate today = LocalDate.now(clock);
    List<Household.Member> members = new ArrayList<>();
    for (FosterApplicationRequest.MemberInput m : input.members()) {
      // already validated by @ValidResidentId; parse again for the birth date and sex it carries
      ResidentId residentId = ResidentId.parse(m.residentId(), today).orElseThrow();
      members.add(new Household.Member(m.name().trim(), residentId, m.role(), m.education(), m.healthNote()));
    }
    long caregivers = members.stream().filter(m -> m.role() == MemberRole.PRIMARY_CAREGIVER).count();
    if (caregivers != 1) {
      // art. 12(5): the agreement names exactly one primary caregiver
      throw new InvalidInputException(List.of(
          new FieldProblem("family.members", labels.of("anjia.validation.onePrimaryCaregiver"))));
    }
    return new Household(input.address().trim(), input.hukouLocality().trim(), input.localHukou(), input.fixedHome(),
        input.livingSpaceM2(), input.monthlyIncomeYuan(), input.phone().trim(), input.infectiousOrMentalIllness(),
        input.criminalRecord(), members);
  }

  /** The facts the eligibility DMN reads, computed on the day the process starts. */
  Map<String, Object> householdFacts(Family family) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("hasLocalHukou", family.isLocalHukou());
    facts.put("hasFixedHome", family.isFixedHome());
    facts.put("livingSpacePerPerson", family.livingSpacePerPerson());
    facts.put("incomePerPerson", family.incomePerPerson());
    facts.put("memberHasInfectiousOrMentalIllness", family.hasInfectiousOrMentalIllness());
    facts.put("memberHasCriminalRecord", family.hasCriminalRecord());
    family.primaryCaregiver().ifPresent(caregiver -> {
      facts.put("caregiverAge", caregiver.ageOn(today));
      facts.put("caregiverEducationLevel", caregiver.getEducation().level());
    });
    var youngest = family.youngestChildAge(today);
    facts.put("youngestChildAge", youngest.isPresent() ? youngest.getAsInt() : null);
    return facts;
  }

  Map<String, Object> startVariables(Application application, Family family) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(FosterQualification.APPLICATION_ID, application.getId().toString());
    variables.put(FosterQualification.APPLICATION_NUMBER, application.getNumber());
    variables.put(FosterQualification.HOUSEHOLD, householdFacts(family));
    variables.put(FosterQualification.RULES, rules.eligibility().asVariables());
    variables.put(FosterQualification.DEADLINES, rules.deadlinesAsVariables());
    return variables;
  }
}

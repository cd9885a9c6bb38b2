package org.anjia.registry.fostering;

import org.anjia.registry.engine.ProcessVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.Households;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receives foster-family applications and prepares what the qualification process decides on. */
@Service
class FosterApplications {

  private final Households households;
  private final Applications applications;
  private final ApplicationEventPublisher events;
  private final FosterRules rules;
  private final Clock clock;

  FosterApplications(Households households, Applications applications, ApplicationEventPublisher events,
      FosterRules rules, Clock clock) {
    this.households = households;
    this.applications = applications;
    this.events = events;
    this.rules = rules;
    this.clock = clock;
  }

  /** Stores family and application and, in the same transaction, the event that starts the process. */
  @Transactional
  Application submit(FosterApplicationRequest request) {
    Family family = households.forApplicant(request.family(), "family.");
    Application application = applications.open(ApplicationType.FOSTER_FAMILY_QUALIFICATION, family.getId(), null,
        request.institutionCode(), request.motivation());
    events.publishEvent(new FosterApplicationSubmitted(application.getId()));
    return application;
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
    // what the eligibility DMN reads, as JSON text (process variables stay primitive)
    variables.put(FosterQualification.ELIGIBILITY_FACTS, ProcessVariables.json(Map.of(
        FosterQualification.HOUSEHOLD, householdFacts(family),
        FosterQualification.RULES, rules.eligibility().asVariables())));
    return variables;
  }
}

package org.anjia.registry.familystyle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.engine.ProcessVariables;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdInput;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.families.Households;
import org.anjia.registry.families.MemberRole;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A married couple applies together to an open call (local practice, Xining: "legally married couple,
 * one partner caring full time"): one spouse submits, naming the other in the household (role
 * SPOUSE) and the day the marriage was registered; the application waits (AWAITING_SPOUSE) until the
 * other spouse confirms from an own account of the household, as a joint adoption does. Only then
 * does family-style-qualification.bpmn start. An application without a spouse or a marriage is
 * refused before anything is written.
 */
@Service
class CoupleApplications {

  record CoupleApplicationRequest(
      @NotNull UUID callId,
      LocalDate marriageRegisteredOn,
      @Size(max = 18) String fullTimePartnerResidentId,
      @Size(max = 2000) String motivation,
      @NotNull @Valid HouseholdInput family) {}

  /** What the couple declared, read back for the portal and the process. */
  record Declaration(UUID callId, LocalDate marriageRegisteredOn, String fullTimePartnerId, String spouseResidentId) {}

  private final Households households;
  private final FamilyRepository families;
  private final FamilyAccounts accounts;
  private final Applications applications;
  private final FamilyStyleCalls calls;
  private final ProcessMessages messages;
  private final CurrentUsers users;
  private final CoupleRules rules;
  private final JdbcClient jdbc;
  private final Labels labels;
  private final Clock clock;

  CoupleApplications(Households households, FamilyRepository families, FamilyAccounts accounts,
      Applications applications, FamilyStyleCalls calls, ProcessMessages messages, CurrentUsers users,
      CoupleRules rules, JdbcClient jdbc, Labels labels, Clock clock) {
    this.households = households;
    this.families = families;
    this.accounts = accounts;
    this.applications = applications;
    this.calls = calls;
    this.messages = messages;
    this.users = users;
    this.rules = rules;
    this.jdbc = jdbc;
    this.labels = labels;
    this.clock = clock;
  }

  @Transactional
  Application submit(CoupleApplicationRequest request) {
    // every refusal comes before the first write
    List<FieldProblem> problems = new ArrayList<>();
    List<HouseholdInput.MemberInput> members = request.family().members();
    Optional<HouseholdInput.MemberInput> applicant = members.stream()
        .filter(m -> m.role() == MemberRole.PRIMARY_CAREGIVER).findFirst();
    Optional<HouseholdInput.MemberInput> spouse = members.stream().filter(m -> m.role() == MemberRole.SPOUSE).findFirst();
    if (applicant.isEmpty() || spouse.isEmpty()) {
      problems.add(new FieldProblem("family.members", labels.of("anjia.familyStyle.coupleRequired")));
    }
    if (request.marriageRegisteredOn() == null || request.marriageRegisteredOn().isAfter(LocalDate.now(clock))) {
      problems.add(new FieldProblem("marriageRegisteredOn", labels.of("anjia.familyStyle.marriageRequired")));
    }
    String fullTime = request.fullTimePartnerResidentId() == null ? "" : request.fullTimePartnerResidentId().trim();
    if (applicant.isPresent() && spouse.isPresent()
        && !fullTime.equalsIgnoreCase(applicant.get().residentId()) && !fullTime.equalsIgnoreCase(spouse.get().residentId())) {
      problems.add(new FieldProblem("fullTimePartnerResidentId", labels.of("anjia.familyStyle.fullTimePartner")));
    }
    Optional<FamilyStyleCalls.Call> call = calls.openCall(request.callId());
    if (call.isEmpty()) {
      problems.add(new FieldProblem("callId", labels.of("anjia.familyStyle.callNotOpen")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Family family = households.forApplicant(request.family(), "family.");
    Application application = applications.open(ApplicationType.FAMILY_STYLE, family.getId(), null,
        call.get().institutionCode(), request.motivation());
    jdbc.sql("""
            insert into couple_declaration (application_id, call_id, marriage_registered_on, full_time_partner_id,
                spouse_resident_id)
            values (:id, :call, :married, :fullTime, :spouse)""")
        .param("id", application.getId()).param("call", call.get().id())
        .param("married", request.marriageRegisteredOn()).param("fullTime", fullTime.toUpperCase())
        .param("spouse", spouse.get().residentId().toUpperCase())
        .update();
    applications.moveTo(application.getId(), ApplicationStatus.AWAITING_SPOUSE, users.current().asActor(), null);
    return application;
  }

  /** The other spouse confirms from an own account of the household; the qualification starts. */
  @Transactional
  void confirmBySpouse(UUID applicationId) {
    CurrentUser user = users.current();
    Application application = own(applicationId, user);
    String submitter = application.getHistory().getFirst().getActor().login();
    if (application.getStatus() != ApplicationStatus.AWAITING_SPOUSE || user.username().equals(submitter)) {
      throw new ConflictException("anjia.familyStyle.spouseConfirmation");
    }
    application.confirmBySpouse(user.username());
    applications.moveTo(applicationId, ApplicationStatus.SUBMITTED, user.asActor(),
        labels.recorded("anjia.familyStyle.spouseConfirmed"));
    startQualification(application);
  }

  /** Starts family-style-qualification.bpmn for a confirmed application, in the caller's transaction. */
  void startQualification(Application application) {
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    messages.start(CoupleProcess.SUBMITTED_MESSAGE, CoupleProcess.PROCESS_ID, application.getId().toString(),
        startVariables(application, family));
  }

  /** A family-style application of the user's own household; any other answers 404. */
  Application own(UUID applicationId, CurrentUser user) {
    Application application = applications.get(applicationId);
    if (application.getType() != ApplicationType.FAMILY_STYLE || !accounts.isMember(application.getFamilyId(), user.subject())) {
      throw new NotFoundException("application " + applicationId);
    }
    return application;
  }

  Declaration declaration(UUID applicationId) {
    return jdbc.sql("select * from couple_declaration where application_id = :id").param("id", applicationId)
        .query((rs, n) -> new Declaration(rs.getObject("call_id", UUID.class),
            rs.getObject("marriage_registered_on", LocalDate.class), rs.getString("full_time_partner_id"),
            rs.getString("spouse_resident_id")))
        .single();
  }

  /** What the eligibility DMN reads (processes/family-style-eligibility.dmn), computed on the day it starts. */
  Map<String, Object> startVariables(Application application, Family family) {
    Declaration declaration = declaration(application.getId());
    LocalDate today = LocalDate.now(clock);
    Optional<HouseholdMember> applicant = family.getMembers().stream()
        .filter(m -> m.getRole() == MemberRole.PRIMARY_CAREGIVER).findFirst();
    Optional<HouseholdMember> spouse = family.getMembers().stream()
        .filter(m -> m.getRole() == MemberRole.SPOUSE).findFirst();
    Optional<HouseholdMember> fullTime = family.getMembers().stream()
        .filter(m -> m.getResidentId().equalsIgnoreCase(declaration.fullTimePartnerId())).findFirst();
    Map<String, Object> couple = new LinkedHashMap<>();
    couple.put("married", declaration.marriageRegisteredOn() != null && spouse.isPresent()
        && application.getSpouseConfirmedBy() != null);
    couple.put("fullTimePartnerNamed", fullTime.isPresent());
    couple.put("hasInfectiousOrMentalIllness", family.hasInfectiousOrMentalIllness());
    couple.put("hasCriminalRecord", family.hasCriminalRecord());
    couple.put("applicantAge", applicant.map(m -> m.ageOn(today)).orElse(null));
    couple.put("spouseAge", spouse.map(m -> m.ageOn(today)).orElse(null));
    couple.put("fullTimePartnerEducationLevel", fullTime.map(m -> m.getEducation().level()).orElse(null));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("couple", couple);
    facts.put("rules", rules.asVariables());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("applicationId", application.getId().toString());
    variables.put("applicationNumber", application.getNumber());
    variables.put(CoupleProcess.MIN_TRAINING_HOURS, rules.minTrainingHours());
    variables.put("eligibilityFacts", ProcessVariables.json(facts));
    return variables;
  }
}

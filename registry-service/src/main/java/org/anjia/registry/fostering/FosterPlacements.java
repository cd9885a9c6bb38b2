package org.anjia.registry.fostering;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.children.ChildConsentRequest;
import org.anjia.registry.children.ChildHearings;
import org.anjia.registry.children.ChildHearings.Hearing;
import org.anjia.registry.children.ChildHearings.Subject;
import org.anjia.registry.children.ChildAdopted;
import org.anjia.registry.children.ChildAdoptionEvents;
import org.anjia.registry.children.Children;
import org.anjia.registry.children.FosterChild;
import org.anjia.registry.engine.ProcessMessages;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.families.MemberRole;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 家庭寄养安置 (家庭寄养管理办法 民政部令第54号, 2014): a caseworker matches a child of the institution
 * with a family of its foster register, the director approves (foster-placement.bpmn), and the
 * placement starts on the child's file once the family and the director have signed the agreement.
 * A match that breaks a rule of arts. 7, 9, 11 or 14 is refused next to its field before anything
 * is written or the engine is asked.
 */
@Service
class FosterPlacements {

  private static final String OBJECT = "FOSTER_PLACEMENT";
  /** What the family sees of its placements: from the director's approval on. */
  private static final List<String> SHOWN_TO_FAMILY = List.of(FosterPlacementStatus.AWAITING_SIGNATURES.name(),
      FosterPlacementStatus.ACTIVE.name(), FosterPlacementStatus.ENDED.name());

  /** A placement as the institution's staff see it. */
  record Placement(UUID id, UUID childId, String childName, UUID familyId, String familyName, UUID registerEntryId,
      FosterPlacementStatus status, LocalDate from, LocalDate until, String primaryCaregiver, int integrationDays,
      String liability, String proposedBy, Instant proposedAt, String decisionNote, Instant familySignedAt,
      Instant directorSignedAt, LocalDate startedOn, LocalDate endedOn) {}

  /** A placement as the foster family sees it: the child's name, age and care notes, not the whole file. */
  record FamilyPlacement(UUID id, String childName, int childAge, String healthNotes, String educationNotes,
      FosterPlacementStatus status, LocalDate from, LocalDate until, String primaryCaregiver, int integrationDays,
      String liability, Instant familySignedAt, Instant directorSignedAt, LocalDate startedOn, LocalDate endedOn,
      Instant adoptionNotifiedAt) {}

  /** The register entry a match is made from: the family's latest with the child's institution. */
  private record RegisterEntry(UUID id, LocalDate expiresOn) {}

  private final Children children;
  private final ChildHearings hearings;
  private final FamilyRepository families;
  private final FamilyAccounts familyAccounts;
  private final ProcessMessages messages;
  private final FosterRules rules;
  private final CurrentUsers users;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Labels labels;
  private final RegisterRenewals renewals;
  private final Clock clock;

  FosterPlacements(Children children, ChildHearings hearings, FamilyRepository families, FamilyAccounts familyAccounts,
      ProcessMessages messages, FosterRules rules, CurrentUsers users, JdbcClient jdbc, AuditLog audit, Labels labels,
      RegisterRenewals renewals, Clock clock) {
    this.children = children;
    this.hearings = hearings;
    this.families = families;
    this.familyAccounts = familyAccounts;
    this.messages = messages;
    this.rules = rules;
    this.users = users;
    this.jdbc = jdbc;
    this.audit = audit;
    this.labels = labels;
    this.renewals = renewals;
    this.clock = clock;
  }

  /** 听取儿童意见 (art. 11): the caseworker of the child's institution records the hearing. */
  @Transactional
  Hearing recordConsent(UUID childId, ChildConsentRequest request) {
    CurrentUser caseworker = users.current();
    children.fosterCandidate(childId);
    Hearing hearing = hearings.record(Subject.fosterCare(childId), request, caseworker, Role.CASEWORKER);
    audit.record(AuditAction.UPDATE, "CHILD", childId, List.of("fosterConsent"), null);
    return hearing;
  }

  /**
   * The caseworker's match, of the child and the siblings placed with it; every broken rule is refused
   * next to its field, nothing is written and the engine is not asked. The family's register entry is
   * locked while its placements are counted, so two matches at once cannot both take its last place.
   */
  @Transactional
  Placement propose(FosterPlacementRequest request) {
    CurrentUser caseworker = users.current();
    FosterChild child = children.fosterCandidate(request.childId());
    List<FosterChild> group = new ArrayList<>(List.of(child));
    request.siblings().forEach(id -> group.add(children.fosterCandidate(id)));
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    for (FosterChild placed : group) {
      checkChild(placed, placed == child ? "childId" : "siblingIds", request, today, problems);
    }
    Optional<Family> family = families.findById(request.familyId());
    Optional<RegisterEntry> entry = family.flatMap(f -> lockedEntry(f.getId(), child.institutionCode()));
    if (entry.isEmpty()) {
      problems.add(new FieldProblem("familyId", labels.of("anjia.foster.placement.notInRegister")));
    } else {
      checkFamily(family.get(), entry.get(), request, group.size(), today, problems);
    }
    checkSiblings(child, group, request, problems);
    checkAgreement(request, today, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Placement> proposed = group.stream().map(placed -> insert(placed, entry.get(), request, caseworker)).toList();
    proposed.forEach(placement -> messages.start(FosterPlacementProcess.PROPOSED_MESSAGE,
        FosterPlacementProcess.PROCESS_ID, placement.childId().toString(), startVariables(placement, request)));
    return proposed.getFirst();
  }

  private Placement insert(FosterChild child, RegisterEntry entry, FosterPlacementRequest request,
      CurrentUser caseworker) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into foster_placement (id, child_id, family_id, register_entry_id, institution_code, status,
                planned_from, agreed_until, primary_caregiver, integration_days, liability, proposed_by, proposed_at,
                siblings_apart_reason)
            values (:id, :child, :family, :entry, :institution, :status, :from, :until, :caregiver, :days, :liability,
                :by, :at, :apart)""")
        .param("id", id).param("child", child.id()).param("family", request.familyId())
        .param("entry", entry.id()).param("institution", child.institutionCode())
        .param("status", FosterPlacementStatus.PROPOSED.name())
        .param("from", Date.valueOf(request.from())).param("until", Date.valueOf(request.until()))
        .param("caregiver", request.primaryCaregiver().trim()).param("days", request.integrationDays())
        .param("liability", request.liability().trim()).param("by", caseworker.username())
        .param("at", Timestamp.from(clock.instant()))
        .param("apart", request.siblingsApartExplained() ? request.siblingsApartReason().trim() : null)
        .update();
    audit.record(AuditAction.CREATE, OBJECT, id, List.of("childId", "familyId", "agreement"), null);
    return find(id).orElseThrow();
  }

  /**
   * Art. 7: orphans and foundlings under 18 in the institution's care, not needing long-term professional
   * care; not one already placed; art. 11:
   * consent from 8. A sibling's problems go next to the siblings, with its name.
   */
  private void checkChild(FosterChild child, String field, FosterPlacementRequest request, LocalDate today,
      List<FieldProblem> problems) {
    String consentField = "childId".equals(field) ? "childConsent" : field;
    java.util.function.UnaryOperator<String> named =
        "childId".equals(field) ? message -> message : message -> child.name() + "：" + message;
    if (!child.inGuardianship() || !child.inCare() || child.ageOn(request.from()) >= 18) {
      problems.add(new FieldProblem(field, named.apply(labels.of("anjia.foster.placement.notInGuardianship"))));
    }
    if (child.needsProfessionalCare()) {
      problems.add(new FieldProblem(field, named.apply(labels.of("anjia.foster.placement.needsProfessionalCare"))));
    }
    if (count("child_id = :id", child.id()) > 0) {
      problems.add(new FieldProblem(field, named.apply(labels.of("anjia.foster.placement.childAlreadyPlaced"))));
    }
    int age = child.ageOn(today);
    int consentAge = rules.placement().childConsentAge();
    if (age >= consentAge && !hearings.consented(Subject.fosterCare(child.id()))) {
      problems.add(new FieldProblem(consentField,
          named.apply(labels.of("anjia.foster.placement.consentMissing", age, consentAge))));
    }
  }

  /**
   * Siblings are placed together unless a reason is recorded (the matching rule; the law sets
   * no article for it): a sibling still in care who is neither in this match nor already with the
   * family needs the reason; a child who is no sibling cannot ride along.
   */
  private void checkSiblings(FosterChild child, List<FosterChild> group, FosterPlacementRequest request,
      List<FieldProblem> problems) {
    List<FosterChild> siblings = children.siblingsInCare(child.id());
    List<UUID> siblingIds = siblings.stream().map(FosterChild::id).toList();
    if (group.stream().skip(1).anyMatch(placed -> !siblingIds.contains(placed.id()))) {
      problems.add(new FieldProblem("siblingIds", labels.of("anjia.foster.placement.notASibling")));
    }
    List<String> apart = siblings.stream()
        .filter(sibling -> group.stream().noneMatch(placed -> placed.id().equals(sibling.id())))
        .filter(sibling -> !placedWith(sibling.id(), request.familyId()))
        .map(FosterChild::name)
        .toList();
    if (!apart.isEmpty() && !request.siblingsApartExplained()) {
      problems.add(new FieldProblem("siblingsApartReason",
          labels.of("anjia.foster.placement.siblingsApart", String.join("、", apart))));
    }
  }

  /** The register entry still valid (by the engine clock); art. 9: at most 2 foster children, no own child under 6. */
  private void checkFamily(Family family, RegisterEntry entry, FosterPlacementRequest request, int children,
      LocalDate today, List<FieldProblem> problems) {
    if (today.isAfter(entry.expiresOn())) {
      problems.add(new FieldProblem("familyId", labels.of("anjia.foster.placement.registerExpired", entry.expiresOn())));
    }
    renewals.refuseMatch(entry.id(), family, problems);
    int placed = count("family_id = :id", family.getId());
    if (placed + children > rules.maxChildrenPerFamily()) {
      problems.add(new FieldProblem("familyId", children == 1
          ? labels.of("anjia.foster.placement.capacity", placed, rules.maxChildrenPerFamily())
          : labels.of("anjia.foster.placement.capacityForSiblings", placed, children, rules.maxChildrenPerFamily())));
    }
    // ages from the resident IDs on the placement date: a child born since the approval counts too
    int minAge = rules.eligibility().ownChildMinAge();
    family.getMembers().stream()
        .filter(member -> member.getRole() == MemberRole.CHILD && member.ageOn(request.from()) < minAge)
        .findFirst()
        .ifPresent(young -> problems.add(new FieldProblem("familyId", labels.of("anjia.foster.placement.ownChildUnder",
            young.getName(), young.ageOn(request.from()), minAge, request.from()))));
    boolean caregiverIsMember = family.getMembers().stream().map(HouseholdMember::getName)
        .anyMatch(name -> name.equals(request.primaryCaregiver().trim()));
    if (!caregiverIsMember) {
      problems.add(new FieldProblem("primaryCaregiver", labels.of("anjia.foster.placement.caregiverNotMember")));
    }
  }

  /** Art. 12(5): a period that starts today or later and ends after it; art. 14: integration of at least the minimum. */
  private void checkAgreement(FosterPlacementRequest request, LocalDate today, List<FieldProblem> problems) {
    if (request.from().isBefore(today)) {
      problems.add(new FieldProblem("from", labels.of("anjia.foster.placement.fromInPast")));
    }
    if (!request.until().isAfter(request.from())) {
      problems.add(new FieldProblem("until", labels.of("anjia.foster.placement.untilBeforeFrom")));
    }
    int minimum = rules.placement().minIntegrationDays();
    if (request.integrationDays() < minimum) {
      problems.add(new FieldProblem("integrationDays",
          labels.of("anjia.foster.placement.integrationTooShort", minimum)));
    }
  }

  private Optional<RegisterEntry> lockedEntry(UUID familyId, String institutionCode) {
    return jdbc.sql("""
            select e.id, e.expires_on from foster_register_entry e join application a on a.id = e.application_id
            where e.family_id = :family and a.institution_code = :institution
            order by e.expires_on desc limit 1 for update of e""")
        .param("family", familyId).param("institution", institutionCode)
        .query((rs, row) -> new RegisterEntry(rs.getObject("id", UUID.class), rs.getObject("expires_on", LocalDate.class)))
        .optional();
  }

  private boolean placedWith(UUID childId, UUID familyId) {
    return jdbc.sql("select count(*) from foster_placement where child_id = :child and family_id = :family and status in (:open)")
        .param("child", childId).param("family", familyId).param("open", FosterPlacementStatus.OPEN)
        .query(Integer.class).single() > 0;
  }

  private int count(String condition, UUID id) {
    return jdbc.sql("select count(*) from foster_placement where " + condition + " and status in (:open)")
        .param("id", id).param("open", FosterPlacementStatus.OPEN).query(Integer.class).single();
  }

  private Map<String, Object> startVariables(Placement placement, FosterPlacementRequest request) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(FosterPlacementProcess.PLACEMENT_ID, placement.id().toString());
    variables.put("childId", placement.childId().toString());
    variables.put("childName", placement.childName());
    variables.put("familyName", placement.familyName());
    variables.put("primaryCaregiver", placement.primaryCaregiver());
    variables.put("agreementFrom", placement.from().toString());
    variables.put("agreementUntil", placement.until().toString());
    variables.put("integrationDays", placement.integrationDays());
    variables.put("liability", placement.liability());
    if (request.siblingsApartExplained()) {
      variables.put("siblingsApartReason", request.siblingsApartReason().trim());
    }
    return variables;
  }

  /** The family signs its own agreement on the portal (art. 12(5)). */
  @Transactional
  FamilyPlacement signByFamily(UUID id) {
    CurrentUser user = users.current();
    Placement placement = ownedBySignedInFamily(id);
    int signed = jdbc.sql("""
            update foster_placement set family_signed_by = :by, family_signed_at = :at
            where id = :id and status = :status and family_signed_at is null""")
        .param("by", user.username()).param("at", Timestamp.from(clock.instant())).param("id", id)
        .param("status", FosterPlacementStatus.AWAITING_SIGNATURES.name())
        .update();
    if (signed == 0) {
      throw new ConflictException("anjia.foster.placement.notAwaitingSignature");
    }
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("familySignature"), null);
    messages.correlate(FosterPlacementProcess.FAMILY_SIGNED_MESSAGE, placement.childId().toString(), Map.of());
    return familyView(find(id).orElseThrow());
  }

  /** A placement of the signed-in family's own household; another family's does not exist for it. */
  Placement ownedBySignedInFamily(UUID id) {
    CurrentUser user = users.current();
    return find(id).filter(p -> familyAccounts.isMember(p.familyId(), user.subject())).orElseThrow(() -> outOfScope(id));
  }

  /** A placement of the signed-in staff member's institution; another institution's does not exist for them. */
  Placement ofStaffInstitution(UUID id) {
    return list("p.id = :id and p.institution_code = :institution",
        Map.of("id", id, "institution", users.current().institution()))
        .stream().findFirst().orElseThrow(() -> outOfScope(id));
  }

  /**
   * Locks the placement's row for the rest of the transaction, so two requests changing it at once
   * (two respites, a respite and a termination) are decided one after the other.
   */
  Placement locked(UUID id) {
    jdbc.sql("select id from foster_placement where id = :id for update").param("id", id).query(UUID.class).single();
    return find(id).orElseThrow();
  }

  private NotFoundException outOfScope(UUID id) {
    audit.recordRefusal(AuditAction.DENIED, OBJECT, id, "outside scope", null, null);
    return new NotFoundException("foster placement " + id);
  }

  // --- reads of the placement board and the agreement (FosterPlacementBoard) ---

  /** The placements of the signed-in staff member's institution in these statuses, soonest start first. */
  List<Placement> ofStaffInstitution(List<String> statuses) {
    return list("p.institution_code = :institution and p.status in (:statuses)",
        Map.of("institution", users.current().institution(), "statuses", statuses))
        .stream().sorted(java.util.Comparator.comparing(Placement::from)).toList();
  }

  /** The child of each of the signed-in family's placements that {@link #own} shows, by placement. */
  Map<UUID, UUID> childrenOfOwn() {
    List<UUID> households = familyAccounts.familiesOf(users.current().subject());
    if (households.isEmpty()) {
      return Map.of();
    }
    Map<UUID, UUID> children = new LinkedHashMap<>();
    jdbc.sql("select id, child_id from foster_placement where family_id in (:households) and status in (:shown)")
        .param("households", households).param("shown", SHOWN_TO_FAMILY)
        .query((rs, row) -> children.put(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class)))
        .list();
    return children;
  }

  /** The signed-in family's agreement, once the director has approved the match (as {@link #own} shows it). */
  Placement agreementOfSignedInFamily(UUID id) {
    Placement placement = ownedBySignedInFamily(id);
    if (!SHOWN_TO_FAMILY.contains(placement.status().name())) {
      throw outOfScope(id);
    }
    return placement;
  }

  /** The foster placements of a child, for the staff who keep the child's file. */
  @Transactional
  List<Placement> ofChild(UUID childId) {
    children.fosterCandidate(childId);
    audit.record(AuditAction.READ, "CHILD", childId, List.of("fosterPlacements"), null);
    return list("p.child_id = :id", Map.of("id", childId));
  }

  /** A family's foster placements with the staff member's own institution. */
  @Transactional
  List<Placement> ofFamily(UUID familyId) {
    CurrentUser user = users.current();
    audit.record(AuditAction.READ, "FAMILY", familyId, List.of("fosterPlacements"), null);
    return list("p.family_id = :id and p.institution_code = :institution",
        Map.of("id", familyId, "institution", user.institution()));
  }

  /** The signed-in family's own placements, from the approval on (a proposal the director has not approved is not shown). */
  @Transactional
  List<FamilyPlacement> own() {
    List<UUID> households = familyAccounts.familiesOf(users.current().subject());
    if (households.isEmpty()) {
      return List.of();
    }
    return list("p.family_id in (:households) and p.status in (:shown)",
        Map.of("households", households, "shown", SHOWN_TO_FAMILY))
        .stream().map(this::familyView).toList();
  }

  private FamilyPlacement familyView(Placement placement) {
    FosterChild child = children.fosterChild(placement.childId()).orElseThrow();
    return new FamilyPlacement(placement.id(), child.name(), child.ageOn(LocalDate.now(clock)), child.healthNotes(),
        child.educationNotes(), placement.status(), placement.from(), placement.until(), placement.primaryCaregiver(),
        placement.integrationDays(), placement.liability(), placement.familySignedAt(), placement.directorSignedAt(),
        placement.startedOn(), placement.endedOn(), adoptionNotifiedAt(placement.id()));
  }

  private Instant adoptionNotifiedAt(UUID id) {
    return jdbc.sql("select adoption_notified_at from foster_placement where id = :id").param("id", id)
        .query((rs, row) -> instant(rs, "adoption_notified_at")).list().getFirst();
  }

  /**
   * The institution places a foster child for adoption (送养): the foster family is told on its portal
   * as the child's materials are filed (art. 23); its own application to adopt the child comes first.
   */
  @EventListener
  void on(ChildAdoptionEvents.PlacementRequested placedForAdoption) {
    int told = jdbc.sql("""
            update foster_placement set adoption_notified_at = :at
            where child_id = :child and status = :active and adoption_notified_at is null""")
        .param("at", Timestamp.from(clock.instant())).param("child", placedForAdoption.childId())
        .param("active", FosterPlacementStatus.ACTIVE.name())
        .update();
    if (told > 0) {
      audit.record(AuditAction.UPDATE, "CHILD", placedForAdoption.childId(), List.of("fosterFamilyNotified"), null);
    }
  }

  // --- the process's steps (FosterPlacementDelegates): idempotent by status, recorded as the engine's ---

  void refuse(UUID id, String comments) {
    move(id, FosterPlacementStatus.PROPOSED, FosterPlacementStatus.REFUSED, comments);
  }

  void awaitSignatures(UUID id) {
    move(id, FosterPlacementStatus.PROPOSED, FosterPlacementStatus.AWAITING_SIGNATURES, null);
  }

  void withdraw(UUID id, String notes) {
    move(id, FosterPlacementStatus.AWAITING_SIGNATURES, FosterPlacementStatus.WITHDRAWN, notes);
  }

  /** Both signed: the placement starts today, on the child's file too. */
  @Transactional
  Placement start(UUID id) {
    LocalDate today = LocalDate.now(clock);
    jdbc.sql("update foster_placement set status = :active, started_on = :today where id = :id and status = :awaiting")
        .param("active", FosterPlacementStatus.ACTIVE.name()).param("today", Date.valueOf(today)).param("id", id)
        .param("awaiting", FosterPlacementStatus.AWAITING_SIGNATURES.name())
        .update();
    Placement placement = find(id).orElseThrow();
    children.startFosterPlacement(placement.childId(), id, placement.startedOn(), placement.familyName());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("status", "startedOn"), null);
    return placement;
  }

  /**
   * The adoption of the foster child is registered (art. 23): its placement ends with the registration,
   * which has already placed the child on the file, and the journey is told (its visits stop). A match
   * still awaiting approval or signatures is withdrawn, and its process with it.
   */
  @EventListener
  void on(ChildAdopted adoption) {
    list("p.child_id = :id and p.status = :active",
        Map.of("id", adoption.childId(), "active", FosterPlacementStatus.ACTIVE.name()))
        .forEach(placement -> end(placement.id(), "收养登记 " + adoption.certificateNumber()));
    messages.notifyIfWaiting(FosterPlacementProcess.ENDED_MESSAGE, adoption.childId().toString());
    String note = labels.recorded("anjia.foster.placement.withdrawnByAdoption", adoption.certificateNumber());
    list("p.child_id = :id and p.status in (:pending)", Map.of("id", adoption.childId(), "pending",
        List.of(FosterPlacementStatus.PROPOSED.name(), FosterPlacementStatus.AWAITING_SIGNATURES.name())))
        .forEach(pending -> {
          move(pending.id(), pending.status(), FosterPlacementStatus.WITHDRAWN, note);
          messages.cancel(FosterPlacementProcess.PROCESS_ID, adoption.childId().toString(), note);
        });
  }

  /**
   * The placement ends (the integration assessment ended it, its agreed period is over, or the child
   * was adopted): the child is back in the institution's care unless the file has moved on already.
   */
  @Transactional
  void end(UUID id, String reason) {
    LocalDate today = LocalDate.now(clock);
    jdbc.sql("""
            update foster_placement set status = :ended, ended_on = :today, end_reason = :reason
            where id = :id and status = :active""")
        .param("ended", FosterPlacementStatus.ENDED.name()).param("today", Date.valueOf(today))
        .param("reason", reason).param("id", id).param("active", FosterPlacementStatus.ACTIVE.name())
        .update();
    Placement placement = find(id).orElseThrow();
    children.endFosterPlacement(placement.childId(), id, placement.endedOn(), reason);
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("status", "endedOn"), reason);
  }

  /** The director's signature (SignAgreement: sign), in the transaction of the completion. */
  void signByDirector(UUID childId, String director) {
    jdbc.sql("""
            update foster_placement set director_signed_by = :by, director_signed_at = :at
            where child_id = :child and status = :awaiting and director_signed_at is null""")
        .param("by", director).param("at", Timestamp.from(clock.instant())).param("child", childId)
        .param("awaiting", FosterPlacementStatus.AWAITING_SIGNATURES.name())
        .update();
  }

  private void move(UUID id, FosterPlacementStatus from, FosterPlacementStatus to, String note) {
    int moved = jdbc.sql("update foster_placement set status = :to, decision_note = :note where id = :id and status = :from")
        .param("to", to.name()).param("note", note).param("id", id).param("from", from.name())
        .update();
    if (moved > 0) {
      audit.record(AuditAction.UPDATE, OBJECT, id, List.of("status"), note);
    }
  }

  private Optional<Placement> find(UUID id) {
    return list("p.id = :id", Map.of("id", id)).stream().findFirst();
  }

  private List<Placement> list(String condition, Map<String, ?> parameters) {
    return jdbc.sql("""
            select p.*, c.name as child_name, f.display_name as family_name
            from foster_placement p join child c on c.id = p.child_id join family f on f.id = p.family_id
            where %s order by p.proposed_at desc""".formatted(condition))
        .params(parameters)
        .query((rs, row) -> placement(rs))
        .list();
  }

  private static Placement placement(ResultSet rs) throws SQLException {
    return new Placement(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
        rs.getString("child_name"), rs.getObject("family_id", UUID.class), rs.getString("family_name"),
        rs.getObject("register_entry_id", UUID.class), FosterPlacementStatus.valueOf(rs.getString("status")),
        rs.getObject("planned_from", LocalDate.class), rs.getObject("agreed_until", LocalDate.class),
        rs.getString("primary_caregiver"), rs.getInt("integration_days"), rs.getString("liability"),
        rs.getString("proposed_by"), instant(rs, "proposed_at"), rs.getString("decision_note"),
        instant(rs, "family_signed_at"), instant(rs, "director_signed_at"), rs.getObject("started_on", LocalDate.class),
        rs.getObject("ended_on", LocalDate.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}

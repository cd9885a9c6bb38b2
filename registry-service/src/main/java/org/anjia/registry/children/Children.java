package org.anjia.registry.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.documents.StoredFile;
import org.anjia.registry.documents.Uploads;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.ActorNames;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Children's files. Staff of the child's institution keep them; registrars of its jurisdiction and
 * auditors read them; every read is audited and every change is kept field by field (child_change).
 */
@Service
public class Children {

  private static final String OBJECT = "CHILD";
  private static final String DOCUMENT = "CHILD_DOCUMENT";
  /** The width of a visit's request key (V37), as of every Idempotency-Key (V12). */
  private static final int MAX_REQUEST_KEY_LENGTH = 100;

  private final ChildRepository children;
  private final ChildDocumentRepository documents;
  private final Uploads uploads;
  private final JdbcClient jdbc;
  private final CurrentUsers users;
  private final Institutions institutions;
  private final ChildFileNumbers fileNumbers;
  private final ActorNames actorNames;
  private final AuditLog audit;
  private final Labels labels;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Children(ChildRepository children, ChildDocumentRepository documents, Uploads uploads, JdbcClient jdbc,
      CurrentUsers users, Institutions institutions, ChildFileNumbers fileNumbers, ActorNames actorNames, AuditLog audit,
      Labels labels, ApplicationEventPublisher events, Clock clock) {
    this.fileNumbers = fileNumbers;
    this.actorNames = actorNames;
    this.events = events;
    this.children = children;
    this.documents = documents;
    this.uploads = uploads;
    this.jdbc = jdbc;
    this.users = users;
    this.institutions = institutions;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /** Admission: the file opens in the caseworker's own institution. */
  @Transactional
  public ChildView admit(ChildRecord record) {
    CurrentUser user = users.current();
    Institutions.Institution institution = institutions.find(user.institution()).orElseThrow(() ->
        new InvalidInputException(List.of(new FieldProblem("institution", labels.of("anjia.validation.noInstitution")))));
    String fileNumber = fileNumbers.next(institution.code(), record.admissionDate().getYear());
    Child child = children.saveAndFlush(new Child(fileNumber, institution.code(), institution.jurisdiction(), record,
        clock.instant()));
    recordChanges(child.getId(), Map.of(), record.asFields(), user.asActor());
    audit.record(AuditAction.CREATE, OBJECT, child.getId(), List.copyOf(record.asFields().keySet()), null);
    return view(child);
  }

  /** Changes the file; only fields that really changed are kept in its history and the audit log. */
  @Transactional
  public ChildView update(UUID id, ChildRecord record) {
    CurrentUser user = users.current();
    Child child = maintainable(id, user);
    Map<String, String> before = child.record().asFields();
    child.apply(record);
    List<String> changed = recordChanges(id, before, record.asFields(), user.asActor());
    if (!changed.isEmpty()) {
      audit.record(AuditAction.UPDATE, OBJECT, id, changed, null);
    }
    return view(child);
  }

  @Transactional
  public ChildView read(UUID id, String reason) {
    Child child = visible(id, users.current(), reason);
    audit.record(AuditAction.READ, OBJECT, id, List.of("file"), reason);
    return view(child);
  }

  @Transactional
  public Page<ChildView> list(Pageable page) {
    CurrentUser user = users.current();
    Page<Child> found;
    if (user.hasAny(Role.CASEWORKER, Role.DIRECTOR)) {
      found = children.findByInstitutionCodeAndSealedFalseOrderByAdmissionDateDesc(user.institution(), page);
    } else if (user.has(Role.REGISTRAR)) {
      found = children.findByJurisdictionCodeOrderByAdmissionDateDesc(user.jurisdiction(), page);
    } else if (user.has(Role.AUDITOR)) {
      found = children.findBySealedFalseOrderByAdmissionDateDesc(page);
    } else {
      found = Page.empty(page);
    }
    found.forEach(c -> audit.record(AuditAction.READ, OBJECT, c.getId(), List.of("summary"), null));
    return found.map(this::view);
  }

  @Transactional
  public List<ChildView.Change> history(UUID id, String reason) {
    CurrentUser reader = users.current();
    visible(id, reader, reason);
    audit.record(AuditAction.READ, OBJECT, id, List.of("history"), reason);
    return jdbc.sql("select * from child_change where child_id = :id order by id")
        .param("id", id)
        .query((rs, row) -> {
          String role = rs.getString("actor_role");
          Actor actor = new Actor(rs.getString("actor"), role == null ? null : Role.valueOf(role),
              rs.getString("actor_name"), rs.getString("actor_unit"));
          return new ChildView.Change(rs.getLong("id"), rs.getTimestamp("changed_at").toInstant(),
              actorNames.describe(actor, reader), rs.getString("field"), rs.getString("old_value"),
              rs.getString("new_value"));
        })
        .list();
  }

  /**
   * A new placement (kin, back to the institution) from a day on. Adoption is not placed by hand: its
   * registration places the child (see recordAdoption); nor is foster care: the foster placement
   * journey places the child once the agreement is signed (see startFosterPlacement); nor is
   * family-style care: the director's assignment to a residence unit does (see startFamilyStylePlacement).
   */
  @Transactional
  public ChildView place(UUID id, PlacementKind kind, LocalDate from, String household, String reference) {
    CurrentUser user = users.current();
    Child child = maintainable(id, user);
    if (kind == PlacementKind.ADOPTION) {
      throw new InvalidInputException(List.of(
          new FieldProblem("kind", labels.of("anjia.child.adoptionByRegistration"))));
    }
    if (kind == PlacementKind.FOSTER) {
      throw new InvalidInputException(List.of(
          new FieldProblem("kind", labels.of("anjia.child.fosterByAgreement"))));
    }
    if (kind == PlacementKind.FAMILY_STYLE) {
      throw new InvalidInputException(List.of(
          new FieldProblem("kind", labels.of("anjia.child.familyStyleByUnit"))));
    }
    if (child.getDischargedOn() != null) {
      // an adopted child has left the institution's care; only a registered dissolution brings it back
      throw new ConflictException("anjia.child.discharged", child.getDischargedOn());
    }
    // the current placement ends the day the new one starts, which cannot be before it began
    LocalDate currentStart = child.currentPlacementRecord().map(ChildPlacement::getStartedOn).orElse(null);
    if (currentStart != null && from.isBefore(currentStart)) {
      throw new InvalidInputException(List.of(
          new FieldProblem("from", labels.of("anjia.child.placementBeforeCurrent", currentStart))));
    }
    String before = Objects.toString(child.getCurrentPlacement(), null);
    child.place(kind, from, household, reference);
    recordChanges(id, Map.of("currentPlacement", before), Map.of("currentPlacement", kind.name()), user.asActor());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("currentPlacement", "placements"), null);
    events.publishEvent(new ChildPlacedElsewhere(id, kind, from));
    return view(child);
  }

  /**
   * A document for the file (入院登记, 捡拾报案证明 …), uploaded by the staff who keep it. It is
   * added, never replaced, and its arrival shows in the file's history.
   */
  @Transactional
  public ChildView.Document addDocument(UUID id, ChildDocumentType type, MultipartFile file) {
    CurrentUser user = users.current();
    maintainable(id, user);
    StoredFile stored = uploads.accept(file);
    ChildDocument document = documents.save(new ChildDocument(id, type, stored, user.asActor(), clock.instant()));
    recordChanges(id, Map.of(), Map.of("documents", type.name() + ": " + stored.getFileName()), user.asActor());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("documents"), null);
    audit.record(AuditAction.CREATE, DOCUMENT, document.getId(), List.of("type", "fileName", "content"), null);
    return new ChildView.Document(document.getId(), type, labels.of(type), stored.getFileName(),
        stored.getSizeBytes(), stored.getSha256(), actorNames.describe(document.getUploader(), user),
        document.getUploadedAt());
  }

  /** The file's documents without their content (that is read one by one, each read audited). */
  @Transactional
  public List<ChildView.Document> documents(UUID id, String reason) {
    CurrentUser reader = users.current();
    visible(id, reader, reason);
    audit.record(AuditAction.READ, OBJECT, id, List.of("documents"), reason);
    // plain SQL: listing leaves the documents' bytes in the database
    return jdbc.sql("""
            select id, type, file_name, size_bytes, sha256, uploaded_by, uploaded_by_name, uploaded_by_role,
                   uploaded_by_unit, uploaded_at
            from child_document where child_id = :id order by uploaded_at""")
        .param("id", id)
        .query((rs, row) -> {
          ChildDocumentType type = ChildDocumentType.valueOf(rs.getString("type"));
          return new ChildView.Document(rs.getObject("id", UUID.class), type, labels.of(type),
              rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256"),
              actorNames.describe(Actor.stored(rs.getString("uploaded_by"), rs.getString("uploaded_by_role"),
                  rs.getString("uploaded_by_name"), rs.getString("uploaded_by_unit")), reader),
              rs.getTimestamp("uploaded_at").toInstant());
        })
        .list();
  }

  /**
   * The file's documents of each required type, for the placement materials check (登记办法 art. 7):
   * read like {@link #documents}, scope-checked and audited. Staff keep the file, so every file is theirs.
   */
  @Transactional
  DocumentChecklist checklist(UUID id, List<ChildDocumentType> required, String article) {
    List<ChildView.Document> stored = documents(id, null);
    return new DocumentChecklist(article, required.stream()
        .map(type -> new DocumentChecklist.Required(type.name(), labels.of(type), stored.stream()
            .filter(document -> document.type() == type)
            .map(document -> new DocumentChecklist.File(document.id(), document.fileName(),
                "/api/children/" + id + "/documents/" + document.id() + "/content", document.uploadedBy(), true,
                document.uploadedAt()))
            .toList()))
        .toList());
  }

  /** One document of the file, for whoever may read the file (a sealed one: with a reason); audited. */
  @Transactional
  public StoredFile document(UUID id, UUID documentId, String reason) {
    visible(id, users.current(), reason);
    ChildDocument document = documents.findById(documentId).filter(d -> d.getChildId().equals(id))
        .orElseThrow(() -> new NotFoundException("document " + documentId));
    audit.record(AuditAction.READ, DOCUMENT, documentId, List.of("content"), reason);
    return document.getFile();
  }

  /** Siblings are linked both ways, and only within one institution. */
  @Transactional
  public void linkSiblings(UUID id, UUID siblingId) {
    CurrentUser user = users.current();
    maintainable(id, user);
    maintainable(siblingId, user);
    for (UUID[] pair : new UUID[][] {{id, siblingId}, {siblingId, id}}) {
      jdbc.sql("insert into child_sibling (child_id, sibling_id) values (:a, :b) on conflict do nothing")
          .param("a", pair[0]).param("b", pair[1]).update();
    }
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("siblings"), null);
  }

  /** 送养: the institution places the child for adoption; the placement process starts after commit. */
  @Transactional
  public ChildView requestAdoptionPlacement(UUID id) {
    CurrentUser user = users.current();
    Child child = maintainable(id, user);
    if (child.getAdoptionStatus() != AdoptionStatus.NOT_PLACED) {
      throw new ConflictException("anjia.child.alreadyPlaced");
    }
    changeAdoptionStatus(child, AdoptionStatus.PLACEMENT_REQUESTED, null, user.asActor());
    events.publishEvent(new ChildAdoptionEvents.PlacementRequested(id));
    return view(child);
  }

  /** Birth parents came forward during the public notice (登记办法 art. 8); the registrar records it. */
  @Transactional
  public void recordBirthParentClaim(UUID id, String note) {
    CurrentUser user = users.current();
    Child child = visible(id, user, null);
    if (!user.has(Role.REGISTRAR)) {
      throw new NotFoundException("child " + id);
    }
    if (child.getAdoptionStatus() != AdoptionStatus.PLACEMENT_REQUESTED) {
      throw new ConflictException("anjia.child.noNoticeRunning");
    }
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("birthParentClaim"), note);
    events.publishEvent(new ChildAdoptionEvents.BirthParentsClaimed(id, note));
  }

  /**
   * The child as the foster placement journey proposes it, for the staff who keep the file (another
   * institution's child does not exist for them).
   */
  @Transactional(readOnly = true)
  public FosterChild fosterCandidate(UUID id) {
    return fosterChild(maintainable(id, users.current()));
  }

  /** The same facts without a scope check, for a journey that has checked who asks (a family's own placement). */
  @Transactional(readOnly = true)
  public java.util.Optional<FosterChild> fosterChild(UUID id) {
    return children.findById(id).map(this::fosterChild);
  }

  /** The child's siblings still in the institution's care: a foster match places them together (unless a reason is given). */
  @Transactional(readOnly = true)
  public List<FosterChild> siblingsInCare(UUID id) {
    List<UUID> siblings = jdbc.sql("select sibling_id from child_sibling where child_id = :id")
        .param("id", id).query(UUID.class).list();
    return children.findAllById(siblings).stream().map(this::fosterChild).filter(FosterChild::inCare)
        .sorted(java.util.Comparator.comparing(FosterChild::name)).toList();
  }

  private FosterChild fosterChild(Child child) {
    AdmissionReason reason = child.getAdmissionReason();
    return new FosterChild(child.getId(), child.getName(), child.getInstitutionCode(), child.getBirthDate(),
        reason == AdmissionReason.FOUNDLING || reason == AdmissionReason.PARENTS_DEAD, child.getDischargedOn() == null,
        child.getHealthNotes(), child.getEducationNotes(), child.record().needsProfessionalCare());
  }

  /**
   * 家庭寄养 starts on the file once both sides signed the agreement (家庭寄养管理办法 art. 12(5)):
   * the current placement ends and the foster one, linked to the journey's placement, begins.
   * Idempotent: a second call for the same foster placement changes nothing.
   */
  @Transactional
  public void startFosterPlacement(UUID id, UUID fosterPlacementId, LocalDate from, String family) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    if (child.getPlacements().stream().anyMatch(p -> fosterPlacementId.equals(p.getFosterPlacementId()))) {
      return;
    }
    String before = child.getCurrentPlacement().name();
    child.placeInFosterCare(from, family, fosterPlacementId);
    recordChanges(id, Map.of("currentPlacement", before), Map.of("currentPlacement", PlacementKind.FOSTER.name()),
        Actor.system());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("currentPlacement", "placements"), null);
    events.publishEvent(new ChildPlacedElsewhere(id, PlacementKind.FOSTER, from));
  }

  /**
   * The foster placement ends (the integration assessment ended it): the child is back in the
   * institution's care from that day. Idempotent: nothing changes unless that placement is the current one.
   */
  @Transactional
  public void endFosterPlacement(UUID id, UUID fosterPlacementId, LocalDate on, String reason) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    boolean current = child.currentPlacementRecord().map(p -> fosterPlacementId.equals(p.getFosterPlacementId()))
        .orElse(false);
    if (!current) {
      return;
    }
    child.currentPlacementRecord().orElseThrow().end(on, reason);
    child.place(PlacementKind.INSTITUTION, on, null, null);
    recordChanges(id, Map.of("currentPlacement", PlacementKind.FOSTER.name()),
        Map.of("currentPlacement", PlacementKind.INSTITUTION.name()), Actor.system());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("currentPlacement", "placements"), reason);
  }

  /** Where the child lives now (no scope check: the caller has checked who asks, e.g. with fosterCandidate). */
  @Transactional(readOnly = true)
  public PlacementKind currentPlacement(UUID id) {
    return children.findById(id).map(Child::getCurrentPlacement)
        .orElseThrow(() -> new NotFoundException("child " + id));
  }

  /**
   * 机构内家庭式养育 starts on the file when the director assigns the child to a residence unit: the
   * current placement ends and the family-style one begins, its reference the unit assignment's id.
   * Idempotent: a second call for the same assignment changes nothing.
   */
  @Transactional
  public void startFamilyStylePlacement(UUID id, UUID assignmentId, LocalDate from, String unit) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    String reference = assignmentId.toString();
    if (child.getPlacements().stream().anyMatch(p -> p.getKind() == PlacementKind.FAMILY_STYLE
        && reference.equals(p.view().reference()))) {
      return;
    }
    String before = child.getCurrentPlacement().name();
    child.place(PlacementKind.FAMILY_STYLE, from, unit, reference);
    recordChanges(id, Map.of("currentPlacement", before), Map.of("currentPlacement", PlacementKind.FAMILY_STYLE.name()),
        users.current().asActor());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("currentPlacement", "placements"), null);
  }

  /**
   * The child leaves the residence unit: back in the institution's care from that day. Idempotent:
   * nothing changes unless that assignment's placement is the current one.
   */
  @Transactional
  public void endFamilyStylePlacement(UUID id, UUID assignmentId, LocalDate on, String reason) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    boolean current = child.currentPlacementRecord()
        .map(p -> p.getKind() == PlacementKind.FAMILY_STYLE && assignmentId.toString().equals(p.view().reference()))
        .orElse(false);
    if (!current) {
      return;
    }
    child.currentPlacementRecord().orElseThrow().end(on, reason);
    child.place(PlacementKind.INSTITUTION, on, null, null);
    recordChanges(id, Map.of("currentPlacement", PlacementKind.FAMILY_STYLE.name()),
        Map.of("currentPlacement", PlacementKind.INSTITUTION.name()), users.current().asActor());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("currentPlacement", "placements"), reason);
  }

  /** The child as the adoption journey sees it; no scope check (the journey checks who asks). */
  @Transactional(readOnly = true)
  public java.util.Optional<AdoptableChild> adoptable(UUID id) {
    return children.findById(id).map(child -> {
      AdmissionReason reason = child.getAdmissionReason();
      ChildRecord record = child.record();
      return new AdoptableChild(child.getId(), record.name(), child.ageOn(LocalDate.now(clock)),
          record.sex().name(), child.getAdoptionStatus() == AdoptionStatus.AVAILABLE, child.getInstitutionCode(),
          child.getJurisdictionCode(),
          reason == AdmissionReason.PARENTS_DEAD || child.getCategory() == ChildCategory.COMMUNITY_ORPHAN,
          record.disabilityType() != null,
          reason == AdmissionReason.FOUNDLING,
          reason == AdmissionReason.FOUNDLING,
          reason == AdmissionReason.PARENTS_INCAPABLE || reason == AdmissionReason.COURT_APPOINTED_GUARDIANSHIP);
    });
  }

  /**
   * The child as the institution's link introduces it to a family applying to adopt: name, sex and
   * age, only while the child may be adopted; the read is audited like any read of the file.
   */
  @Transactional
  public java.util.Optional<AdoptableChild.Introduction> introduction(UUID id) {
    java.util.Optional<AdoptableChild.Introduction> found = adoptable(id).filter(AdoptableChild::available)
        .map(child -> new AdoptableChild.Introduction(child.name(), child.sex(), child.age()));
    if (found.isPresent()) {
      audit.record(AuditAction.READ, OBJECT, id, List.of("name", "sex", "age"), null);
    } else {
      audit.recordRefusal(AuditAction.DENIED, OBJECT, id, "not available for adoption", null, null);
    }
    return found;
  }

  /**
   * Registration of the adoption (民法典 art. 1105): the adoption is the child's discharge from the
   * institution, any foster placement ends, and a confidential adoption seals the file (art. 1110).
   * Idempotent: a second call for the same certificate changes nothing.
   */
  @Transactional
  public void recordAdoption(UUID id, String household, String certificateNumber, LocalDate registeredOn,
      boolean seal) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    if (child.getCurrentPlacement() == PlacementKind.ADOPTION) {
      return;
    }
    String before = child.getCurrentPlacement().name();
    child.place(PlacementKind.ADOPTION, registeredOn, household, certificateNumber);
    child.discharge(registeredOn, "ADOPTED", seal);
    recordChanges(id, Map.of("currentPlacement", before, "dischargedOn", ""),
        Map.of("currentPlacement", PlacementKind.ADOPTION.name(), "dischargedOn", registeredOn.toString()), Actor.system());
    audit.record(AuditAction.UPDATE, OBJECT, id, List.of("currentPlacement", "placements", "discharge", "sealed"),
        null);
    events.publishEvent(new ChildAdopted(id, registeredOn, certificateNumber));
  }

  /**
   * The registered dissolution of the child's adoption (民法典 arts. 1114–1117): a minor returns to
   * the institution's care (see {@link Child#dissolveAdoption}). Idempotent by adoption status.
   */
  @Transactional
  public void recordDissolution(UUID id, String certificateNumber, LocalDate on, boolean returnsToInstitution) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    if (child.getAdoptionStatus() == AdoptionStatus.DISSOLVED) {
      return;
    }
    String before = child.getCurrentPlacement().name();
    child.dissolveAdoption(on, certificateNumber, returnsToInstitution);
    recordChanges(id, Map.of("currentPlacement", before), Map.of("currentPlacement", child.getCurrentPlacement().name()),
        Actor.system());
    changeAdoptionStatus(child, AdoptionStatus.DISSOLVED, certificateNumber, Actor.system());
  }

  /** A root-seeking visit as recorded, and whether an earlier request with the same key recorded it. */
  public record RecordedVisit(RootSeekingVisit visit, boolean repeated) {}

  /**
   * 寻根回访: the institution that raised the child records the adoptee's visit. It may append to a
   * sealed file (民法典 art. 1110 hides the file, not the institution's duty to receive the visitor),
   * but reading the file stays with whoever may read it.
   */
  @Transactional
  public RecordedVisit recordRootSeekingVisit(UUID id, RootSeekingVisit.Input input, String requestKey) {
    CurrentUser user = users.current();
    Child child = children.findById(id).orElse(null);
    if (!receivesVisitsOf(child, user)) {
      audit.recordRefusal(AuditAction.DENIED, OBJECT, id, "outside scope", null, null);
      throw new NotFoundException("child " + id);
    }
    return recordVisit(child, input, requestKey, user);
  }

  /**
   * The same, found by the file's number (档案编号), which the adoptee or the institution's register gives:
   * the caseworker who receives the visitor of a sealed file may not open it, so cannot reach it by its page.
   * Another institution's number gets the same answer as a number that does not exist.
   */
  @Transactional
  public RecordedVisit recordRootSeekingVisit(String fileNumber, RootSeekingVisit.Input input, String requestKey) {
    CurrentUser user = users.current();
    Child child = children.findByFileNumber(fileNumber.trim()).orElse(null);
    if (!receivesVisitsOf(child, user)) {
      if (child != null) {
        audit.recordRefusal(AuditAction.DENIED, OBJECT, child.getId(), "outside scope", null, null);
      }
      throw new InvalidInputException(List.of(new FieldProblem("fileNumber",
          labels.of("anjia.rootSeeking.noSuchFile", fileNumber.trim()))));
    }
    return recordVisit(child, input, requestKey, user);
  }

  private static boolean receivesVisitsOf(Child child, CurrentUser user) {
    return child != null && user.hasAny(Role.CASEWORKER, Role.DIRECTOR)
        && child.getInstitutionCode().equals(user.institution());
  }

  /** Once per recorder and request key: a repeat answers with the visit the first request recorded. */
  private RecordedVisit recordVisit(Child child, RootSeekingVisit.Input input, String requestKey, CurrentUser user) {
    String key = requestKey == null || requestKey.isBlank() ? null : requestKey;
    if (key != null && key.length() > MAX_REQUEST_KEY_LENGTH) {
      throw new InvalidInputException(List.of(new FieldProblem("Idempotency-Key",
          labels.of("anjia.validation.submissionKeyTooLong", MAX_REQUEST_KEY_LENGTH))));
    }
    Actor recorder = user.asActor();
    RootSeekingVisit visit = new RootSeekingVisit(UUID.randomUUID(), input.visitedOn(), input.visitor().trim(),
        input.companions(), input.notes(), actorNames.describe(recorder, user), clock.instant());
    // on a conflict with a visit not yet committed, PostgreSQL waits for it before doing nothing
    int inserted = jdbc.sql("""
            insert into root_seeking_visit (id, child_id, visited_on, visitor, companions, notes, recorded_by,
                recorded_by_name, recorded_by_role, recorded_by_unit, recorded_at, request_key)
            values (:id, :child, :on, :visitor, :companions, :notes, :by, :name, :role, :unit, :at, :key)
            on conflict (recorded_by, request_key) do nothing""")
        .param("id", visit.id()).param("child", child.getId()).param("on", visit.visitedOn())
        .param("visitor", visit.visitor()).param("companions", visit.companions()).param("notes", visit.notes())
        .param("by", recorder.login()).param("name", recorder.name()).param("role", recorder.role().name())
        .param("unit", recorder.unit()).param("at", Timestamp.from(visit.recordedAt())).param("key", key)
        .update();
    if (inserted == 0) {
      return new RecordedVisit(jdbc.sql("select * from root_seeking_visit where recorded_by = :by and request_key = :key")
          .param("by", recorder.login()).param("key", key)
          .query((rs, row) -> visitOf(rs, user)).single(), true);
    }
    audit.record(AuditAction.CREATE, "ROOT_SEEKING_VISIT", visit.id(), List.of("visitedOn", "visitor", "notes"), null);
    return new RecordedVisit(visit, false);
  }

  @Transactional
  public List<RootSeekingVisit> rootSeekingVisits(UUID id, String reason) {
    CurrentUser reader = users.current();
    visible(id, reader, reason);
    audit.record(AuditAction.READ, OBJECT, id, List.of("rootSeekingVisits"), reason);
    return jdbc.sql("select * from root_seeking_visit where child_id = :id order by visited_on, recorded_at")
        .param("id", id)
        .query((rs, row) -> visitOf(rs, reader))
        .list();
  }

  private RootSeekingVisit visitOf(ResultSet rs, CurrentUser reader) throws SQLException {
    return new RootSeekingVisit(rs.getObject("id", UUID.class), rs.getDate("visited_on").toLocalDate(),
        rs.getString("visitor"), rs.getString("companions"), rs.getString("notes"),
        actorNames.describe(Actor.stored(rs.getString("recorded_by"), rs.getString("recorded_by_role"),
            rs.getString("recorded_by_name"), rs.getString("recorded_by_unit")), reader),
        rs.getTimestamp("recorded_at").toInstant());
  }

  /** For the placement process's workers: idempotent, recorded as the engine's change. */
  @Transactional
  public void adoptionStatus(UUID id, AdoptionStatus status, String note) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("child " + id));
    changeAdoptionStatus(child, status, note, Actor.system());
  }

  private void changeAdoptionStatus(Child child, AdoptionStatus status, String note, Actor actor) {
    String before = child.getAdoptionStatus().name();
    if (child.adoptionStatus(status, note)) {
      recordChanges(child.getId(), Map.of("adoptionStatus", before), Map.of("adoptionStatus", status.name()), actor);
      audit.record(AuditAction.UPDATE, OBJECT, child.getId(), List.of("adoptionStatus"), note);
    }
  }

  private List<String> recordChanges(UUID id, Map<String, String> before, Map<String, String> after, Actor actor) {
    List<String> changed = new ArrayList<>();
    Timestamp now = Timestamp.from(clock.instant());
    after.forEach((field, value) -> {
      String old = before.get(field);
      if (!Objects.equals(old, value)) {
        changed.add(field);
        jdbc.sql("""
                insert into child_change (child_id, changed_at, actor, actor_name, actor_role, actor_unit, field,
                                          old_value, new_value)
                values (:child, :at, :actor, :name, :role, :unit, :field, :old, :new)""")
            .param("child", id).param("at", now).param("actor", actor.login()).param("name", actor.name())
            .param("role", actor.role() == null ? null : actor.role().name()).param("unit", actor.unit())
            .param("field", field)
            .param("old", old).param("new", value)
            .update();
      }
    });
    return changed;
  }

  /**
   * Readable: staff of its institution, registrars of its jurisdiction, auditors; sealed: the registrar
   * only. {@link ChildStatistics} counts files under the same rule, in SQL.
   */
  private Child visible(UUID id, CurrentUser user, String reason) {
    Child child = children.findById(id).orElse(null);
    boolean registrar = child != null && user.has(Role.REGISTRAR) && child.getJurisdictionCode().equals(user.jurisdiction());
    boolean visible = child != null && (child.isSealed()
        ? registrar
        : registrar || user.has(Role.AUDITOR)
            || (user.hasAny(Role.CASEWORKER, Role.DIRECTOR) && child.getInstitutionCode().equals(user.institution())));
    if (!visible) {
      audit.recordRefusal(AuditAction.DENIED, OBJECT, id, "outside scope", null, null);
      throw new NotFoundException("child " + id);
    }
    if (child.isSealed() && (reason == null || reason.isBlank())) {
      throw new InvalidInputException(List.of(new FieldProblem("reason", labels.of("anjia.sealed.reasonRequired"))));
    }
    return child;
  }

  /** Only the staff of the child's institution keep the file. */
  private Child maintainable(UUID id, CurrentUser user) {
    Child child = children.findById(id).orElse(null);
    if (child == null || child.isSealed() || !user.hasAny(Role.CASEWORKER, Role.DIRECTOR)
        || !child.getInstitutionCode().equals(user.institution())) {
      audit.recordRefusal(AuditAction.DENIED, OBJECT, id, "outside scope", null, null);
      throw new NotFoundException("child " + id);
    }
    return child;
  }

  private ChildView view(Child child) {
    List<UUID> siblings = jdbc.sql("select sibling_id from child_sibling where child_id = :id")
        .param("id", child.getId()).query(UUID.class).list();
    return new ChildView(child.getId(), child.getFileNumber(), child.getInstitutionCode(),
        actorNames.unitName(child.getInstitutionCode()), child.record(), labels.of(child.getCategory()),
        labels.of(child.getAdmissionReason()), child.ageOn(LocalDate.now(clock)), child.getCurrentPlacement(),
        child.getAdoptionStatus(), child.getAdoptionStatusNote(),
        child.getDischargedOn(), child.getDischargeReason(), child.isSealed(), siblings,
        child.getPlacements().stream().map(ChildPlacement::view).toList());
  }
}

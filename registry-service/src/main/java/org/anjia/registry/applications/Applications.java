package org.anjia.registry.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.documents.StoredFile;
import org.anjia.registry.documents.Uploads;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.families.FamilyRepository;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Opening, moving and reading applications. The journeys call the engine-facing methods; the pages
 * go through the user-facing ones, which check the caller's scope and write the audit log.
 */
@Service
public class Applications {

  private static final String OBJECT = "APPLICATION";

  private final ApplicationRepository applications;
  private final DocumentRepository documents;
  private final FamilyRepository families;
  private final FamilyAccounts familyAccounts;
  private final ApplicationAccess access;
  private final CurrentUsers users;
  private final Institutions institutions;
  private final AuditLog audit;
  private final Labels labels;
  private final ActorNames actorNames;
  private final Uploads uploads;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final Clock clock;

  Applications(ApplicationRepository applications, DocumentRepository documents, FamilyRepository families,
      FamilyAccounts familyAccounts, ApplicationAccess access, CurrentUsers users, Institutions institutions,
      AuditLog audit, Labels labels, ActorNames actorNames, Uploads uploads,
      org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
    this.actorNames = actorNames;
    this.jdbc = jdbc;
    this.uploads = uploads;
    this.applications = applications;
    this.documents = documents;
    this.families = families;
    this.familyAccounts = familyAccounts;
    this.access = access;
    this.users = users;
    this.institutions = institutions;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /**
   * A family's application to an institution (for an adoption, for one child); the submitting account
   * is linked to the household. A household has one open application per type and child: a second
   * one, whichever adult of the household sends it, answers 409 with the open one's number.
   */
  @Transactional
  public Application open(ApplicationType type, UUID familyId, UUID childId, String institutionCode,
      String motivation) {
    CurrentUser user = users.current();
    Institutions.Institution institution = institutions.find(institutionCode)
        .orElseThrow(() -> new InvalidInputException(List.of(
            new FieldProblem("institutionCode", labels.of("anjia.validation.unknownInstitution")))));
    // the household's row lock serializes its adults' submissions until commit, on every replica
    jdbc.sql("select id from family where id = :id for update").param("id", familyId).query(UUID.class).single();
    applications.findByFamilyIdOrderBySubmittedAtDesc(familyId).stream()
        .filter(open -> open.getType() == type && !open.getStatus().isFinal()
            && Objects.equals(open.getChildId(), childId))
        .findFirst()
        .ifPresent(open -> {
          throw new ConflictException("anjia.application.alreadyOpen", open.getNumber())
              .with("applicationId", open.getId()).with("applicationNumber", open.getNumber());
        });
    familyAccounts.link(familyId, user.subject(), user.username());
    Instant now = clock.instant();
    String number = applications.newNumber(type, Year.now(clock));
    Application application = new Application(number, type, familyId, institution.code(),
        institution.jurisdiction(), motivation, now, user.asActor());
    if (childId != null) {
      application.concernChild(childId);
    }
    application = applications.save(application);
    audit.record(AuditAction.CREATE, OBJECT, application.getId(),
        List.of("type", "familyId", "institutionCode", "motivation"), null);
    return application;
  }

  @Transactional
  public void moveTo(UUID applicationId, ApplicationStatus status, Actor actor, String note) {
    if (get(applicationId).moveTo(status, clock.instant(), actor, note)) {
      audit.record(AuditAction.UPDATE, OBJECT, applicationId, List.of("status"), null);
    }
  }

  @Transactional
  public void reject(UUID applicationId, List<RejectionReason> reasons, Actor actor) {
    if (get(applicationId).reject(reasons, clock.instant(), actor)) {
      audit.record(AuditAction.UPDATE, OBJECT, applicationId, List.of("status", "rejectionReasons"), null);
    }
  }

  /** A document the service itself produced (e.g. the adoption certificate), attached by the engine's worker. */
  @Transactional
  public UUID attachGenerated(UUID applicationId, DocumentType type, String fileName, String contentType,
      byte[] content) {
    Document document = documents.saveAndFlush(new Document(applicationId, type,
        new StoredFile(fileName, contentType, content), null, false, clock.instant()));
    audit.record(AuditAction.CREATE, "DOCUMENT", document.getId(), List.of("type", "fileName", "content"), null);
    return document.getId();
  }

  /** Sealed on registration when the parties asked for it (民法典 art. 1110); the engine does it. */
  @Transactional
  public void sealOnRegistration(UUID applicationId) {
    get(applicationId).seal();
    audit.record(AuditAction.UPDATE, OBJECT, applicationId, List.of("sealed"), "民法典第一千一百一十条");
  }

  /** For the engine's workers and the journeys: no scope, no audit of the read. */
  @Transactional(readOnly = true)
  public Application get(UUID applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new NotFoundException("application " + applicationId));
  }

  /** The current user's view of one application: scope-checked, and the read is audited. */
  @Transactional
  public ApplicationView read(UUID applicationId, String reason) {
    Application application = visible(applicationId, reason);
    audit.record(AuditAction.READ, OBJECT, applicationId, List.of("status", "history", "documents"), reason);
    audit.record(AuditAction.READ, "FAMILY", application.getFamilyId(), List.of("displayName", "address", "members"),
        reason);
    return view(application);
  }

  /** The signed-in family's own applications, newest first. */
  @Transactional
  public List<ApplicationView> mine() {
    CurrentUser user = users.current();
    List<ApplicationView> mine = familyAccounts.familiesOf(user.subject()).stream()
        .flatMap(familyId -> applications.findByFamilyIdOrderBySubmittedAtDesc(familyId).stream())
        .map(this::view)
        .toList();
    mine.forEach(a -> audit.record(AuditAction.READ, OBJECT, a.id(), List.of("status", "history"), null));
    return mine;
  }

  /** 民法典 art. 1110: the registrar of the jurisdiction seals the record when the parties ask for secrecy. */
  @Transactional
  public void seal(UUID applicationId, String reason) {
    CurrentUser user = users.current();
    Application application = visible(applicationId, reason);
    if (!user.has(Role.REGISTRAR)) {
      throw new NotFoundException("application " + applicationId);
    }
    application.seal();
    audit.record(AuditAction.UPDATE, OBJECT, applicationId, List.of("sealed"), reason);
  }

  /** The application if the current user may see it; 404 (and an audited refusal) otherwise. */
  Application visible(UUID applicationId, String reason) {
    Application application = applications.findById(applicationId).orElseThrow(() -> {
      audit.recordRefusal(AuditAction.DENIED, OBJECT, applicationId, "no such application", null, null);
      return new NotFoundException("application " + applicationId);
    });
    access.requireVisible(users.current(), application, reason);
    return application;
  }

  @Transactional
  public ApplicationView.DocumentView addDocument(UUID applicationId, DocumentType type, MultipartFile file) {
    Application application = visible(applicationId, null);
    if (type.isIssued()) {
      // only a registration issues it (AdoptionRegistry, AdoptionDissolutions): an upload must not pass for it
      throw new InvalidInputException(List.of(new FieldProblem("type", labels.of("anjia.validation.issuedDocument"))));
    }
    if (!type.isUploadableFor(application.getType())) {
      throw new InvalidInputException(List.of(new FieldProblem("type", labels.of("anjia.validation.documentType"))));
    }
    CurrentUser user = users.current();
    // staff upload for the family what it brought on paper (a document check needs the file, not a tick)
    boolean byStaff = user.hasAny(Role.CASEWORKER, Role.REGISTRAR);
    Document document = documents.save(new Document(applicationId, type, uploads.accept(file), user.asActor(),
        byStaff, clock.instant()));
    audit.record(AuditAction.CREATE, "DOCUMENT", document.getId(), byStaff
        ? List.of("type", "fileName", "content", "uploadedBy", "uploadedByStaff")
        : List.of("type", "fileName", "content", "uploadedBy"), null);
    return view(document, user);
  }

  /**
   * The application's files of each required type, for a document check (材料审核, 审查申请材料):
   * scope-checked, the read audited, the files' bytes left in the database.
   */
  @Transactional
  public DocumentChecklist checklist(UUID applicationId, List<DocumentType> required, String article) {
    visible(applicationId, null);
    audit.record(AuditAction.READ, OBJECT, applicationId, List.of("documents"), null);
    CurrentUser reader = users.current();
    record Stored(DocumentType type, DocumentChecklist.File file) {}
    List<Stored> stored = jdbc.sql("""
            select id, type, file_name, uploaded_by, uploaded_by_name, uploaded_by_role, uploaded_by_unit,
                   uploaded_by_staff, uploaded_at
            from document where application_id = :id order by uploaded_at""")
        .param("id", applicationId)
        .query((rs, row) -> {
          UUID id = rs.getObject("id", UUID.class);
          return new Stored(DocumentType.valueOf(rs.getString("type")), new DocumentChecklist.File(id,
              rs.getString("file_name"), "/api/documents/" + id + "/content",
              actorNames.describe(Actor.stored(rs.getString("uploaded_by"), rs.getString("uploaded_by_role"),
                  rs.getString("uploaded_by_name"), rs.getString("uploaded_by_unit")), reader),
              rs.getBoolean("uploaded_by_staff"), rs.getTimestamp("uploaded_at").toInstant()));
        })
        .list();
    return new DocumentChecklist(article, required.stream()
        .map(type -> new DocumentChecklist.Required(type.name(), labels.of(type),
            stored.stream().filter(s -> s.type() == type).map(Stored::file).toList()))
        .toList());
  }

  /** A document's content, for those who may see its application; audited. */
  @Transactional
  public Document document(UUID documentId, String reason) {
    Document document = documents.findById(documentId)
        .orElseThrow(() -> new NotFoundException("document " + documentId));
    visible(document.getApplicationId(), reason);
    audit.record(AuditAction.READ, "DOCUMENT", documentId, List.of("content"), reason);
    return document;
  }

  private ApplicationView view(Application application) {
    UUID applicationId = application.getId();
    Family family = families.findById(application.getFamilyId())
        .orElseThrow(() -> new NotFoundException("family " + application.getFamilyId()));
    LocalDate today = LocalDate.now(clock);
    CurrentUser reader = users.find().orElse(null);
    return new ApplicationView(
        application.getId(),
        application.getNumber(),
        application.getType(),
        application.getInstitutionCode(),
        actorNames.unitName(application.getInstitutionCode()),
        application.isSealed(),
        application.getStatus(),
        statusLabel(application.getType(), application.getStatus()),
        application.getSubmittedAt(),
        application.getDecidedAt(),
        new ApplicationView.FamilySummary(family.getId(), family.getDisplayName(), family.getAddress(),
            family.getMembers().stream()
                .map(m -> new ApplicationView.MemberSummary(m.getName(), m.getRole().name(), labels.of(m.getRole()),
                    m.ageOn(today)))
                .toList()),
        application.getHistory().stream()
            .map(h -> new ApplicationView.HistoryEntry(h.getStatus(), statusLabel(application.getType(), h.getStatus()), h.getChangedAt(),
                actorNames.describe(h.getActor(), reader),
                reader != null && reader.username().equals(h.getActor().login()), h.getNote()))
            .toList(),
        application.getRejectionReasons(),
        documents.findByApplicationIdOrderByUploadedAt(applicationId).stream().map(d -> view(d, reader)).toList(),
        DocumentType.uploadableFor(application.getType()),
        application.getPriority());
  }
  /**
   * A status in the journey's own words where it has them (a couple is trained as 夫妻, not as a foster
   * caregiver: ApplicationStatus.TRAINED.FAMILY_STYLE), the shared wording otherwise.
   */
  private String statusLabel(ApplicationType type, ApplicationStatus status) {
    String journeyCode = "ApplicationStatus." + status.name() + "." + type.name();
    String journeyLabel = labels.of(journeyCode);
    return journeyLabel.equals(journeyCode) ? labels.of(status) : journeyLabel;
  }


  /** {@code uploadedBy} as people read it ("南昌市儿童福利院 社工 张敏", "本家庭 王芳"); null for issued certificates. */
  private ApplicationView.DocumentView view(Document d, CurrentUser reader) {
    return new ApplicationView.DocumentView(d.getId(), d.getType(), labels.of(d.getType()), d.getFile().getFileName(),
        d.getFile().getSizeBytes(), d.getFile().getSha256(),
        d.getUploader().map(uploader -> actorNames.describe(uploader, reader)).orElse(null), d.isUploadedByStaff(),
        d.getUploadedAt());
  }
}

package org.anjia.registry.applications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Opening, moving and reading applications; the journeys call this, the pages read through it. */
@Service
public class Applications {

  private final ApplicationRepository applications;
  private final DocumentRepository documents;
  private final FamilyRepository families;
  private final Labels labels;
  private final Clock clock;

  Applications(ApplicationRepository applications, DocumentRepository documents, FamilyRepository families,
      Labels labels, Clock clock) {
    this.applications = applications;
    this.documents = documents;
    this.families = families;
    this.labels = labels;
    this.clock = clock;
  }

  @Transactional
  public Application open(ApplicationType type, UUID familyId, String motivation, String submittedBy) {
    Instant now = clock.instant();
    String number = applications.newNumber(type, Year.now(clock));
    return applications.save(new Application(number, type, familyId, motivation, now, submittedBy));
  }

  @Transactional
  public void moveTo(UUID applicationId, ApplicationStatus status, String actor, String note) {
    get(applicationId).moveTo(status, clock.instant(), actor, note);
  }

  @Transactional
  public void reject(UUID applicationId, List<RejectionReason> reasons, String actor) {
    get(applicationId).reject(reasons, clock.instant(), actor);
  }

  @Transactional(readOnly = true)
  public Application get(UUID applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new NotFoundException("application " + applicationId));
  }

  @Transactional
  public ApplicationView.DocumentView addDocument(UUID applicationId, DocumentType type, MultipartFile file) {
    get(applicationId);
    try {
      byte[] content = file.getBytes();
      String name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
      String contentType = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
      Document document = documents.save(
          new Document(applicationId, type, name, contentType, content, sha256(content), clock.instant()));
      return view(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Transactional(readOnly = true)
  public Document document(UUID documentId) {
    return documents.findById(documentId).orElseThrow(() -> new NotFoundException("document " + documentId));
  }

  @Transactional(readOnly = true)
  public ApplicationView view(UUID applicationId) {
    Application application = get(applicationId);
    Family family = families.findById(application.getFamilyId())
        .orElseThrow(() -> new NotFoundException("family " + application.getFamilyId()));
    LocalDate today = LocalDate.now(clock);
    return new ApplicationView(
        application.getId(),
        application.getNumber(),
        application.getType(),
        application.getStatus(),
        labels.of(application.getStatus()),
        application.getSubmittedAt(),
        application.getDecidedAt(),
        new ApplicationView.FamilySummary(family.getId(), family.getDisplayName(), family.getAddress(),
            family.getMembers().stream()
                .map(m -> new ApplicationView.MemberSummary(m.getName(), m.getRole().name(), labels.of(m.getRole()),
                    m.ageOn(today)))
                .toList()),
        application.getHistory().stream()
            .map(h -> new ApplicationView.HistoryEntry(h.getStatus(), labels.of(h.getStatus()), h.getChangedAt(),
                h.getActor(), h.getNote()))
            .toList(),
        application.getRejectionReasons(),
        documents.findByApplicationIdOrderByUploadedAt(applicationId).stream().map(this::view).toList());
  }

  private ApplicationView.DocumentView view(Document d) {
    return new ApplicationView.DocumentView(d.getId(), d.getType(), labels.of(d.getType()), d.getFileName(),
        d.getSizeBytes(), d.getSha256(), d.getUploadedAt());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

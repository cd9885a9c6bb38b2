package org.anjia.registry.familystyle;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.Submissions;
import org.anjia.registry.families.FamilyAccounts;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 机构内家庭式养育, the couple's side: calls, the joint application, the contract. */
@RestController
class CoupleController {

  /** The couple's portal: its applications, contracts, and the unit it lives in under a contract in force. */
  record PortalView(List<ApplicationEntry> applications, List<ContractEntry> contracts, List<CoupleUnits.Home> homes) {}

  record ApplicationEntry(UUID id, String number, String institutionName, ApplicationStatus status, String statusLabel,
      boolean awaitingMyConfirmation, Instant submittedAt) {}

  record ContractEntry(UUID id, UUID applicationId, String unitName, UUID unitId, LocalDate termFrom,
      LocalDate termUntil, long daysToEnd, String duties, CoupleContracts.Status status, boolean applicantSigned,
      boolean spouseSigned, boolean directorSigned, boolean mySignatureDue, boolean reminded,
      CoupleRechecks.Status recheck) {}

  private final FamilyStyleCalls calls;
  private final CoupleApplications coupleApplications;
  private final CoupleContracts contracts;
  private final CoupleUnits coupleUnits;
  private final CoupleRechecks rechecks;
  private final Applications applications;
  private final Submissions submissions;
  private final FamilyAccounts accounts;
  private final CurrentUsers users;
  private final Clock clock;

  CoupleController(FamilyStyleCalls calls, CoupleApplications coupleApplications, CoupleContracts contracts,
      CoupleUnits coupleUnits, CoupleRechecks rechecks, Applications applications, Submissions submissions,
      FamilyAccounts accounts, CurrentUsers users, Clock clock) {
    this.calls = calls;
    this.coupleApplications = coupleApplications;
    this.contracts = contracts;
    this.coupleUnits = coupleUnits;
    this.rechecks = rechecks;
    this.applications = applications;
    this.submissions = submissions;
    this.accounts = accounts;
    this.users = users;
    this.clock = clock;
  }

  /** A director opens a call for couples at the own institution. */
  @PostMapping("/api/family-style/calls")
  @ResponseStatus(HttpStatus.CREATED)
  FamilyStyleCalls.Call openCall(@Valid @RequestBody FamilyStyleCalls.CallRequest request) {
    return calls.open(request);
  }

  /** The calls open today (public, like the institutions). */
  @GetMapping("/api/family-style/calls")
  List<FamilyStyleCalls.Call> openCalls() {
    return calls.openCalls();
  }

  /**
   * One spouse applies for the couple, naming the other in the household; 201 AWAITING_SPOUSE. A
   * household without a spouse or a marriage is refused field by field, nothing written.
   */
  @PostMapping("/api/family-style/applications")
  ResponseEntity<ApplicationView> apply(@Valid @RequestBody CoupleApplications.CoupleApplicationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String submissionKey) {
    Submissions.Outcome outcome = submissions.once(submissionKey, () -> coupleApplications.submit(request).getId());
    return Submissions.answer(outcome, applications.read(outcome.applicationId(), null));
  }

  /** The other spouse confirms from an own account; the qualification starts. */
  @PostMapping("/api/portal/family-style/applications/{id}/confirm")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void confirm(@PathVariable UUID id) {
    coupleApplications.confirmBySpouse(id);
  }

  /** The couple's own applications and contracts. */
  @GetMapping("/api/portal/family-style")
  @Transactional
  PortalView portal() {
    CurrentUser user = users.current();
    List<ApplicationEntry> own = applications.mine().stream()
        .filter(view -> view.type() == ApplicationType.FAMILY_STYLE)
        .map(view -> new ApplicationEntry(view.id(), view.number(), view.institutionName(), view.status(),
            view.statusLabel(), view.status() == ApplicationStatus.AWAITING_SPOUSE
                && !user.username().equals(applications.get(view.id()).getHistory().getFirst().getActor().login()),
            view.submittedAt()))
        .toList();
    LocalDate today = LocalDate.now(clock);
    List<ContractEntry> contractEntries = contracts.ofFamilies(accounts.familiesOf(user.subject())).stream()
        .map(c -> {
          var application = applications.get(c.applicationId());
          boolean applicant = user.username().equals(application.getHistory().getFirst().getActor().login());
          boolean spouse = user.username().equals(application.getSpouseConfirmedBy());
          boolean due = c.status() == CoupleContracts.Status.AWAITING_SIGNATURES
              && ((applicant && c.applicantSignedAt() == null) || (spouse && c.spouseSignedAt() == null));
          return new ContractEntry(c.id(), c.applicationId(), c.unitName(), c.unitId(), c.termFrom(), c.termUntil(),
              ChronoUnit.DAYS.between(today, c.termUntil()), c.duties(), c.status(), c.applicantSignedAt() != null,
              c.spouseSignedAt() != null, c.directorSignedAt() != null, due, c.firstReminderAt() != null,
              rechecks.status(c));
        })
        .toList();
    List<CoupleUnits.Home> homes = contractEntries.stream()
        .filter(c -> c.status() == CoupleContracts.Status.ACTIVE && c.unitId() != null)
        .map(c -> coupleUnits.home(c.unitId()))
        .toList();
    return new PortalView(own, contractEntries, homes);
  }

  /** A spouse signs the household's contract, once. */
  @PostMapping("/api/portal/family-style/contracts/{id}/signature")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void sign(@PathVariable UUID id) {
    contracts.signBySpouse(id);
  }

  @GetMapping("/api/portal/family-style/contracts/{id}.pdf")
  @Transactional
  ResponseEntity<byte[]> ownContractPdf(@PathVariable UUID id) {
    return pdf(contracts.pdf(contracts.ownContract(id, users.current())));
  }

  @GetMapping("/api/family-style/contracts/{id}.pdf")
  @Transactional
  ResponseEntity<byte[]> contractPdf(@PathVariable UUID id) {
    return pdf(contracts.pdf(contracts.staffContract(id)));
  }

  private static ResponseEntity<byte[]> pdf(byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("家庭式养育合同.pdf", StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}

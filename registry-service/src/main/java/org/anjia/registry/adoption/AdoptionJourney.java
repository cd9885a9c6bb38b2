package org.anjia.registry.adoption;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.applications.ApplicationView;
import org.anjia.registry.applications.ApplicationView.HistoryEntry;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.RejectionReason;
import org.anjia.registry.deadlines.DueDates;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.anjia.registry.worklist.CaseDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An adoption's way as the family follows it on the portal: each step with the article it rests on,
 * what has to happen now and whether the family has to act, the next deadline — legal ones from the
 * dates the engine's timers run on, so the page and the engine cannot disagree — and the
 * certificate numbers once issued.
 */
@Service
class AdoptionJourney {

  enum StepState { DONE, CURRENT, UPCOMING, REFUSED }

  /** {@code code}: the status the step leads to, or {@code ELIGIBILITY} for the eligibility decision. */
  record Step(String code, String label, String article, StepState state, Instant at) {}

  /** {@code lastDay}: the period's last day (it ends at 24:00 of it, 民法典 art. 203); article null for local practice. */
  record Deadline(String code, String label, String article, OffsetDateTime dueAt, LocalDate lastDay) {}

  /**
   * {@code certificateNumber}: the 收养登记证 once registered; {@code dissolutionCertificateNumber}: the
   * 解除收养关系证明 once a dissolution is registered. {@code rejectionReasons}: every unmet rule with its
   * article when the application was refused; {@code childHeardOn}: the day an official last heard the
   * child (民法典 art. 1104), not what the child said.
   */
  record View(UUID applicationId, ApplicationStatus status, List<Step> steps, String now, boolean familyActs,
      Deadline nextDeadline, String certificateNumber, String dissolutionCertificateNumber,
      List<RejectionReason> rejectionReasons, LocalDate childHeardOn) {}

  /** {@code status} null: the eligibility decision, a step without a status of its own. */
  private record StepDefinition(ApplicationStatus status, String article) {

    String code() {
      return status == null ? ELIGIBILITY : status.name();
    }
  }

  private static final String ELIGIBILITY = "ELIGIBILITY";
  /** The refusals of later steps (AdoptionRegistry.reasons); any other rule is one of the eligibility DMN's. */
  private static final Set<String> LATER_REFUSALS = Set.of("DOCUMENTS", "RED_FLAG", "ASSESSMENT_REPORT",
      "REGISTRAR_REVIEW");

  private static final String REGISTRATION_MEASURES = "中国公民收养子女登记办法";
  private static final String ASSESSMENT_MEASURES = "收养评估办法（试行）";

  private static final List<StepDefinition> ADOPTION = List.of(
      new StepDefinition(ApplicationStatus.SUBMITTED, REGISTRATION_MEASURES + " 第六条"),
      new StepDefinition(null, "民法典 第一千零九十三条至第一千一百零二条"),
      new StepDefinition(ApplicationStatus.DOCUMENTS_CHECKED, REGISTRATION_MEASURES + " 第六条"),
      new StepDefinition(ApplicationStatus.ASSESSMENT_CONSENTED, ASSESSMENT_MEASURES + " 第九条"),
      new StepDefinition(ApplicationStatus.ASSESSED, ASSESSMENT_MEASURES + " 第八条、第十一条"),
      new StepDefinition(ApplicationStatus.MATCHED, ASSESSMENT_MEASURES + " 第八条"),
      new StepDefinition(ApplicationStatus.INTEGRATION_ASSESSED, ASSESSMENT_MEASURES + " 第八条"),
      new StepDefinition(ApplicationStatus.REPORTED, ASSESSMENT_MEASURES + " 第九条、第十条"),
      new StepDefinition(ApplicationStatus.REGISTERED, "民法典 第一千一百零五条；" + REGISTRATION_MEASURES + " 第八条"));
  private static final StepDefinition SPOUSE = new StepDefinition(ApplicationStatus.AWAITING_SPOUSE, "民法典 第一千一百零一条");
  private static final List<StepDefinition> DISSOLUTION = List.of(
      new StepDefinition(ApplicationStatus.DISSOLUTION_REQUESTED, "民法典 第一千一百一十四条至第一千一百一十六条"),
      new StepDefinition(ApplicationStatus.DISSOLVED, REGISTRATION_MEASURES + " 第十条"));

  static final Set<ApplicationStatus> REGISTERED_OR_LATER = EnumSet.of(ApplicationStatus.REGISTERED,
      ApplicationStatus.DISSOLUTION_REQUESTED, ApplicationStatus.DISSOLVED);

  /** Where the family itself has to do something (confirm, bring documents, consent, live with the child). */
  private static final Set<ApplicationStatus> FAMILY_ACTS = EnumSet.of(ApplicationStatus.AWAITING_SPOUSE,
      ApplicationStatus.SUBMITTED, ApplicationStatus.DOCUMENTS_CHECKED, ApplicationStatus.MATCHED);

  private final Applications applications;
  private final CaseDates caseDates;
  private final DueDates dueDates;
  private final AdoptionRules rules;
  private final ChildConsents childConsents;
  private final JdbcClient jdbc;
  private final Labels labels;
  private final Clock clock;

  AdoptionJourney(Applications applications, CaseDates caseDates, DueDates dueDates, AdoptionRules rules,
      ChildConsents childConsents, JdbcClient jdbc, Labels labels, Clock clock) {
    this.applications = applications;
    this.childConsents = childConsents;
    this.caseDates = caseDates;
    this.dueDates = dueDates;
    this.rules = rules;
    this.jdbc = jdbc;
    this.labels = labels;
    this.clock = clock;
  }

  /** Whoever may read the application (its scope, a sealed record's reason) may follow its way. */
  View of(UUID applicationId, String reason) {
    ApplicationView application = applications.read(applicationId, reason);
    if (application.type() != ApplicationType.ADOPTION) {
      throw new NotFoundException("adoption " + applicationId);
    }
    ApplicationStatus status = application.status();
    // the numbers are read after the status, so a registration committing in between must not show
    // a number the status does not yet speak of
    return new View(applicationId, status, steps(application), labels.of("anjia.journey.now." + status.name()),
        FAMILY_ACTS.contains(status), nextDeadline(application).orElse(null),
        REGISTERED_OR_LATER.contains(status)
            ? number("select certificate_number from adoption_registration where application_id = :id", applicationId)
            : null,
        status == ApplicationStatus.DISSOLVED ? number("""
            select certificate_number from adoption_dissolution
            where application_id = :id and outcome = 'REGISTERED'""", applicationId) : null,
        application.rejectionReasons(), childConsents.lastHeardOn(applicationId).orElse(null));
  }

  private List<Step> steps(ApplicationView application) {
    List<StepDefinition> definitions = new ArrayList<>();
    if (reachedAt(application, ApplicationStatus.AWAITING_SPOUSE).isPresent()) {
      definitions.add(SPOUSE);
    }
    definitions.addAll(ADOPTION);
    if (application.status() == ApplicationStatus.DISSOLUTION_REQUESTED
        || application.status() == ApplicationStatus.DISSOLVED) {
      definitions.addAll(DISSOLUTION);
    }
    List<Step> steps = new ArrayList<>();
    boolean currentSeen = false;
    for (StepDefinition definition : definitions) {
      Optional<Instant> at = definition.status() == null ? eligibilityPassedAt(application)
          : reachedAt(application, definition.status());
      StepState state;
      // waiting for the spouse is the one status whose step is not done by being reached
      boolean waiting = definition.status() == ApplicationStatus.AWAITING_SPOUSE
          && application.status() == ApplicationStatus.AWAITING_SPOUSE;
      if (at.isPresent() && !waiting) {
        state = StepState.DONE;
      } else if (currentSeen || application.status() == ApplicationStatus.DISSOLVED) {
        state = StepState.UPCOMING;
      } else {
        currentSeen = true;
        state = application.status() == ApplicationStatus.REJECTED ? StepState.REFUSED : StepState.CURRENT;
      }
      steps.add(new Step(definition.code(), labels.of("anjia.journey.step." + definition.code()),
          definition.article(), state, state == StepState.DONE ? at.orElse(null) : null));
    }
    return steps;
  }

  /** The earliest deadline still ahead that the current step runs against. */
  private Optional<Deadline> nextDeadline(ApplicationView application) {
    List<Deadline> candidates = new ArrayList<>();
    Map<String, OffsetDateTime> dates = caseDates.of(application.id(),
        List.of("assessmentDue", "integrationEnds", "registrarReviewDue", "dissolutionDue"));
    switch (application.status()) {
      case ASSESSMENT_CONSENTED, ASSESSED, INTEGRATION_ASSESSED ->
          legal(candidates, dates, "assessmentDue", "ASSESSMENT_REPORT", ASSESSMENT_MEASURES + " 第九条");
      case MATCHED -> {
        legal(candidates, dates, "integrationEnds", "INTEGRATION_PERIOD", ASSESSMENT_MEASURES + " 第八条");
        legal(candidates, dates, "assessmentDue", "ASSESSMENT_REPORT", ASSESSMENT_MEASURES + " 第九条");
      }
      case REPORTED -> legal(candidates, dates, "registrarReviewDue", "REGISTRAR_REVIEW", REGISTRATION_MEASURES + " 第八条");
      case DISSOLUTION_REQUESTED ->
          legal(candidates, dates, "dissolutionDue", "DISSOLUTION_REGISTRATION", REGISTRATION_MEASURES + " 第十条");
      case REGISTERED -> nextVisit(application).ifPresent(candidates::add);
      default -> { }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return candidates.stream().filter(deadline -> deadline.dueAt().isAfter(now))
        .min(Comparator.comparing(Deadline::dueAt));
  }

  private void legal(List<Deadline> candidates, Map<String, OffsetDateTime> dates, String variable, String code,
      String article) {
    OffsetDateTime due = dates.get(variable);
    if (due != null) {
      candidates.add(deadline(code, article, due));
    }
  }

  /** Follow-up visits are local practice (no article), counted from the registration day. */
  private Optional<Deadline> nextVisit(ApplicationView application) {
    return reachedAt(application, ApplicationStatus.REGISTERED).flatMap(registered -> {
      LocalDate registeredOn = registered.atZone(dueDates.zone()).toLocalDate();
      return rules.followUpVisits().stream()
          .map(offset -> registeredOn.plus(Period.parse(offset)))
          .filter(day -> day.isAfter(LocalDate.now(clock.withZone(dueDates.zone())).minusDays(1)))
          .min(Comparator.naturalOrder())
          .map(day -> new Deadline("FOLLOW_UP_VISIT", labels.of("anjia.journey.deadline.FOLLOW_UP_VISIT"), null,
              OffsetDateTime.ofInstant(dueDates.endOf(day), dueDates.zone()), day));
    });
  }

  private Deadline deadline(String code, String article, OffsetDateTime dueAt) {
    // dueAt is the first instant after the period (24:00 of its last day)
    LocalDate lastDay = dueAt.atZoneSameInstant(dueDates.zone()).minusNanos(1).toLocalDate();
    return new Deadline(code, labels.of("anjia.journey.deadline." + code), article, dueAt, lastDay);
  }

  private String number(String sql, UUID applicationId) {
    return jdbc.sql(sql).param("id", applicationId).query(String.class).optional().orElse(null);
  }

  /**
   * The eligibility decision runs as the process starts, in the submission's (or the spouse's
   * confirmation's) transaction: passed once the application is submitted and not refused by it.
   */
  private static Optional<Instant> eligibilityPassedAt(ApplicationView application) {
    boolean refusedByIt = application.status() == ApplicationStatus.REJECTED && application.rejectionReasons().stream()
        .noneMatch(reason -> LATER_REFUSALS.contains(reason.rule()));
    if (refusedByIt || application.status() == ApplicationStatus.AWAITING_SPOUSE) {
      return Optional.empty();
    }
    return reachedAt(application, ApplicationStatus.SUBMITTED);
  }

  private static Optional<Instant> reachedAt(ApplicationView application, ApplicationStatus status) {
    return application.history().stream().filter(entry -> entry.status() == status).map(HistoryEntry::at)
        .max(Comparator.naturalOrder());
  }
}

package org.anjia.registry.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anjia.registry.applications.ApplicationStatistics;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.children.ChildStatistics;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.identity.Role;
import org.anjia.registry.identity.StaffNames;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.anjia.registry.worklist.TaskStatistics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard (看板) of those who supervise the work: directors their institution, registrars
 * the institutions of their jurisdiction, auditors all. Every number comes from the owning module's
 * count under the same scope as its records, so nobody counts what they may not open.
 *
 * <p>The period selects by when things began: tasks created, applications submitted, children
 * admitted in it; decision times count the applications decided in it. Days are the institutions'
 * (the service clock's zone).
 */
@Service
class Dashboard {

  /** What to count, checked: an institution in the caller's scope (or null for all of it) and a period. */
  record Selection(Institutions.Institution institution, LocalDate from, LocalDate to) {
    String institutionCode() {
      return institution == null ? null : institution.code();
    }
  }

  private final TaskStatistics tasks;
  private final ApplicationStatistics applications;
  private final ChildStatistics children;
  private final Institutions institutions;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;
  private final StaffNames staffNames;

  Dashboard(TaskStatistics tasks, ApplicationStatistics applications, ChildStatistics children,
      Institutions institutions, AuditLog audit, Labels labels, Clock clock, StaffNames staffNames) {
    this.staffNames = staffNames;
    this.tasks = tasks;
    this.applications = applications;
    this.children = children;
    this.institutions = institutions;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /**
   * Checks the filter: malformed dates or a period ending before it starts are field problems (400);
   * an institution outside the caller's scope answers as one that does not exist (404), as every
   * record outside one's scope does.
   */
  Selection select(CurrentUser user, String institution, String from, String to) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate fromDate = date("from", from, problems);
    LocalDate toDate = date("to", to, problems);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      problems.add(new FieldProblem("to", labels.of("anjia.dashboard.periodOrder")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (institution == null || institution.isBlank()) {
      return new Selection(null, fromDate, toDate);
    }
    Institutions.Institution chosen = choosable(user).stream()
        .filter(candidate -> candidate.code().equals(institution.trim()))
        .findFirst()
        .orElseThrow(() -> {
          audit.recordRefusal(AuditAction.DENIED, "INSTITUTION", institution.trim(), "outside scope", null, null);
          return new NotFoundException("institution " + institution);
        });
    return new Selection(chosen, fromDate, toDate);
  }

  @Transactional(readOnly = true)
  DashboardView view(CurrentUser user, Selection selection) {
    String institution = selection.institutionCode();
    Instant from = selection.from() == null ? null : selection.from().atStartOfDay(clock.getZone()).toInstant();
    Instant to = selection.to() == null ? null : selection.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    List<TaskStatistics.StepCount> byStep = tasks.byStep(user, institution, from, to);
    List<TaskStatistics.AssigneeCount> assigned = tasks.byAssignee(user, institution, from, to);
    Map<String, String> names = staffNames.namesOf(assigned.stream().map(TaskStatistics.AssigneeCount::assignee)
        .filter(java.util.Objects::nonNull).toList());
    List<DashboardView.PersonCount> byPerson = assigned.stream()
        .map(count -> new DashboardView.PersonCount(count.assignee(),
            count.assignee() == null ? labels.of("anjia.dashboard.unclaimed")
                : names.getOrDefault(count.assignee(), count.assignee()),
            count.open(), count.overdue()))
        .toList();
    List<ApplicationStatistics.StatusCount> byStatus = applications.byStatus(user, institution, from, to);
    ChildStatistics.ChildCounts childCounts = children.count(user, institution, selection.from(), selection.to());
    DashboardView.Totals totals = new DashboardView.Totals(
        byStep.stream().mapToLong(TaskStatistics.StepCount::open).sum(),
        byStep.stream().mapToLong(TaskStatistics.StepCount::overdue).sum(),
        byStatus.stream().mapToLong(ApplicationStatistics.StatusCount::count).sum(),
        childCounts.byCategory().stream().mapToLong(ChildStatistics.Count::count).sum());
    return new DashboardView(
        new DashboardView.Filter(institution, selection.from(), selection.to()),
        choosable(user).stream().map(i -> new DashboardView.InstitutionOption(i.code(), i.name())).toList(),
        totals, byStep, byPerson, byStatus, applications.decisionTimes(user, institution, from, to),
        childCounts.byCategory(), childCounts.byPlacement());
  }

  /** The institutions whose numbers the caller may see. */
  private List<Institutions.Institution> choosable(CurrentUser user) {
    return institutions.institutions().stream()
        .filter(i -> user.has(Role.AUDITOR)
            || (user.has(Role.REGISTRAR) && i.jurisdiction().equals(user.jurisdiction()))
            || (user.hasAny(Role.CASEWORKER, Role.DIRECTOR) && i.code().equals(user.institution())))
        .toList();
  }

  private LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, labels.of("anjia.dashboard.date")));
      return null;
    }
  }
}

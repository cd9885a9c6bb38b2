package org.anjia.registry.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.anjia.registry.applications.ApplicationStatistics;
import org.anjia.registry.children.ChildStatistics;
import org.anjia.registry.worklist.TaskStatistics;

/**
 * The numbers a director, registrar or auditor sees on the dashboard, all counted under the
 * caller's scope. {@code filter}: what was counted (institution null: every one in scope; dates
 * null: unbounded); {@code institutions}: those the caller may choose from.
 */
record DashboardView(
    Filter filter,
    List<InstitutionOption> institutions,
    Totals totals,
    List<TaskStatistics.StepCount> tasksByStep,
    List<PersonCount> tasksByPerson,
    List<ApplicationStatistics.StatusCount> applicationsByStatus,
    List<ApplicationStatistics.DecisionTime> decisionTimes,
    List<ChildStatistics.Count> childrenByCategory,
    List<ChildStatistics.Count> childrenByPlacement) {

  record Filter(String institution, LocalDate from, LocalDate to) {}

  record InstitutionOption(String code, String name) {}

  record Totals(long openTasks, long overdueTasks, long applications, long children) {}

  /** {@code assignee} null: tasks nobody has claimed yet ({@code label} says so). */
  record PersonCount(String assignee, String label, long open, long overdue) {}
}

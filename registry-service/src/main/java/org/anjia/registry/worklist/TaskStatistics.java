package org.anjia.registry.worklist;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.anjia.registry.engine.ProcessCatalog;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open and overdue tasks counted for those who supervise the work (the dashboard): every open task
 * on a case the user may see, whichever group it waits for — a director follows the assessor's
 * home visit on the institution's case too. The cases are those of the worklist's own scope
 * ({@link TaskScope}: institution, jurisdiction, sealed records), so nobody counts a task on a case
 * they could not open.
 */
@Component
public class TaskStatistics {

  /** Open tasks of one step of one process; {@code overdue}: past their due date. */
  public record StepCount(String processId, String processName, String elementId, String name, long open,
      long overdue) {}

  /** Open tasks claimed by one person ({@code assignee} null: nobody has claimed them yet). */
  public record AssigneeCount(String assignee, long open, long overdue) {}

  /** Every group a task can wait for. */
  private static final List<String> EVERY_GROUP = Arrays.stream(Role.values())
      .filter(role -> role != Role.AUDITOR && role != Role.ADMIN).map(Role::candidateGroup).toList();

  private final Worklist worklist;
  private final ProcessCatalog catalog;

  TaskStatistics(Worklist worklist, ProcessCatalog catalog) {
    this.worklist = worklist;
    this.catalog = catalog;
  }

  /**
   * By step, most open first: the cases of {@code institution} (null: every case in scope), tasks
   * created in [from, to) (null: unbounded).
   */
  @Transactional(readOnly = true)
  public List<StepCount> byStep(CurrentUser user, String institution, Instant from, Instant to) {
    return worklist.count("pd.key_, t.task_def_key_", scope(user), institution, from, to, (rs, row) -> {
      String processId = rs.getString(1);
      String elementId = rs.getString(2);
      return new StepCount(processId, catalog.processName(processId), elementId,
          catalog.elementName(processId, elementId), rs.getLong("open_count"), rs.getLong("overdue_count"));
    });
  }

  /** By the person who claimed them (and the unclaimed ones), with the same selection as {@link #byStep}. */
  @Transactional(readOnly = true)
  public List<AssigneeCount> byAssignee(CurrentUser user, String institution, Instant from, Instant to) {
    return worklist.count("t.assignee_", scope(user), institution, from, to,
        (rs, row) -> new AssigneeCount(rs.getString(1), rs.getLong("open_count"), rs.getLong("overdue_count")));
  }

  private static TaskScope scope(CurrentUser user) {
    TaskScope scope = TaskScope.of(user);
    return scope.auditor() ? scope : scope.offeredTo(EVERY_GROUP);
  }
}

package org.anjia.registry.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.engine.ProcessVariables;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.anjia.registry.identity.StaffDirectory;
import org.anjia.registry.identity.StaffNames;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.TaskAlreadyClaimedException;
import org.operaton.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim, unclaim and complete, through the engine's TaskService in the transaction of the registry's
 * own writes: a completion is validated against the task's form, stored, recorded by the journey it
 * belongs to and completed in the engine, all committed together or not at all.
 */
@Service
class TaskCommands {

  private final Worklist worklist;
  private final CurrentUsers users;
  private final AuditLog audit;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Labels labels;
  private final Clock clock;
  private final StaffDirectory staff;
  private final TaskDocuments documents;
  private final StaffNames staffNames;

  TaskCommands(Worklist worklist, CurrentUsers users, AuditLog audit, TaskService tasks, JdbcClient jdbc,
      ApplicationEventPublisher events, Labels labels, Clock clock, StaffDirectory staff, TaskDocuments documents,
      StaffNames staffNames) {
    this.documents = documents;
    this.staffNames = staffNames;
    this.worklist = worklist;
    this.users = users;
    this.audit = audit;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.events = events;
    this.labels = labels;
    this.clock = clock;
    this.staff = staff;
  }

  @Transactional
  void claim(String id) {
    CurrentUser user = users.current();
    Worklist.OpenTask task = openTask(id, user);
    if (task.assignee() != null && !task.assignee().equals(user.username())) {
      throw claimedBy(task.assignee());
    }
    try {
      tasks.claim(id, user.username());
    } catch (TaskAlreadyClaimedException e) {
      throw claimedBy(e.getTaskAssignee());
    }
    staffNames.remember(user.username(), user.asActor().name());
    audit.record(AuditAction.UPDATE, "TASK", id, List.of("assignee"), null);
  }

  @Transactional
  void unclaim(String id) {
    CurrentUser user = users.current();
    Worklist.OpenTask task = openTask(id, user);
    if (task.assignee() != null && !task.assignee().equals(user.username()) && !user.has(Role.DIRECTOR)) {
      // a director may release a colleague's claim; others only their own
      throw claimedBy(task.assignee());
    }
    tasks.setAssignee(id, null);
    audit.record(AuditAction.UPDATE, "TASK", id, List.of("assignee"), null);
  }

  /**
   * A director gives an open task of the institution to a colleague: a caseworker or director of
   * the same institution, as Keycloak knows them. Anyone else is refused next to the field.
   */
  @Transactional
  void reassign(String id, String assignee) {
    CurrentUser director = users.current();
    TaskScope institution = TaskScope.of(director).offeredTo(List.of(Role.CASEWORKER.candidateGroup(),
        Role.DIRECTOR.candidateGroup()));
    Worklist.OpenTask task = worklist.commandTarget(id, institution).orElseThrow(() -> {
      audit.recordRefusal(AuditAction.DENIED, "TASK", id, "outside scope", null, null);
      return new NotFoundException("task " + id);
    });
    String username = assignee == null ? "" : assignee.trim();
    Optional<StaffDirectory.Person> colleague = username.isEmpty() ? Optional.empty()
        : staff.staffOf(username, director.institution(), EnumSet.of(Role.CASEWORKER, Role.DIRECTOR));
    if (colleague.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem("assignee",
          labels.of("anjia.task.assigneeNotStaff", username, director.institution()))));
    }
    staffNames.remember(username, colleague.get().name());
    tasks.setAssignee(task.id(), username);
    audit.record(AuditAction.UPDATE, "TASK", id, List.of("assignee"), null);
  }

  @Transactional
  void complete(String id, Map<String, Object> submitted) {
    CurrentUser user = users.current();
    Worklist.OpenTask task = openTask(id, user);
    if (task.assignee() == null) {
      throw new ConflictException("anjia.task.claimFirst");
    }
    if (!task.assignee().equals(user.username())) {
      throw claimedBy(task.assignee());
    }
    // every user task links a deployed form; without it there is nothing to validate against
    JsonNode form = worklist.form(task).orElseThrow(() -> new ConflictException("anjia.task.formMissing"));
    FormRules rules = new FormRules(form);
    List<FieldProblem> problems = rules.check(submitted).stream()
        .map(v -> new FieldProblem(v.field(), labels.of(v.messageCode(), v.argument())))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    // a document check declared complete needs every required document as a stored file
    documents.requireFiles(task, submitted);
    Map<String, Object> variables = rules.writable(submitted);
    try {
      jdbc.sql("""
              insert into task_submission (id, task_id, process_instance_id, element_id, application_id,
                                           variables, submitted_by, submitted_at)
              values (:id, :task, :instance, :element, :application, cast(:variables as jsonb), :actor, :at)""")
          .param("id", UUID.randomUUID())
          .param("task", id)
          .param("instance", task.processInstanceId())
          .param("element", task.elementId())
          .param("application", task.applicationId())
          .param("variables", ProcessVariables.json(variables))
          .param("actor", task.assignee())
          .param("at", Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("anjia.task.alreadySubmitted");
    }
    audit.record(AuditAction.UPDATE, "TASK", id, List.copyOf(variables.keySet()), null);
    Map<String, Object> derived = new LinkedHashMap<>();
    events.publishEvent(new TaskCompletionSubmitted(id, task.processId(), task.elementId(), task.applicationId(),
        task.childId(), variables, user.asActor(), derived));
    Map<String, Object> toEngine = new LinkedHashMap<>(ProcessVariables.storable(variables));
    toEngine.putAll(ProcessVariables.storable(derived));
    try {
      tasks.complete(id, toEngine);
    } catch (OptimisticLockingException e) {
      // a second completion of the same task raced this one and won
      throw new ConflictException("anjia.task.changedMeanwhile");
    }
  }

  /** The refusal when someone else holds the task, naming them as people know them. */
  private ConflictException claimedBy(String assignee) {
    return new ConflictException("anjia.task.claimedByOther", staffNames.nameOf(assignee));
  }

  /**
   * The task, if the user may work it: outside their scope, or done already, it does not exist for
   * them (404); auditors see tasks but work none (403).
   */
  private Worklist.OpenTask openTask(String id, CurrentUser user) {
    Worklist.OpenTask task = worklist.commandTarget(id, TaskScope.of(user)).orElseThrow(() -> {
      audit.recordRefusal(AuditAction.DENIED, "TASK", id, "outside scope", null, null);
      return new NotFoundException("task " + id);
    });
    if (task.candidateGroups().stream().noneMatch(user.candidateGroups()::contains)) {
      throw new org.springframework.security.access.AccessDeniedException("not a candidate for task " + id);
    }
    return task;
  }
}

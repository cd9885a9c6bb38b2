package org.anjia.registry.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.ConflictException;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim, unclaim and complete. Claims go straight to the engine (nothing of ours changes); a
 * completion is validated against the task's form, stored, and handed to the engine through the
 * outbox, so the engine never sees data we refused and we never lose data the engine did not get.
 */
@Service
class TaskCommands {

  /** The exporter flushes every 100 ms; a claim that takes longer to show is answered anyway. */
  private static final java.time.Duration PROJECTION_WAIT = java.time.Duration.ofSeconds(5);

  private final Worklist worklist;
  private final CurrentUsers users;
  private final AuditLog audit;
  private final CamundaClient camunda;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Labels labels;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final Clock clock;

  TaskCommands(Worklist worklist, CurrentUsers users, AuditLog audit, CamundaClient camunda, JdbcClient jdbc,
      ApplicationEventPublisher events, Labels labels, com.fasterxml.jackson.databind.ObjectMapper json, Clock clock) {
    this.worklist = worklist;
    this.users = users;
    this.audit = audit;
    this.camunda = camunda;
    this.jdbc = jdbc;
    this.events = events;
    this.labels = labels;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Returns once the worklist shows the new assignee (or after a bounded wait), so the claimant's
   * next step — completing — sees its own claim although the projection lags the engine.
   */
  void claim(long key) {
    CurrentUser user = users.current();
    String assignee = user.username();
    Worklist.OpenTask task = openTask(key, user);
    if (task.assignee() != null && !task.assignee().equals(assignee)) {
      throw new ConflictException("anjia.task.claimedByOther", task.assignee());
    }
    engine(() -> camunda.newAssignUserTaskCommand(key).assignee(assignee).allowOverride(false).send().join());
    awaitProjection(key, assignee);
  }

  void unclaim(long key) {
    CurrentUser user = users.current();
    Worklist.OpenTask task = openTask(key, user);
    if (task.assignee() != null && !task.assignee().equals(user.username()) && !user.has(Role.DIRECTOR)) {
      // a director may release a colleague's claim; others only their own
      throw new ConflictException("anjia.task.claimedByOther", task.assignee());
    }
    engine(() -> camunda.newUnassignUserTaskCommand(key).send().join());
    awaitProjection(key, null);
  }

  private void awaitProjection(long key, String assignee) {
    long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (worklist.projectedAssigneeIs(key, assignee)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Transactional
  void complete(long key, Map<String, Object> submitted) {
    CurrentUser user = users.current();
    Worklist.OpenTask task = openTask(key, user);
    if (task.assignee() == null) {
      throw new ConflictException("anjia.task.claimFirst");
    }
    if (!task.assignee().equals(user.username())) {
      throw new ConflictException("anjia.task.claimedByOther", task.assignee());
    }
    JsonNode form = task.formKey() == null ? null : worklist.form(task.formKey()).orElse(null);
    if (form == null) {
      // every user task links a deployed form; without it there is nothing to validate against
      throw new ConflictException("anjia.task.formMissing");
    }
    FormRules rules = new FormRules(form);
    List<FieldProblem> problems = rules.check(submitted).stream()
        .map(v -> new FieldProblem(v.field(), labels.of(v.messageCode(), v.argument())))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Map<String, Object> variables = rules.writable(submitted);
    try {
      jdbc.sql("""
              insert into task_submission (id, user_task_key, process_instance_key, element_id, application_id,
                                           variables, submitted_by, submitted_at)
              values (:id, :key, :instance, :element, :application, cast(:variables as jsonb), :actor, :at)""")
          .param("id", UUID.randomUUID())
          .param("key", key)
          .param("instance", task.processInstanceKey())
          .param("element", task.elementId())
          .param("application", task.applicationId())
          .param("variables", json.writeValueAsString(variables))
          .param("actor", task.assignee())
          .param("at", java.sql.Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("anjia.task.alreadySubmitted");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    audit.record(AuditAction.UPDATE, "TASK", key, List.copyOf(variables.keySet()), null);
    events.publishEvent(new TaskCompletionSubmitted(key, task.processId(), task.elementId(), task.applicationId(),
        task.childId(), variables, task.assignee()));
  }

  /**
   * The task, if the user may work it: outside their scope it does not exist for them (404);
   * auditors see tasks but work none (403).
   */
  private Worklist.OpenTask openTask(long key, CurrentUser user) {
    Worklist.OpenTask task = worklist.commandTarget(key, TaskScope.of(user)).orElseThrow(() -> {
      audit.recordRefusal(AuditAction.DENIED, "TASK", key, "outside scope", null, null);
      return new NotFoundException("task " + key);
    });
    if (task.candidateGroups().stream().noneMatch(user.candidateGroups()::contains)) {
      throw new org.springframework.security.access.AccessDeniedException("not a candidate for task " + key);
    }
    if (!"CREATED".equals(task.state())) {
      throw new ConflictException("anjia.task.closed");
    }
    return task;
  }

  /** The engine refuses claims of tasks that moved on meanwhile; say so instead of failing with 500. */
  private static void engine(Runnable command) {
    try {
      command.run();
    } catch (ClientHttpException e) {
      if (e.code() == 404) {
        throw new NotFoundException("task");
      }
      if (e.code() == 409) {
        throw new ConflictException("anjia.task.changedMeanwhile");
      }
      throw e;
    }
  }
}

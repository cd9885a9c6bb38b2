package org.anjia.registry.familystyle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.worklist.TaskCompletionSubmitted;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The units' periodic review (family-style-unit-review.bpmn): every anjia.family-style.review-interval
 * (quarterly, local practice) a caseworker reviews the unit and writes a note per child (health,
 * schooling, development); a review not held by its due date is escalated to the director. The
 * expression bean {@code unitReviewCycle} gives the model its cycle; {@code unitReviewPreparation} lists
 * the unit's children for the form; the notes are stored in the transaction of the completion.
 */
@Configuration
class UnitReviews {

  static final String PROCESS_ID = "family-style-unit-review";
  static final String OPENED_MESSAGE = "family-style-unit-opened";
  static final String CLOSED_MESSAGE = "family-style-unit-closed";
  static final String REVIEW_UNIT = "ReviewUnit";
  static final String CHILD_NOTES = "childNotes";
  static final String HELD_ON = "reviewHeldOn";

  /** One line per child: name, then "：", then health；schooling；development. */
  private static final Pattern NAME_SEPARATOR = Pattern.compile("[：:]");
  private static final Pattern PART_SEPARATOR = Pattern.compile("[；;]");

  /** The review's cycle, {@code timeCycle ${unitReviewCycle.cycle()}}: R/ plus the configured interval. */
  public record Cycle(String interval) {

    public String cycle() {
      return "R/" + interval;
    }
  }

  /** A review as the board shows it: the last one held, and when the next is due. */
  record ReviewStatus(LocalDate lastHeldOn, Instant nextDue, boolean overdue) {}

  @Bean
  Cycle unitReviewCycle(UnitRules rules) {
    return new Cycle(rules.reviewInterval().toString());
  }

  /** Sets {@code unitChildren}: the names and ages of the unit's children, for the review form. Read only. */
  @Bean
  JavaDelegate unitReviewPreparation(UnitAssignments assignments) {
    return execution -> {
      UUID unitId = UUID.fromString(execution.getProcessBusinessKey());
      String listed = assignments.ofUnit(unitId).stream()
          .map(child -> child.name() + "（" + child.age() + "岁）")
          .collect(Collectors.joining("、"));
      execution.setVariable("unitChildren", listed.isEmpty() ? "—" : listed);
    };
  }

  @Bean
  ReviewNotes unitReviewNotes(JdbcClient jdbc, UnitAssignments assignments, TaskService tasks, RuntimeService runtime,
      AuditLog audit, Labels labels, Clock clock) {
    return new ReviewNotes(jdbc, assignments, tasks, runtime, audit, labels, clock);
  }

  /**
   * Stores the review of the completed ReviewUnit task: the date it was held (not after today) and one
   * note per child living in the unit; a child without its line, or a line for a child not in the unit,
   * is refused next to the notes and the completion rolls back. Idempotent by task.
   */
  static class ReviewNotes {

    private final JdbcClient jdbc;
    private final UnitAssignments assignments;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final Labels labels;
    private final Clock clock;

    ReviewNotes(JdbcClient jdbc, UnitAssignments assignments, TaskService tasks, RuntimeService runtime,
        AuditLog audit, Labels labels, Clock clock) {
      this.jdbc = jdbc;
      this.assignments = assignments;
      this.tasks = tasks;
      this.runtime = runtime;
      this.audit = audit;
      this.labels = labels;
      this.clock = clock;
    }

    @EventListener
    void on(TaskCompletionSubmitted completion) {
      if (!PROCESS_ID.equals(completion.processId()) || !REVIEW_UNIT.equals(completion.elementId())) {
        return;
      }
      if (jdbc.sql("select count(*) from unit_review where task_id = :task").param("task", completion.taskId())
          .query(Integer.class).single() > 0) {
        return;
      }
      String instance = tasks.createTaskQuery().taskId(completion.taskId()).singleResult().getProcessInstanceId();
      UUID unitId = UUID.fromString(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
          .getBusinessKey());
      Map<String, Object> variables = completion.variables();
      Object held = variables.get(HELD_ON);
      if (held == null || held.toString().isBlank()) {
        throw problem(HELD_ON, labels.of("anjia.form.required"));
      }
      LocalDate heldOn = LocalDate.parse(held.toString().substring(0, 10));
      if (heldOn.isAfter(LocalDate.now(clock))) {
        throw problem(HELD_ON, labels.of("anjia.validation.notInFuture"));
      }
      Map<String, String[]> notes = new LinkedHashMap<>();
      Object text = variables.get(CHILD_NOTES);
      for (String line : (text == null ? "" : text.toString()).split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] nameAndRest = NAME_SEPARATOR.split(line.trim(), 2);
        String[] parts = nameAndRest.length > 1 ? PART_SEPARATOR.split(nameAndRest[1].trim(), 3) : new String[0];
        notes.put(nameAndRest[0].trim(), parts);
      }
      List<UnitAssignments.UnitChild> living = assignments.ofUnit(unitId);
      List<String> problems = new ArrayList<>();
      living.stream().filter(child -> !notes.containsKey(child.name())).map(UnitAssignments.UnitChild::name)
          .reduce((a, b) -> a + "、" + b)
          .ifPresent(missing -> problems.add(labels.of("anjia.familyStyle.review.missingChild", missing)));
      notes.keySet().stream().filter(name -> living.stream().noneMatch(child -> child.name().equals(name)))
          .reduce((a, b) -> a + "、" + b)
          .ifPresent(unknown -> problems.add(labels.of("anjia.familyStyle.review.unknownChild", unknown)));
      if (!problems.isEmpty()) {
        throw problem(CHILD_NOTES, String.join("；", problems));
      }
      UUID review = UUID.randomUUID();
      Object summary = variables.get("reviewSummary");
      jdbc.sql("""
              insert into unit_review (id, unit_id, task_id, held_on, reviewed_by, recorded_at, summary)
              values (:id, :unit, :task, :on, :by, :at, :summary)""")
          .param("id", review).param("unit", unitId).param("task", completion.taskId())
          .param("on", Date.valueOf(heldOn)).param("by", completion.actor().login())
          .param("at", Timestamp.from(clock.instant())).param("summary", summary == null ? null : summary.toString())
          .update();
      for (UnitAssignments.UnitChild child : living) {
        String[] parts = notes.get(child.name());
        jdbc.sql("""
                insert into unit_review_note (review_id, child_id, health, schooling, development)
                values (:review, :child, :health, :schooling, :development)""")
            .param("review", review).param("child", child.childId())
            .param("health", part(parts, 0)).param("schooling", part(parts, 1)).param("development", part(parts, 2))
            .update();
      }
      audit.record(AuditAction.CREATE, "UNIT_REVIEW", review, List.of("heldOn", "notes"), null);
    }

    private static String part(String[] parts, int index) {
      return parts.length > index && !parts[index].isBlank() ? parts[index].trim() : null;
    }
  }

  /**
   * The unit's last review and the next one due: an open review task's due date (overdue once it has
   * passed), otherwise the review timer's next firing. Reads the engine's tables, never writes them.
   */
  static ReviewStatus status(JdbcClient jdbc, UUID unitId, Instant now) {
    LocalDate last = jdbc.sql("select max(held_on) from unit_review where unit_id = :unit").param("unit", unitId)
        .query(LocalDate.class).optional().orElse(null);
    Timestamp openDue = jdbc.sql("""
            select min(t.due_date_) from act_ru_task t join act_ru_execution pi on pi.id_ = t.proc_inst_id_
            where pi.business_key_ = :key and t.task_def_key_ = :task""")
        .param("key", unitId.toString()).param("task", REVIEW_UNIT).query(Timestamp.class).optional().orElse(null);
    if (openDue != null) {
      return new ReviewStatus(last, openDue.toInstant(), !openDue.toInstant().isAfter(now));
    }
    Timestamp timer = jdbc.sql("""
            select min(j.duedate_) from act_ru_job j join act_ru_execution pi on pi.id_ = j.process_instance_id_
            where pi.business_key_ = :key and j.handler_cfg_ like 'UnitReviewDue%'""")
        .param("key", unitId.toString()).query(Timestamp.class).optional().orElse(null);
    return new ReviewStatus(last, timer == null ? null : timer.toInstant(), false);
  }

  /** A child's note from the unit's last review. */
  record ChildNote(LocalDate heldOn, String health, String schooling, String development) {}

  /** Each child's note from the latest review that has one, by child. */
  static Map<UUID, ChildNote> latestNotes(JdbcClient jdbc, UUID unitId) {
    Map<UUID, ChildNote> notes = new HashMap<>();
    jdbc.sql("""
            select distinct on (n.child_id) n.child_id, r.held_on, n.health, n.schooling, n.development
            from unit_review_note n join unit_review r on r.id = n.review_id
            where r.unit_id = :unit order by n.child_id, r.held_on desc, r.recorded_at desc""")
        .param("unit", unitId)
        .query(rs -> {
          notes.put(rs.getObject("child_id", UUID.class), new ChildNote(rs.getObject("held_on", LocalDate.class),
              rs.getString("health"), rs.getString("schooling"), rs.getString("development")));
        });
    return notes;
  }

  private static InvalidInputException problem(String field, String message) {
    return new InvalidInputException(List.of(new FieldProblem(field, message)));
  }
}

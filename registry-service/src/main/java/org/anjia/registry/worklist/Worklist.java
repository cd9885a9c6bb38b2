package org.anjia.registry.worklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.engine.ProcessCatalog;
import org.anjia.registry.web.Labels;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads tasks and incidents from the exporter's projection ({@code engine.*}) joined with the
 * registry's applications and families. Read-only: the exporter owns those tables.
 */
@Component
class Worklist {

  /** Which tasks to list; null means "any". */
  record Filter(String candidateGroup, String processId, String assignee, boolean overdueOnly) {}

  enum Sort {
    DUE_DATE_ASC("t.due_date asc nulls last, t.user_task_key"),
    DUE_DATE_DESC("t.due_date desc nulls last, t.user_task_key"),
    CREATED_AT_ASC("t.created_at asc, t.user_task_key");

    private final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }
  }

  record OpenTask(long key, long processInstanceKey, String processId, String elementId, String state,
      String assignee, List<String> candidateGroups, Long formKey, UUID applicationId, UUID childId) {}

  private static final String TASK_COLUMNS = """
      select t.user_task_key, t.element_id, t.bpmn_process_id, t.candidate_groups, t.assignee, t.state,
             t.created_at, t.due_date, a.id as application_id, a.number, a.status, f.id as family_id, f.display_name,
             c.id as child_id, c.name as child_name,
             exists (select 1 from task_signal s where s.user_task_key = t.user_task_key and s.kind = 'REMINDED') as reminded,
             exists (select 1 from task_signal s where s.user_task_key = t.user_task_key and s.kind = 'ESCALATED') as escalated
      """;
  // the business key is cast, not the application id, so the join uses the primary key (infra/bench/REPORT.md)
  private static final String TASK_JOINS = """
      from engine.user_task t
      left join engine.process_instance p on p.process_instance_key = t.process_instance_key
      left join application a on a.id = cast(case when p.business_key ~ '^[0-9a-f-]{36}$' then p.business_key end as uuid)
      left join family f on f.id = a.family_id
      left join child c on a.id is null
                       and c.id = cast(case when p.business_key ~ '^[0-9a-f-]{36}$' then p.business_key end as uuid)
      """;
  private static final String OPEN_TASKS_MATCHING = """
      where t.state = 'CREATED'
        and (cast(:group as text) is null or cast(:group as text) = any(t.candidate_groups))
        and (cast(:process as text) is null or t.bpmn_process_id = cast(:process as text))
        and (cast(:assignee as text) is null or t.assignee = cast(:assignee as text))
        and (not :overdueOnly or t.due_date < :now)
      """;

  private final JdbcClient jdbc;
  private final ProcessCatalog catalog;
  private final Labels labels;
  private final ObjectMapper json;
  private final Clock clock;

  Worklist(JdbcClient jdbc, ProcessCatalog catalog, Labels labels, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.labels = labels;
    this.json = json;
    this.clock = clock;
  }

  Page<TaskView> openTasks(Filter filter, TaskScope scope, Sort sort, PageRequest page) {
    Instant now = clock.instant();
    long total = jdbc.sql("select count(*) " + TASK_JOINS + OPEN_TASKS_MATCHING + TaskScope.SQL)
        .params(params(filter, now))
        .params(scope.params())
        .query(Long.class).single();
    List<TaskView> tasks = jdbc.sql(TASK_COLUMNS + TASK_JOINS + OPEN_TASKS_MATCHING + TaskScope.SQL
            + " order by " + sort.orderBy + " limit :limit offset :offset")
        .params(params(filter, now))
        .params(scope.params())
        .param("limit", page.getPageSize())
        .param("offset", page.getOffset())
        .query((rs, row) -> taskView(rs, now))
        .list();
    return new PageImpl<>(tasks, page, total);
  }

  Optional<TaskView> task(long key, TaskScope scope) {
    Instant now = clock.instant();
    return jdbc.sql(TASK_COLUMNS + TASK_JOINS + " where t.user_task_key = :key" + TaskScope.SQL)
        .param("key", key)
        .params(scope.params())
        .query((rs, row) -> taskView(rs, now))
        .optional();
  }

  /** The task if the user may see it (their scope and candidate groups), else empty. */
  Optional<OpenTask> commandTarget(long key, TaskScope scope) {
    return jdbc.sql("""
            select t.user_task_key, t.process_instance_key, t.bpmn_process_id, t.element_id, t.state, t.assignee,
                   t.candidate_groups, t.form_key, a.id as application_id, c.id as child_id
            """ + TASK_JOINS + " where t.user_task_key = :key" + TaskScope.SQL)
        .param("key", key)
        .params(scope.params())
        .query((rs, row) -> new OpenTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), textArray(rs.getArray(7)), (Long) rs.getObject(8),
            rs.getObject(9, UUID.class), rs.getObject(10, UUID.class)))
        .optional();
  }

  /** Whether the projection shows that assignee (null: unassigned) on the task, or no longer has the task. */
  boolean projectedAssigneeIs(long key, String assignee) {
    return jdbc.sql("""
            select count(*) from engine.user_task
            where user_task_key = :key and assignee is distinct from cast(:assignee as text)""")
        .param("key", key).param("assignee", assignee)
        .query(Long.class).single() == 0;
  }

  /** The most recent task of that element in that instance, whatever its state. */
  Optional<Long> latestTaskKey(long processInstanceKey, String elementId) {
    return jdbc.sql("""
            select user_task_key from engine.user_task
            where process_instance_key = :instance and element_id = :element
            order by user_task_key desc limit 1""")
        .param("instance", processInstanceKey)
        .param("element", elementId)
        .query(Long.class)
        .optional();
  }

  Optional<JsonNode> form(long formKey) {
    return jdbc.sql("select resource from engine.form where form_key = :key")
        .param("key", formKey)
        .query(String.class)
        .optional()
        .map(this::parse);
  }

  /** The process-level variables, as the engine holds them (JSON values). */
  Map<String, JsonNode> processVariables(long processInstanceKey) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    jdbc.sql("""
            select name, cast(value as text) from engine.variable
            where process_instance_key = :instance and scope_key = :instance order by name""")
        .param("instance", processInstanceKey)
        .query((rs, row) -> variables.put(rs.getString(1), parse(rs.getString(2))))
        .list();
    return variables;
  }

  /** Incidents concern the engine's work on every journey: staff with an incident panel and auditors see them. */
  List<IncidentView> activeIncidents() {
    return jdbc.sql("""
            select i.incident_key, i.bpmn_process_id, i.element_id, i.error_type, i.error_message, i.created_at,
                   a.id, a.number, a.status
            from engine.incident i
            left join engine.process_instance p on p.process_instance_key = i.process_instance_key
            left join application a on a.id = cast(case when p.business_key ~ '^[0-9a-f-]{36}$' then p.business_key end as uuid)
            where i.state = 'ACTIVE' order by i.created_at desc""")
        .query((rs, row) -> new IncidentView(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
            applicationRef(rs, 7, 8, 9)))
        .list();
  }

  private Map<String, Object> params(Filter filter, Instant now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("group", filter.candidateGroup());
    params.put("process", filter.processId());
    params.put("assignee", filter.assignee());
    params.put("overdueOnly", filter.overdueOnly());
    params.put("now", Timestamp.from(now));
    return params;
  }

  private TaskView taskView(ResultSet rs, Instant now) throws SQLException {
    String processId = rs.getString("bpmn_process_id");
    String elementId = rs.getString("element_id");
    Instant due = instant(rs.getTimestamp("due_date"));
    UUID familyId = rs.getObject("family_id", UUID.class);
    UUID childId = rs.getObject("child_id", UUID.class);
    return new TaskView(
        Long.toString(rs.getLong("user_task_key")),
        catalog.elementName(processId, elementId),
        elementId,
        processId,
        textArray(rs.getArray("candidate_groups")),
        rs.getString("assignee"),
        rs.getString("state"),
        instant(rs.getTimestamp("created_at")),
        due,
        due != null && due.isBefore(now) && "CREATED".equals(rs.getString("state")),
        rs.getBoolean("reminded"),
        rs.getBoolean("escalated"),
        applicationRef(rs, rs.findColumn("application_id"), rs.findColumn("number"), rs.findColumn("status")),
        familyId == null ? null : new TaskView.FamilyRef(familyId, rs.getString("display_name")),
        childId == null ? null : new TaskView.ChildRef(childId, rs.getString("child_name")));
  }

  private TaskView.ApplicationRef applicationRef(ResultSet rs, int idColumn, int numberColumn, int statusColumn)
      throws SQLException {
    UUID id = rs.getObject(idColumn, UUID.class);
    if (id == null) {
      return null;
    }
    String status = rs.getString(statusColumn);
    return new TaskView.ApplicationRef(id, rs.getString(numberColumn), status,
        labels.of(ApplicationStatus.valueOf(status)));
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The engine projection holds invalid JSON", e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> textArray(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

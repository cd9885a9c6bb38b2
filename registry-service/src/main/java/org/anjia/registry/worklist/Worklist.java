package org.anjia.registry.worklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.function.Supplier;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.engine.ProcessCatalog;
import org.anjia.registry.web.Labels;
import org.operaton.bpm.engine.FormService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's open tasks ({@code act_ru_task}, written in the transaction that created them, so a
 * task is listed the moment it exists) joined with the registry's applications, families and
 * children under the caller's scope, in one query. The engine's tables are read, never written.
 */
@Component
class Worklist {

  /** Which tasks to list; null means "any". */
  record Filter(String candidateGroup, String processId, String assignee, boolean overdueOnly) {}

  /**
   * Orders an index gives as it is read, forwards or backwards: the page is then the first rows of a
   * walk along it. A reader whose scope keeps to one institution or jurisdiction walks open_task's index
   * of that key and due date (V36); any other reader walks the engine's due-date index
   * ({@code act_ru_task(due_date_)}). The walk's columns are named in the order, because PostgreSQL
   * otherwise preferred the engine's index with the key as a filter, and the walk grew again with the
   * other institutions' tasks. Latest first is exactly the reverse (tasks without a due date first), any
   * other order of nulls would make PostgreSQL fetch and sort every task in scope (infra/bench/REPORT.md).
   */
  enum Sort {
    DUE_DATE_ASC("ot.due_date asc nulls last, ot.task_id", "t.due_date_ asc nulls last, t.id_"),
    DUE_DATE_DESC("ot.due_date desc nulls first, ot.task_id desc", "t.due_date_ desc nulls first, t.id_ desc"),
    CREATED_AT_ASC("ot.created_at asc, ot.task_id", "t.create_time_ asc, t.id_");

    private final String alongScopeKey;
    private final String alongEngineIndex;

    Sort(String alongScopeKey, String alongEngineIndex) {
      this.alongScopeKey = alongScopeKey;
      this.alongEngineIndex = alongEngineIndex;
    }

    String orderBy(TaskScope scope) {
      return scope.walksOneKey() ? alongScopeKey : alongEngineIndex;
    }
  }

  record OpenTask(String id, String processInstanceId, String processDefinitionId, String processId, String elementId,
      String assignee, List<String> candidateGroups, UUID applicationId, UUID childId) {}

  /**
   * The task's process (its definition's key), read for the page's rows only. Joined instead, the process
   * definitions were one more relation of the walk: for an assessor's page PostgreSQL put them before the
   * tasks and looked up each task once per deployed definition (1,017 lookups for 113 tasks, 23 ms a page at
   * 100,000 open tasks, infra/bench/REPORT.md), and every new version of a model adds a definition.
   */
  private static final String PROCESS_KEY = "(select pd.key_ from act_re_procdef pd where pd.id_ = t.proc_def_id_)";
  private static final String CANDIDATE_GROUPS = """
      array(select il.group_id_ from act_ru_identitylink il
            where il.task_id_ = t.id_ and il.type_ = 'candidate' and il.group_id_ is not null order by 1)""";
  private static final String TASK_COLUMNS = """
      select t.id_ as task_id, t.task_def_key_ as element_id, %s as process_id, t.assignee_ as assignee,
             (select sn.display_name from staff_name sn where sn.username = t.assignee_) as assignee_name,
             t.create_time_ as created_at, t.due_date_ as due_date, t.proc_inst_id_ as process_instance_id,
             %s as candidate_groups,
             a.id as application_id, a.number, a.status, a.family_id,
             (select f.display_name from family f where f.id = a.family_id) as display_name,
             c.id as child_id, c.file_number as child_file_number, c.name as child_name,
             u.id as unit_id, u.name as unit_name,
             exists (select 1 from task_signal s where s.task_id = t.id_ and s.kind = 'REMINDED') as reminded,
             exists (select 1 from task_signal s where s.task_id = t.id_ and s.kind = 'ESCALATED') as escalated
      """.formatted(PROCESS_KEY, CANDIDATE_GROUPS);
  /**
   * The case an incident's process instance {@code pi} belongs to: every process of a case carries the
   * case's id as business key. As a uuid (not a text comparison) the join uses the registry's primary keys.
   */
  private static final String CASE_ID =
      "cast(case when pi.business_key_ ~ '^[0-9a-f-]{36}$' then pi.business_key_ end as uuid)";
  /**
   * A page walks the open tasks ({@code open_task}, V36: each task with its case and the case's
   * institution and jurisdiction) in its order until enough are in the reader's scope; {@link TaskScope}
   * narrows the walk to the reader's institution or jurisdiction. What each walked task costs counts too:
   * the family's name is read for the page's rows only (a subquery in the columns), and a case that is an
   * application looks up no child or unit (a null key reads no index page; a join condition
   * {@code a.id is null} would still probe the index).
   */
  private static final String TASK_JOINS = """
      from open_task ot
      join act_ru_task t on t.id_ = ot.task_id
      left join application a on a.id = ot.case_id
      left join child c on c.id = case when a.id is null then ot.case_id end
      left join residence_unit u on u.id = case when a.id is null and c.id is null then ot.case_id end
      """;
  private final JdbcClient jdbc;
  private final ProcessCatalog catalog;
  private final Labels labels;
  private final ObjectMapper json;
  private final FormService forms;
  private final RuntimeService runtime;
  private final Clock clock;
  private final Map<String, JsonNode> deployedForms = new java.util.concurrent.ConcurrentHashMap<>();
  private final TransactionTemplate reading;

  Worklist(JdbcClient jdbc, ProcessCatalog catalog, Labels labels, ObjectMapper json, FormService forms,
      RuntimeService runtime, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.catalog = catalog;
    this.labels = labels;
    this.json = json;
    this.forms = forms;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Open tasks in scope, one page. Nothing counts them all: counting every task in scope on every
   * page cost more than the page itself and grew with the open tasks (infra/bench/REPORT.md); one
   * row more than the page tells whether another page follows.
   */
  Slice<TaskView> openTasks(Filter filter, TaskScope scope, Sort sort, PageRequest page) {
    Instant now = clock.instant();
    TaskScope scoped = narrowed(scope, filter);
    List<TaskView> tasks = onGenericPlan(() -> jdbc.sql(pageSql(filter, scoped, sort, page))
        .params(params(filter, now))
        .params(scoped.params())
        .query((rs, row) -> taskView(rs, now))
        .list());
    boolean hasNext = tasks.size() > page.getPageSize();
    return new SliceImpl<>(hasNext ? tasks.subList(0, page.getPageSize()) : tasks, page, hasNext);
  }

  /**
   * A candidate-group filter narrows the scope's own group check (one lookup per task, not two);
   * auditors' scope checks no group, so for them the filter checks it ({@link #matching}).
   */
  static TaskScope narrowed(TaskScope scope, Filter filter) {
    if (filter.candidateGroup() == null || scope.auditor()) {
      return scope;
    }
    return scope.offeredTo(scope.candidateGroups().contains(filter.candidateGroup())
        ? List.of(filter.candidateGroup()) : List.of());
  }

  /** The open task if the user may see it (their scope and candidate groups), else empty. */
  Optional<TaskView> task(String id, TaskScope scope) {
    Instant now = clock.instant();
    return onGenericPlan(() -> jdbc.sql(TASK_COLUMNS + TASK_JOINS + " where t.id_ = :id" + scope.sql())
        .param("id", id)
        .params(scope.params())
        .query((rs, row) -> taskView(rs, now))
        .optional());
  }

  /** The open task as a command needs it, if the user may see it. */
  Optional<OpenTask> commandTarget(String id, TaskScope scope) {
    return onGenericPlan(() -> jdbc.sql("""
            select t.id_, t.proc_inst_id_, t.proc_def_id_, %s, t.task_def_key_, t.assignee_, %s, a.id, c.id
            """.formatted(PROCESS_KEY, CANDIDATE_GROUPS) + TASK_JOINS + " where t.id_ = :id" + scope.sql())
        .param("id", id)
        .params(scope.params())
        .query((rs, row) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), textArray(rs.getArray(7)), rs.getObject(8, UUID.class),
            rs.getObject(9, UUID.class)))
        .optional());
  }

  /**
   * Runs a query of the task joins on PostgreSQL's generic plan. Planning their ten relations took as
   * long as running them (about 10 ms each at 100,000 open tasks, infra/bench/REPORT.md), and
   * PostgreSQL kept planning every call afresh although the plan does not change with the parameters
   * (a walk of the due-date index, or the task's primary key, with nested loops). Forced, the plan is
   * made once per connection and statement text: the driver prepares a statement on the server from
   * its fifth use. The setting is local to the transaction and put back after the query, so a
   * command's transaction (which this one joins) keeps the engine's own plans.
   */
  private <T> T onGenericPlan(Supplier<T> query) {
    return reading.execute(status -> {
      jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
      T result = query.get();
      // a failed query has aborted the transaction, whose end then drops the setting anyway
      jdbc.sql("set local plan_cache_mode to default").update();
      return result;
    });
  }

  /**
   * The Camunda Form the task links ({@code camunda:formRef}), as deployed with its model. A deployed
   * form never changes, so it is read once per process definition and step (the same on every replica).
   */
  Optional<JsonNode> form(OpenTask task) {
    String key = task.processDefinitionId() + "/" + task.elementId();
    JsonNode cached = deployedForms.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<JsonNode> form = readForm(task.id());
    form.ifPresent(node -> deployedForms.putIfAbsent(key, node));
    return form;
  }

  private Optional<JsonNode> readForm(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return Optional.of(json.readTree(form));
    } catch (org.operaton.bpm.engine.BadUserRequestException e) {
      // the task has no form reference, or is gone
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The deployed form of task " + taskId + " is not JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process-level variables as JSON values (JSON-text variables read as what they hold). */
  Map<String, JsonNode> processVariables(String processInstanceId) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    runtime.getVariables(processInstanceId).forEach((name, value) -> variables.put(name, jsonValue(value)));
    return variables;
  }

  private JsonNode jsonValue(Object value) {
    if (value instanceof String text && (text.startsWith("[") || text.startsWith("{"))) {
      try {
        return json.readTree(text);
      } catch (JsonProcessingException e) {
        // plain text that happens to start with a bracket
      }
    }
    if (value instanceof java.util.Date date) {
      return json.getNodeFactory().textNode(date.toInstant().toString());
    }
    return json.valueToTree(value);
  }

  /**
   * Open tasks in scope counted by {@code groupBy} (columns of the task joins and of the process definition
   * {@code pd}), with how many are past their due date: optionally only the cases of one institution and the
   * tasks created in [from, to).
   */
  <T> List<T> count(String groupBy, TaskScope scope, String institution, Instant from, Instant to,
      org.springframework.jdbc.core.RowMapper<T> row) {
    StringBuilder sql = new StringBuilder("select " + groupBy
        + ", count(*) as open_count, count(*) filter (where t.due_date_ < :now) as overdue_count " + TASK_JOINS
        + " join act_re_procdef pd on pd.id_ = t.proc_def_id_ where true");
    Map<String, Object> params = new LinkedHashMap<>(scope.params());
    params.put("now", Timestamp.from(clock.instant()));
    if (institution != null) {
      sql.append(" and ot.institution_code = :selectedInstitution");
      params.put("selectedInstitution", institution);
    }
    if (from != null) {
      sql.append(" and t.create_time_ >= :from");
      params.put("from", Timestamp.from(from));
    }
    if (to != null) {
      sql.append(" and t.create_time_ < :to");
      params.put("to", Timestamp.from(to));
    }
    sql.append(scope.sql()).append(" group by ").append(groupBy).append(" order by open_count desc, ").append(groupBy);
    return jdbc.sql(sql.toString()).params(params).query(row).list();
  }

  /** Incidents concern the engine's work on every journey: staff with an incident panel and auditors see them. */
  List<IncidentView> activeIncidents() {
    return jdbc.sql("""
            select i.id_, pd.key_, i.activity_id_, i.incident_type_, i.incident_msg_, i.incident_timestamp_,
                   a.id, a.number, a.status
            from act_ru_incident i
            join act_re_procdef pd on pd.id_ = i.proc_def_id_
            left join act_ru_execution pi on pi.id_ = i.proc_inst_id_
            left join application a on a.id = %s
            order by i.incident_timestamp_ desc""".formatted(CASE_ID))
        .query((rs, row) -> new IncidentView(rs.getString(1), rs.getString(2), catalog.processName(rs.getString(2)),
            rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
            applicationRef(rs, 7, 8, 9)))
        .list();
  }

  /**
   * The page query of {@link #openTasks} (parameters: the filter's and the scope's). Limit and offset
   * are written into the text: with them as parameters PostgreSQL cannot cost a reused (generic)
   * plan and plans the query again on every read, which cost more than running it.
   */
  static String pageSql(Filter filter, TaskScope scope, Sort sort, PageRequest page) {
    return TASK_COLUMNS + TASK_JOINS + matching(filter, scope) + scope.sql()
        + " order by " + sort.orderBy(scope) + " limit " + (page.getPageSize() + 1) + " offset " + page.getOffset();
  }

  /** Only the filters asked for, so each query is planned for what it filters. */
  private static String matching(Filter filter, TaskScope scope) {
    StringBuilder where = new StringBuilder(" where true");
    if (filter.candidateGroup() != null && scope.auditor()) {
      where.append(" and exists (select 1 from act_ru_identitylink g"
          + " where g.task_id_ = t.id_ and g.type_ = 'candidate' and g.group_id_ = :group)");
    }
    if (filter.processId() != null) {
      where.append(" and t.proc_def_id_ in (select pd.id_ from act_re_procdef pd where pd.key_ = :process)");
    }
    if (filter.assignee() != null) {
      where.append(" and t.assignee_ = :assignee");
    }
    if (filter.overdueOnly()) {
      where.append(" and t.due_date_ < :now");
    }
    return where.toString();
  }

  static Map<String, Object> params(Filter filter, Instant now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("group", filter.candidateGroup());
    params.put("process", filter.processId());
    params.put("assignee", filter.assignee());
    params.put("now", Timestamp.from(now));
    return params;
  }

  private TaskView taskView(ResultSet rs, Instant now) throws SQLException {
    String processId = rs.getString("process_id");
    String elementId = rs.getString("element_id");
    Instant due = instant(rs.getTimestamp("due_date"));
    UUID familyId = rs.getObject("family_id", UUID.class);
    UUID childId = rs.getObject("child_id", UUID.class);
    UUID unitId = rs.getObject("unit_id", UUID.class);
    return new TaskView(
        rs.getString("task_id"),
        catalog.elementName(processId, elementId),
        elementId,
        processId,
        catalog.processName(processId),
        textArray(rs.getArray("candidate_groups")),
        rs.getString("assignee"),
        rs.getString("assignee_name"),
        TaskView.OPEN,
        instant(rs.getTimestamp("created_at")),
        due,
        due != null && due.isBefore(now),
        rs.getBoolean("reminded"),
        rs.getBoolean("escalated"),
        applicationRef(rs, rs.findColumn("application_id"), rs.findColumn("number"), rs.findColumn("status")),
        familyId == null ? null : new TaskView.FamilyRef(familyId, rs.getString("display_name")),
        childId == null ? null : new TaskView.ChildRef(childId, rs.getString("child_file_number"),
            rs.getString("child_name")),
        unitId == null ? null : new TaskView.UnitRef(unitId, rs.getString("unit_name")));
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

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> textArray(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

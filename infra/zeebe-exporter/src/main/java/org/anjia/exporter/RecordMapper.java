package org.anjia.exporter;

import static org.anjia.exporter.SqlWrite.Param.int4;
import static org.anjia.exporter.SqlWrite.Param.int8;
import static org.anjia.exporter.SqlWrite.Param.textArray;
import static org.anjia.exporter.SqlWrite.Param.timestamptz;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.FormIntent;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anjia.exporter.SqlWrite.Param;
import org.slf4j.Logger;

/**
 * Turns one engine record into the upserts that project it into the {@code engine} schema.
 *
 * <p>Runs inside {@code export()}: the broker reuses the record's buffers after the call, so everything
 * needed is read here into plain values. Every upsert applies only if the stored row was written by an
 * older record ({@code position < excluded.position}), which makes replays harmless.
 */
final class RecordMapper {

  // ---- user_task: one insert, and an on-conflict clause per intent -----------------------------

  private static final String USER_TASK_INSERT =
      """
      insert into engine.user_task as t (
        user_task_key, partition_id, position, state, element_id, element_instance_key,
        process_instance_key, process_definition_key, bpmn_process_id, process_definition_version,
        form_key, external_form_reference, assignee, candidate_groups, candidate_users,
        due_date, follow_up_date, priority, custom_headers, tenant_id,
        created_at, completed_at, canceled_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              jsonb_object(?::text[], ?::text[]), ?, ?, ?, ?, ?)
      on conflict (user_task_key) do update set
        partition_id = excluded.partition_id, position = excluded.position,
        updated_at = excluded.updated_at,
      """;
  private static final String NEWER_ONLY = "\nwhere t.position < excluded.position";

  static final String USER_TASK_CREATED =
      USER_TASK_INSERT
          + """
            state = excluded.state, element_id = excluded.element_id,
            element_instance_key = excluded.element_instance_key,
            process_instance_key = excluded.process_instance_key,
            process_definition_key = excluded.process_definition_key,
            bpmn_process_id = excluded.bpmn_process_id,
            process_definition_version = excluded.process_definition_version,
            form_key = excluded.form_key, external_form_reference = excluded.external_form_reference,
            assignee = excluded.assignee, candidate_groups = excluded.candidate_groups,
            candidate_users = excluded.candidate_users, due_date = excluded.due_date,
            follow_up_date = excluded.follow_up_date, priority = excluded.priority,
            custom_headers = excluded.custom_headers, tenant_id = excluded.tenant_id,
            created_at = excluded.created_at"""
          + NEWER_ONLY;

  static final String USER_TASK_CHANGED =
      USER_TASK_INSERT
          + """
            assignee = excluded.assignee, candidate_groups = excluded.candidate_groups,
            candidate_users = excluded.candidate_users, due_date = excluded.due_date,
            follow_up_date = excluded.follow_up_date, priority = excluded.priority"""
          + NEWER_ONLY;

  static final String USER_TASK_COMPLETED =
      USER_TASK_INSERT
          + "  state = excluded.state, completed_at = excluded.completed_at"
          + NEWER_ONLY;

  static final String USER_TASK_CANCELED =
      USER_TASK_INSERT + "  state = excluded.state, canceled_at = excluded.canceled_at" + NEWER_ONLY;

  // ---- process_instance ----------------------------------------------------------------------

  static final String PROCESS_INSTANCE =
      """
      insert into engine.process_instance as p (
        process_instance_key, partition_id, position, bpmn_process_id, process_definition_key,
        version, parent_process_instance_key, state, started_at, ended_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (process_instance_key) do update set
        partition_id = excluded.partition_id, position = excluded.position,
        bpmn_process_id = excluded.bpmn_process_id,
        process_definition_key = excluded.process_definition_key, version = excluded.version,
        parent_process_instance_key = excluded.parent_process_instance_key, state = excluded.state,
        started_at = coalesce(excluded.started_at, p.started_at),
        ended_at = coalesce(excluded.ended_at, p.ended_at)
      where p.position < excluded.position""";

  /**
   * Sets the business key, guarded by its own position. If the instance's row does not exist yet, a
   * placeholder (position -1, so any process instance record overwrites it, business key excepted) is
   * inserted: a variable only exists in an active instance.
   */
  static final String PROCESS_INSTANCE_BUSINESS_KEY =
      """
      insert into engine.process_instance as p (
        process_instance_key, partition_id, position, bpmn_process_id, process_definition_key,
        state, business_key, business_key_position)
      values (?, ?, -1, ?, ?, 'ACTIVE', (?::jsonb) #>> '{}', ?)
      on conflict (process_instance_key) do update set
        business_key = excluded.business_key, business_key_position = excluded.business_key_position
      where p.business_key_position is null or p.business_key_position < excluded.business_key_position""";

  // ---- incident, form, variable ---------------------------------------------------------------

  static final String INCIDENT =
      """
      insert into engine.incident as i (
        incident_key, partition_id, position, process_instance_key, bpmn_process_id, element_id,
        element_instance_key, job_key, error_type, error_message, state, created_at, resolved_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (incident_key) do update set
        partition_id = excluded.partition_id, position = excluded.position,
        process_instance_key = excluded.process_instance_key,
        bpmn_process_id = excluded.bpmn_process_id, element_id = excluded.element_id,
        element_instance_key = excluded.element_instance_key, job_key = excluded.job_key,
        error_type = excluded.error_type, error_message = excluded.error_message,
        state = excluded.state,
        created_at = coalesce(i.created_at, excluded.created_at),
        resolved_at = coalesce(excluded.resolved_at, i.resolved_at)
      where i.position < excluded.position""";

  static final String FORM =
      """
      insert into engine.form as f (form_key, form_id, version, resource, position, deployed_at)
      values (?, ?, ?, ?, ?, ?)
      on conflict (form_key) do update set
        form_id = excluded.form_id, version = excluded.version, resource = excluded.resource,
        position = excluded.position, deployed_at = excluded.deployed_at
      where f.position < excluded.position""";

  static final String VARIABLE =
      """
      insert into engine.variable as v (
        variable_key, partition_id, position, process_instance_key, scope_key, name, value, updated_at)
      values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
      on conflict (variable_key) do update set
        partition_id = excluded.partition_id, position = excluded.position,
        process_instance_key = excluded.process_instance_key, scope_key = excluded.scope_key,
        name = excluded.name, value = excluded.value, updated_at = excluded.updated_at
      where v.position < excluded.position""";

  /** Variable names that identify an instance to the registry; each process sets one of them. */
  private final java.util.Set<String> businessKeyVariables;
  private final Logger log;

  RecordMapper(final String businessKeyVariable, final Logger log) {
    this.businessKeyVariables = java.util.Set.of(businessKeyVariable.split("\\s*,\\s*"));
    this.log = log;
  }

  /** The writes for one record; empty for records this read model does not keep. */
  List<SqlWrite> map(final Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return List.of();
    }
    return switch (record.getValueType()) {
      case USER_TASK -> userTask(record, (UserTaskRecordValue) record.getValue());
      case PROCESS_INSTANCE -> processInstance(record, (ProcessInstanceRecordValue) record.getValue());
      case INCIDENT -> incident(record, (IncidentRecordValue) record.getValue());
      case FORM -> form(record, (Form) record.getValue());
      case VARIABLE -> variable(record, (VariableRecordValue) record.getValue());
      default -> List.of();
    };
  }

  private List<SqlWrite> userTask(final Record<?> record, final UserTaskRecordValue task) {
    final Intent intent = record.getIntent();
    final OffsetDateTime at = timestamp(record.getTimestamp());
    final String sql;
    final String state;
    OffsetDateTime createdAt = task.getCreationTimestamp() > 0 ? timestamp(task.getCreationTimestamp()) : null;
    OffsetDateTime completedAt = null;
    OffsetDateTime canceledAt = null;
    if (intent == UserTaskIntent.CREATED) {
      sql = USER_TASK_CREATED;
      state = "CREATED";
      createdAt = at;
    } else if (intent == UserTaskIntent.ASSIGNED || intent == UserTaskIntent.UPDATED) {
      sql = USER_TASK_CHANGED;
      state = "CREATED";
    } else if (intent == UserTaskIntent.COMPLETED) {
      sql = USER_TASK_COMPLETED;
      state = "COMPLETED";
      completedAt = at;
    } else if (intent == UserTaskIntent.CANCELED) {
      sql = USER_TASK_CANCELED;
      state = "CANCELED";
      canceledAt = at;
    } else {
      return List.of(); // CREATING, ASSIGNING, COMPLETING, CANCELING, UPDATING, MIGRATED
    }

    final Map<String, String> headers = task.getCustomHeaders() == null ? Map.of() : task.getCustomHeaders();
    final List<String> headerNames = new ArrayList<>(headers.size());
    final List<String> headerValues = new ArrayList<>(headers.size());
    headers.forEach(
        (name, value) -> {
          headerNames.add(clean(name));
          headerValues.add(clean(value));
        });

    return List.of(
        new SqlWrite(
            sql,
            int8(task.getUserTaskKey()),
            int4(record.getPartitionId()),
            int8(record.getPosition()),
            text(state),
            text(task.getElementId()),
            int8(task.getElementInstanceKey()),
            int8(task.getProcessInstanceKey()),
            int8(task.getProcessDefinitionKey()),
            text(task.getBpmnProcessId()),
            int4(task.getProcessDefinitionVersion()),
            key(task.getFormKey()),
            text(blankToNull(task.getExternalFormReference())),
            text(blankToNull(task.getAssignee())),
            textArray(cleanAll(task.getCandidateGroupsList())),
            textArray(cleanAll(task.getCandidateUsersList())),
            timestamptz(dateTime(task.getDueDate(), "dueDate", task.getUserTaskKey())),
            timestamptz(dateTime(task.getFollowUpDate(), "followUpDate", task.getUserTaskKey())),
            int4(task.getPriority()),
            textArray(headerNames),
            textArray(headerValues),
            text(task.getTenantId()),
            timestamptz(createdAt),
            timestamptz(completedAt),
            timestamptz(canceledAt),
            timestamptz(at)));
  }

  private List<SqlWrite> processInstance(
      final Record<?> record, final ProcessInstanceRecordValue instance) {
    if (instance.getBpmnElementType() != BpmnElementType.PROCESS) {
      return List.of();
    }
    final Intent intent = record.getIntent();
    final OffsetDateTime at = timestamp(record.getTimestamp());
    final String state;
    OffsetDateTime startedAt = null;
    OffsetDateTime endedAt = null;
    if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      state = "ACTIVE";
      startedAt = at;
    } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED) {
      state = "COMPLETED";
      endedAt = at;
    } else if (intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      state = "TERMINATED";
      endedAt = at;
    } else {
      return List.of();
    }
    return List.of(
        new SqlWrite(
            PROCESS_INSTANCE,
            int8(instance.getProcessInstanceKey()),
            int4(record.getPartitionId()),
            int8(record.getPosition()),
            text(instance.getBpmnProcessId()),
            int8(instance.getProcessDefinitionKey()),
            int4(instance.getVersion()),
            key(instance.getParentProcessInstanceKey()),
            text(state),
            timestamptz(startedAt),
            timestamptz(endedAt)));
  }

  private List<SqlWrite> incident(final Record<?> record, final IncidentRecordValue incident) {
    final Intent intent = record.getIntent();
    final OffsetDateTime at = timestamp(record.getTimestamp());
    final String state;
    OffsetDateTime createdAt = null;
    OffsetDateTime resolvedAt = null;
    if (intent == IncidentIntent.CREATED) {
      state = "ACTIVE";
      createdAt = at;
    } else if (intent == IncidentIntent.RESOLVED) {
      state = "RESOLVED";
      resolvedAt = at;
    } else {
      return List.of();
    }
    return List.of(
        new SqlWrite(
            INCIDENT,
            int8(record.getKey()),
            int4(record.getPartitionId()),
            int8(record.getPosition()),
            int8(incident.getProcessInstanceKey()),
            text(incident.getBpmnProcessId()),
            text(incident.getElementId()),
            key(incident.getElementInstanceKey()),
            key(incident.getJobKey()),
            text(incident.getErrorType() == null ? null : incident.getErrorType().name()),
            text(incident.getErrorMessage()),
            text(state),
            timestamptz(createdAt),
            timestamptz(resolvedAt)));
  }

  private List<SqlWrite> form(final Record<?> record, final Form form) {
    if (record.getIntent() != FormIntent.CREATED) {
      return List.of();
    }
    final byte[] resource = form.getResource();
    return List.of(
        new SqlWrite(
            FORM,
            int8(form.getFormKey()),
            text(form.getFormId()),
            int4(form.getVersion()),
            text(resource == null ? "" : new String(resource, StandardCharsets.UTF_8)),
            int8(record.getPosition()),
            timestamptz(timestamp(record.getTimestamp()))));
  }

  private List<SqlWrite> variable(final Record<?> record, final VariableRecordValue variable) {
    final Intent intent = record.getIntent();
    if (intent != VariableIntent.CREATED && intent != VariableIntent.UPDATED) {
      return List.of();
    }
    final String json = jsonWithoutNul(variable.getValue());
    final SqlWrite upsert =
        new SqlWrite(
            VARIABLE,
            int8(record.getKey()),
            int4(record.getPartitionId()),
            int8(record.getPosition()),
            int8(variable.getProcessInstanceKey()),
            int8(variable.getScopeKey()),
            text(variable.getName()),
            text(json),
            timestamptz(timestamp(record.getTimestamp())));
    final boolean isBusinessKey =
        businessKeyVariables.contains(variable.getName())
            && variable.getScopeKey() == variable.getProcessInstanceKey();
    if (!isBusinessKey) {
      return List.of(upsert);
    }
    return List.of(
        upsert,
        new SqlWrite(
            PROCESS_INSTANCE_BUSINESS_KEY,
            int8(variable.getProcessInstanceKey()),
            int4(record.getPartitionId()),
            text(variable.getBpmnProcessId()),
            int8(variable.getProcessDefinitionKey()),
            text(json),
            int8(record.getPosition())));
  }

  // ---- value helpers ----------------------------------------------------------------------------

  static OffsetDateTime timestamp(final long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  /** Engine keys are positive; -1 (and 0) mean "none". */
  private static Param key(final long key) {
    return int8(key > 0 ? key : null);
  }

  private static Param text(final String value) {
    return SqlWrite.Param.text(clean(value));
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** PostgreSQL text cannot hold NUL characters. */
  private static String clean(final String value) {
    return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
  }

  private static List<String> cleanAll(final List<String> values) {
    return values == null ? List.of() : values.stream().map(RecordMapper::clean).toList();
  }

  /**
   * The engine's due and follow-up dates are ISO-8601 strings, with an offset and possibly a zone
   * id, or empty. An unreadable value is logged and stored as null rather than blocking the exporter.
   */
  OffsetDateTime dateTime(final String value, final String attribute, final long userTaskKey) {
    if (value == null || value.isBlank()) {
      return null;
    }
    final String text = value.trim();
    try {
      return ZonedDateTime.parse(text).toOffsetDateTime();
    } catch (final DateTimeParseException notZoned) {
      try {
        return OffsetDateTime.parse(text);
      } catch (final DateTimeParseException notOffset) {
        try {
          return Instant.parse(text).atOffset(ZoneOffset.UTC);
        } catch (final DateTimeParseException notInstant) {
          log.warn(
              "User task {}: cannot read {} '{}' as an ISO-8601 date-time; storing null",
              userTaskKey, attribute, text);
          return null;
        }
      }
    }
  }

  /**
   * jsonb rejects the JSON escape backslash-u0000 (NUL); replace it by U+FFFD so such a variable cannot block the
   * exporter. Walks the escapes so that an escaped backslash followed by "u0000" is left alone.
   */
  static String jsonWithoutNul(final String json) {
    if (json == null || !json.contains("\\u0000")) {
      return json;
    }
    final StringBuilder out = new StringBuilder(json.length());
    int i = 0;
    while (i < json.length()) {
      final char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        if (json.startsWith("u0000", i + 1)) {
          out.append("\\ufffd");
          i += 6;
        } else {
          out.append(c).append(json.charAt(i + 1));
          i += 2;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}

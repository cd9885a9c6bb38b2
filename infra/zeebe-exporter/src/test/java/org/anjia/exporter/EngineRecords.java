package org.anjia.exporter;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.FormIntent;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableUserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TenantOwned;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableForm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Engine records as partition 1 of a broker would write them for one adoption application: each
 * call appends a record at the next log position, one second of engine time after the previous.
 */
final class EngineRecords {

  static final int PARTITION = 1;
  static final String PROCESS_ID = "adoption-application";
  static final long PROCESS_DEFINITION_KEY = 2251799813685249L;
  static final long PROCESS_INSTANCE_KEY = 2251799813685251L;
  static final long TASK_ELEMENT_INSTANCE_KEY = 2251799813685260L;
  static final long USER_TASK_KEY = 2251799813685262L;
  static final long FORM_KEY = 2251799813685250L;
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private long position;
  private Instant now = START;

  /** The next record's position. */
  long nextPosition() {
    return position + 1;
  }

  <T extends RecordValue> Record<T> event(
      final ValueType valueType, final Intent intent, final long key, final T value) {
    return record(RecordType.EVENT, valueType, intent, key, value);
  }

  <T extends RecordValue> Record<T> record(
      final RecordType recordType,
      final ValueType valueType,
      final Intent intent,
      final long key,
      final T value) {
    position++;
    now = now.plusSeconds(1);
    return ImmutableRecord.<T>builder()
        .withPosition(position)
        .withSourceRecordPosition(position - 1)
        .withKey(key)
        .withTimestamp(now.toEpochMilli())
        .withIntent(intent)
        .withPartitionId(PARTITION)
        .withRecordType(recordType)
        .withValueType(valueType)
        .withValue(value)
        .withBrokerVersion("8.6.0")
        .build();
  }

  // ---- user tasks ------------------------------------------------------------------------------

  /** The task as the engine creates it: candidate group, due date, a linked Camunda form. */
  static ImmutableUserTaskRecordValue reviewTask() {
    return ImmutableUserTaskRecordValue.builder()
        .withUserTaskKey(USER_TASK_KEY)
        .withElementId("review-application")
        .withElementInstanceKey(TASK_ELEMENT_INSTANCE_KEY)
        .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
        .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
        .withBpmnProcessId(PROCESS_ID)
        .withProcessDefinitionVersion(3)
        .withFormKey(FORM_KEY)
        .withExternalFormReference("")
        .withAssignee("")
        .withCandidateGroupsList(List.of("caseworkers"))
        .withCandidateUsersList(List.of())
        .withDueDate("2026-03-09T17:00:00+01:00")
        .withFollowUpDate("")
        .withPriority(50)
        .withCustomHeaders(Map.of("stage", "review", "queue", "adoption"))
        .withTenantId(TenantOwned.DEFAULT_TENANT_IDENTIFIER)
        .build();
  }

  Record<UserTaskRecordValue> userTask(final UserTaskIntent intent, final UserTaskRecordValue task) {
    return event(ValueType.USER_TASK, intent, task.getUserTaskKey(), task);
  }

  // ---- process instances -----------------------------------------------------------------------

  static ImmutableProcessInstanceRecordValue processElement(
      final BpmnElementType type, final String elementId) {
    return ImmutableProcessInstanceRecordValue.builder()
        .withBpmnProcessId(PROCESS_ID)
        .withVersion(3)
        .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
        .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
        .withElementId(elementId)
        .withFlowScopeKey(type == BpmnElementType.PROCESS ? -1 : PROCESS_INSTANCE_KEY)
        .withBpmnElementType(type)
        .withBpmnEventType(BpmnEventType.UNSPECIFIED)
        .withParentProcessInstanceKey(-1)
        .withParentElementInstanceKey(-1)
        .withTenantId(TenantOwned.DEFAULT_TENANT_IDENTIFIER)
        .build();
  }

  Record<ProcessInstanceRecordValue> process(final ProcessInstanceIntent intent) {
    return event(
        ValueType.PROCESS_INSTANCE,
        intent,
        PROCESS_INSTANCE_KEY,
        processElement(BpmnElementType.PROCESS, PROCESS_ID));
  }

  Record<ProcessInstanceRecordValue> taskElement(final ProcessInstanceIntent intent) {
    return event(
        ValueType.PROCESS_INSTANCE,
        intent,
        TASK_ELEMENT_INSTANCE_KEY,
        processElement(BpmnElementType.USER_TASK, "review-application"));
  }

  // ---- variables -------------------------------------------------------------------------------

  Record<VariableRecordValue> variable(
      final VariableIntent intent,
      final long variableKey,
      final long scopeKey,
      final String name,
      final String jsonValue) {
    return event(
        ValueType.VARIABLE,
        intent,
        variableKey,
        ImmutableVariableRecordValue.builder()
            .withName(name)
            .withValue(jsonValue)
            .withScopeKey(scopeKey)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withBpmnProcessId(PROCESS_ID)
            .withTenantId(TenantOwned.DEFAULT_TENANT_IDENTIFIER)
            .build());
  }

  // ---- incidents and forms ---------------------------------------------------------------------

  Record<IncidentRecordValue> incident(final IncidentIntent intent, final long incidentKey) {
    return event(
        ValueType.INCIDENT,
        intent,
        incidentKey,
        ImmutableIncidentRecordValue.builder()
            .withErrorType(ErrorType.JOB_NO_RETRIES)
            .withErrorMessage("Registry service unavailable: 503")
            .withBpmnProcessId(PROCESS_ID)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withElementId("notify-registry")
            .withElementInstanceKey(2251799813685270L)
            .withJobKey(2251799813685271L)
            .withVariableScopeKey(2251799813685270L)
            .withTenantId(TenantOwned.DEFAULT_TENANT_IDENTIFIER)
            .build());
  }

  Record<Form> form(final String formId, final int version, final String json) {
    return event(
        ValueType.FORM,
        FormIntent.CREATED,
        FORM_KEY,
        ImmutableForm.builder()
            .withFormId(formId)
            .withVersion(version)
            .withFormKey(FORM_KEY)
            .withResourceName(formId + ".form")
            .withResource(json.getBytes(StandardCharsets.UTF_8))
            .withChecksum(new byte[] {1, 2, 3})
            .withDeploymentKey(2251799813685248L)
            .withTenantId(TenantOwned.DEFAULT_TENANT_IDENTIFIER)
            .build());
  }

  /** The engine time of a record, as the exporter stores it. */
  static Instant timeOf(final Record<?> record) {
    return Instant.ofEpochMilli(record.getTimestamp());
  }
}

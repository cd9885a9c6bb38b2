package org.anjia.exporter;

import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.ASSIGNED;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.ASSIGNING;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CANCELED;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CANCELING;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.COMPLETED;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.COMPLETING;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CREATED;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CREATING;
import static io.camunda.zeebe.protocol.record.intent.UserTaskIntent.UPDATED;
import static org.anjia.exporter.EngineRecords.FORM_KEY;
import static org.anjia.exporter.EngineRecords.PROCESS_INSTANCE_KEY;
import static org.anjia.exporter.EngineRecords.USER_TASK_KEY;
import static org.anjia.exporter.EngineRecords.reviewTask;
import static org.anjia.exporter.EngineRecords.timeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.ImmutableUserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserTaskProjectionTest extends SharedPostgres {

  private Map<String, Object> task() {
    return db.row("select * from engine.user_task where user_task_key = ?", USER_TASK_KEY);
  }

  @Test
  void createdTaskIsStoredWithEverythingTheInboxNeeds() throws Exception {
    final var creating = records.userTask(CREATING, reviewTask());
    final var created = records.userTask(CREATED, reviewTask());

    openExporter().exportAndFlush(creating, created);

    assertThat(task())
        .containsEntry("state", "CREATED")
        .containsEntry("partition_id", EngineRecords.PARTITION)
        .containsEntry("position", created.getPosition())
        .containsEntry("element_id", "review-application")
        .containsEntry("element_instance_key", EngineRecords.TASK_ELEMENT_INSTANCE_KEY)
        .containsEntry("process_instance_key", PROCESS_INSTANCE_KEY)
        .containsEntry("process_definition_key", EngineRecords.PROCESS_DEFINITION_KEY)
        .containsEntry("bpmn_process_id", "adoption-application")
        .containsEntry("process_definition_version", 3)
        .containsEntry("form_key", FORM_KEY)
        .containsEntry("external_form_reference", null)
        .containsEntry("assignee", null)
        .containsEntry("candidate_groups", List.of("caseworkers"))
        .containsEntry("candidate_users", List.of())
        .containsEntry("due_date", Instant.parse("2026-03-09T16:00:00Z"))
        .containsEntry("follow_up_date", null)
        .containsEntry("priority", 50)
        .containsEntry("tenant_id", "<default>")
        .containsEntry("created_at", timeOf(created))
        .containsEntry("completed_at", null)
        .containsEntry("canceled_at", null)
        .containsEntry("updated_at", timeOf(created));
    assertThat(db.row(
            "select custom_headers = '{\"stage\": \"review\", \"queue\": \"adoption\"}'::jsonb as same"
                + " from engine.user_task"))
        .containsEntry("same", true);
  }

  @Test
  void lifecycleCreatedAssignedCompletedEndsAsOneCompletedRow() throws Exception {
    final UserTaskRecordValue assignedTask = reviewTask().withAssignee("li.wei");
    final var creating = records.userTask(CREATING, reviewTask());
    final var created = records.userTask(CREATED, reviewTask());
    final var assigning = records.userTask(ASSIGNING, assignedTask);
    final var assigned = records.userTask(ASSIGNED, assignedTask);
    final var completing = records.userTask(COMPLETING, assignedTask);
    final var completed = records.userTask(COMPLETED, assignedTask);

    openExporter().exportAndFlush(creating, created, assigning, assigned, completing, completed);

    assertThat(db.count("engine.user_task")).isEqualTo(1);
    assertThat(task())
        .containsEntry("state", "COMPLETED")
        .containsEntry("assignee", "li.wei")
        .containsEntry("due_date", Instant.parse("2026-03-09T16:00:00Z"))
        .containsEntry("candidate_groups", List.of("caseworkers"))
        .containsEntry("form_key", FORM_KEY)
        .containsEntry("position", completed.getPosition())
        .containsEntry("created_at", timeOf(created))
        .containsEntry("completed_at", timeOf(completed))
        .containsEntry("updated_at", timeOf(completed));
  }

  @Test
  void lifecycleSpreadOverSeveralFlushesGivesTheSameRow() throws Exception {
    final UserTaskRecordValue assignedTask = reviewTask().withAssignee("li.wei");
    final var exporter = openExporter();

    exporter.exportAndFlush(records.userTask(CREATED, reviewTask()));
    assertThat(task()).containsEntry("state", "CREATED").containsEntry("assignee", null);

    exporter.exportAndFlush(records.userTask(ASSIGNED, assignedTask));
    assertThat(task()).containsEntry("state", "CREATED").containsEntry("assignee", "li.wei");

    final var completed = records.userTask(COMPLETED, assignedTask);
    exporter.exportAndFlush(completed);
    assertThat(task())
        .containsEntry("state", "COMPLETED")
        .containsEntry("assignee", "li.wei")
        .containsEntry("completed_at", timeOf(completed));
  }

  @Test
  void updateChangesCandidatesDatesAndPriorityAndEmptyAssigneeMeansUnassigned() throws Exception {
    final ImmutableUserTaskRecordValue assignedTask = reviewTask().withAssignee("li.wei");
    final UserTaskRecordValue updatedTask =
        assignedTask
            .withCandidateGroupsList("caseworkers", "supervisors")
            .withCandidateUsersList("zhang.min")
            .withDueDate("2026-03-12T12:00:00+08:00[Asia/Shanghai]")
            .withFollowUpDate("2026-03-10T09:00:00Z")
            .withPriority(80)
            .withChangedAttributes("candidateGroupsList", "candidateUsersList", "dueDate", "followUpDate", "priority");
    final UserTaskRecordValue unassignedTask = ((ImmutableUserTaskRecordValue) updatedTask).withAssignee("");

    final var exporter = openExporter();
    exporter.exportAndFlush(
        records.userTask(CREATED, reviewTask()),
        records.userTask(ASSIGNED, assignedTask),
        records.userTask(UPDATED, updatedTask));
    assertThat(task())
        .containsEntry("assignee", "li.wei")
        .containsEntry("candidate_groups", List.of("caseworkers", "supervisors"))
        .containsEntry("candidate_users", List.of("zhang.min"))
        .containsEntry("due_date", Instant.parse("2026-03-12T04:00:00Z"))
        .containsEntry("follow_up_date", Instant.parse("2026-03-10T09:00:00Z"))
        .containsEntry("priority", 80);

    exporter.exportAndFlush(records.userTask(ASSIGNED, unassignedTask));
    assertThat(task()).containsEntry("assignee", null).containsEntry("state", "CREATED");
  }

  @Test
  void canceledTaskKeepsItsDataAndRecordsWhenItWasCanceled() throws Exception {
    final var created = records.userTask(CREATED, reviewTask());
    final var canceling = records.userTask(CANCELING, reviewTask());
    final Record<UserTaskRecordValue> canceled = records.userTask(CANCELED, reviewTask());

    openExporter().exportAndFlush(created, canceling, canceled);

    assertThat(task())
        .containsEntry("state", "CANCELED")
        .containsEntry("canceled_at", timeOf(canceled))
        .containsEntry("completed_at", null)
        .containsEntry("candidate_groups", List.of("caseworkers"));
  }

  @Test
  void taskWithoutLinkedFormHasNoFormKey() throws Exception {
    openExporter()
        .exportAndFlush(
            records.userTask(
                CREATED,
                reviewTask().withFormKey(-1).withExternalFormReference("https://forms.example/intake")));

    assertThat(task())
        .containsEntry("form_key", null)
        .containsEntry("external_form_reference", "https://forms.example/intake");
  }

  @Test
  void unreadableDueDateIsStoredAsNullInsteadOfBlockingTheExporter() throws Exception {
    final var exporter = openExporter();

    exporter.exportAndFlush(records.userTask(CREATED, reviewTask().withDueDate("next tuesday")));

    assertThat(task()).containsEntry("due_date", null);
    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);
  }

  @Test
  void taskFirstSeenAfterItsCreationIsStillStored() throws Exception {
    // e.g. the exporter was added to a broker whose log no longer holds the CREATED record
    final var completed = records.userTask(COMPLETED, reviewTask().withAssignee("li.wei").withCreationTimestamp(1_000));

    openExporter().exportAndFlush(completed);

    assertThat(task())
        .containsEntry("state", "COMPLETED")
        .containsEntry("assignee", "li.wei")
        .containsEntry("created_at", Instant.ofEpochMilli(1_000))
        .containsEntry("completed_at", timeOf(completed));
  }
}

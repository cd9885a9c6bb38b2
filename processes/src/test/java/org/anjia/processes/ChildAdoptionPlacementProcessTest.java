package org.anjia.processes;

import static org.anjia.processes.JourneyWorkers.DUE_DATE;
import static org.anjia.processes.JourneyWorkers.MARK_AVAILABLE;
import static org.anjia.processes.JourneyWorkers.PLACEMENT_REFUSED;
import static org.anjia.processes.JourneyWorkers.RECORD_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.processes.JourneyWorkers.Job;
import org.anjia.runtime.ExportedRecords.Incident;
import org.anjia.runtime.ExportedRecords.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 送养 (child-adoption-placement.bpmn, processes/README.md) on the real Zeebe 8.6 broker: the test
 * publishes the start message as the service's outbox does, completes the user tasks as the
 * caseworker, director and registrar would, and plays the service's workers (including the due-date
 * step, calendar days only). All tests share one broker and its engine clock, which only moves
 * forward; each test starts its own child's instance and cancels whatever it leaves running.
 */
class ChildAdoptionPlacementProcessTest extends JourneyTest {

  private static final String PROCESS_ID = "child-adoption-placement";
  private static final String REQUESTED_MESSAGE = "child-adoption-placement-requested";
  private static final String CLAIMED_MESSAGE = "birth-parents-claimed";

  private static final String PREPARE_MATERIALS = "PrepareMaterials";
  private static final String APPROVE_BY_DIRECTOR = "ApproveByDirector";
  private static final String PUBLISH_NOTICE = "PublishNotice";


  /** One child under test: its id (correlation key) and the placement instance. */
  private record Placement(String childId, long instance) {}

  @Test
  @DisplayName("foundling: materials, approval, notice; available only once the 60-day notice has ended")
  void foundlingBecomesAvailableOnlyAfterTheNotice() {
    Placement placement = request(true);

    UserTask materials = exported.awaitOpenTask(placement.instance(), PREPARE_MATERIALS);
    assertTask(materials, "caseworker", "adoption-placement-materials");
    completeMaterials(materials);

    UserTask approval = exported.awaitOpenTask(placement.instance(), APPROVE_BY_DIRECTOR);
    assertTask(approval, "director", "adoption-placement-approval");
    approve(approval, "approve");

    UserTask notice = exported.awaitOpenTask(placement.instance(), PUBLISH_NOTICE);
    assertTask(notice, "registrar", "adoption-public-notice");
    publishNotice(notice);

    Job noticeDue = workers.awaitJob(placement.childId(), DUE_DATE);
    assertThat(noticeDue.processInstanceKey()).isEqualTo(placement.instance());
    assertThat(noticeDue.elementId()).isEqualTo("NoticeDue");
    assertThat(noticeDue.headers()).containsExactlyInAnyOrderEntriesOf(
        Map.of("deadline", "public-notice", "variable", "noticeEnds"));
    assertThat(noticeDue.variables()).containsKey("start").containsEntry("noticeMedium", "newspaper");
    OffsetDateTime start = JourneyWorkers.parseEngineTime(String.valueOf(noticeDue.variables().get("start")));
    OffsetDateTime noticeEnds = OffsetDateTime.parse((String) noticeDue.result().get("noticeEnds"));
    assertThat(noticeEnds).as("60 days counted from the day after publication")
        .isAfter(start.plusDays(60)).isBefore(start.plusDays(62));

    journeys.advanceClockTo(start.plusDays(59));
    assertThat(workers.jobs(placement.childId(), MARK_AVAILABLE)).as("59 days: still in the notice").isEmpty();
    journeys.advanceClockTo(noticeEnds.minusHours(1));
    assertThat(workers.jobs(placement.childId(), MARK_AVAILABLE)).as("an hour before the end").isEmpty();
    assertThat(exported.processInstanceState(placement.instance())).contains("ACTIVE");

    journeys.advanceClockTo(noticeEnds.plusHours(1));
    Job available = workers.awaitJob(placement.childId(), MARK_AVAILABLE);
    assertThat(available.processInstanceKey()).isEqualTo(placement.instance());
    assertThat(available.elementId()).isEqualTo("MarkAvailable");
    assertThat(available.variables()).containsEntry("childId", placement.childId()).containsEntry("foundling", true)
        .containsEntry("placementDecision", "approve");

    exported.awaitProcessInstanceState(placement.instance(), "COMPLETED");
    assertThat(exported.userTasks(placement.instance()))
        .extracting(UserTask::elementId, UserTask::state)
        .containsExactly(
            tuple(PREPARE_MATERIALS, "COMPLETED"),
            tuple(APPROVE_BY_DIRECTOR, "COMPLETED"),
            tuple(PUBLISH_NOTICE, "COMPLETED"));
    assertThat(workers.jobs(placement.childId(), RECORD_CLAIM)).isEmpty();
    assertThat(workers.jobs(placement.childId(), PLACEMENT_REFUSED)).isEmpty();
    assertThat(exported.incidents(placement.instance())).isEmpty();
  }

  @Test
  @DisplayName("a claim by the birth parents during the notice ends the placement: claim recorded, never available")
  void aClaimDuringTheNoticeEndsThePlacement() {
    Placement placement = request(true);
    driveToNotice(placement);
    workers.awaitJob(placement.childId(), DUE_DATE);

    client.newPublishMessageCommand()
        .messageName(CLAIMED_MESSAGE)
        .correlationKey(placement.childId())
        .messageId("claim-" + placement.childId())
        .timeToLive(Duration.ofHours(1))
        .variables(Map.of("claimNote", "生父母持出生医学证明认领 parents claimed with the birth certificate"))
        .send().join();

    Job claim = workers.awaitJob(placement.childId(), RECORD_CLAIM);
    assertThat(claim.processInstanceKey()).isEqualTo(placement.instance());
    assertThat(claim.elementId()).isEqualTo("RecordClaim");
    assertThat(claim.variables()).containsEntry("childId", placement.childId()).containsKey("claimNote");
    exported.awaitProcessInstanceState(placement.instance(), "COMPLETED");
    assertThat(workers.jobs(placement.childId(), MARK_AVAILABLE)).isEmpty();
    assertThat(exported.incidents(placement.instance())).isEmpty();
  }

  @Test
  @DisplayName("a child whose parents are known (orphan) skips the notice and is available after approval")
  void aChildWhoseParentsAreKnownSkipsTheNotice() {
    Placement placement = request(false);
    completeMaterials(exported.awaitOpenTask(placement.instance(), PREPARE_MATERIALS));
    approve(exported.awaitOpenTask(placement.instance(), APPROVE_BY_DIRECTOR), "approve");

    Job available = workers.awaitJob(placement.childId(), MARK_AVAILABLE);
    assertThat(available.processInstanceKey()).isEqualTo(placement.instance());
    exported.awaitProcessInstanceState(placement.instance(), "COMPLETED");
    assertThat(exported.userTasks(placement.instance())).extracting(UserTask::elementId)
        .containsExactly(PREPARE_MATERIALS, APPROVE_BY_DIRECTOR);
    assertThat(workers.jobs(placement.childId(), DUE_DATE)).as("no notice, no notice period").isEmpty();
  }

  @Test
  void theDirectorsRefusalIsRecorded() {
    Placement placement = request(true);
    completeMaterials(exported.awaitOpenTask(placement.instance(), PREPARE_MATERIALS));
    approve(exported.awaitOpenTask(placement.instance(), APPROVE_BY_DIRECTOR), "reject");

    Job refused = workers.awaitJob(placement.childId(), PLACEMENT_REFUSED);
    assertThat(refused.elementId()).isEqualTo("RecordPlacementRefused");
    assertThat(refused.variables()).containsEntry("placementDecision", "reject");
    exported.awaitProcessInstanceState(placement.instance(), "COMPLETED");
    assertThat(workers.jobs(placement.childId(), MARK_AVAILABLE)).isEmpty();
    assertThat(exported.userTasks(placement.instance())).extracting(UserTask::elementId)
        .doesNotContain(PUBLISH_NOTICE);
  }

  @Test
  @DisplayName("an unknown foundling flag is not guessed: an incident instead of skipping the notice")
  void anUnknownFoundlingFlagRaisesAnIncident() {
    Placement placement = request(null);
    completeMaterials(exported.awaitOpenTask(placement.instance(), PREPARE_MATERIALS));
    approve(exported.awaitOpenTask(placement.instance(), APPROVE_BY_DIRECTOR), "approve");

    Incident incident = exported.awaitActiveIncident(placement.instance());
    assertThat(incident.elementId()).isEqualTo("FoundlingGateway");
    assertThat(workers.jobs(placement.childId(), MARK_AVAILABLE)).isEmpty();
  }

  @Test
  void aReplayedRequestStartsNoSecondInstance() {
    String childId = UUID.randomUUID().toString();
    Placement placement = request(childId, false);

    assertThatThrownBy(() -> publishRequest(childId, false))
        .isInstanceOfSatisfying(ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.ALREADY_EXISTS));

    exported.awaitOpenTask(placement.instance(), PREPARE_MATERIALS);
    assertThat(journeys.instancesWith(PROCESS_ID, "childId", childId)).containsExactly(placement.instance());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Placement request(Boolean foundling) {
    return request(UUID.randomUUID().toString(), foundling);
  }

  private Placement request(String childId, Boolean foundling) {
    publishRequest(childId, foundling);
    long instance = journeys.awaitInstance(PROCESS_ID, "childId", childId);
    started.add(instance);
    return new Placement(childId, instance);
  }

  /** As ChildAdoptionMessages publishes it (message id per child). */
  private static void publishRequest(String childId, Boolean foundling) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("childId", childId);
    variables.put("childName", "王小安");
    variables.put("institutionCode", "CWI-360102-01");
    variables.put("jurisdictionCode", "360102");
    variables.put("foundling", foundling);
    client.newPublishMessageCommand()
        .messageName(REQUESTED_MESSAGE)
        .correlationKey(childId)
        .messageId("placement-" + childId)
        .timeToLive(Duration.ofHours(24))
        .variables(variables)
        .send().join();
  }

  private void driveToNotice(Placement placement) {
    completeMaterials(exported.awaitOpenTask(placement.instance(), PREPARE_MATERIALS));
    approve(exported.awaitOpenTask(placement.instance(), APPROVE_BY_DIRECTOR), "approve");
    publishNotice(exported.awaitOpenTask(placement.instance(), PUBLISH_NOTICE));
  }

  private static void assertTask(UserTask task, String candidateGroup, String formId) {
    assertThat(task.candidateGroups()).as("candidate groups of " + task.elementId()).containsExactly(candidateGroup);
    assertThat(task.assignee()).isNull();
    assertThat(task.formKey()).as("form of " + task.elementId()).isNotNull();
    assertThat(journeys.projection.formId(task.formKey())).contains(formId);
  }

  private static void completeMaterials(UserTask task) {
    client.newCompleteUserTaskCommand(task.key()).variables(Map.of(
            "placementMaterials", List.of("admissionRecord", "foundReport"),
            "materialsNotes", "材料齐全 complete"))
        .send().join();
  }

  private static void approve(UserTask task, String decision) {
    client.newCompleteUserTaskCommand(task.key())
        .variables(Map.of("placementDecision", decision, "placementComments", "审批 " + decision))
        .send().join();
  }

  private static void publishNotice(UserTask task) {
    client.newCompleteUserTaskCommand(task.key()).variables(Map.of(
            "noticePublishedOn", "2026-11-23",
            "noticeMedium", "newspaper",
            "noticeReference", "江西日报 2026-11-23 第8版"))
        .send().join();
  }
}

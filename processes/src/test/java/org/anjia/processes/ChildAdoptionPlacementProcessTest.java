package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjia.processes.RecordingDelegates.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * 送养 (child-adoption-placement.bpmn, processes/README.md) on the real engine: the test correlates
 * the start message as the service does (business key = the child's id), completes the user tasks as
 * the caseworker, director and registrar would, and {@link RecordingDelegates} plays the service's
 * beans, including the due-date step (calendar days only). The engine clock starts at
 * {@link JourneyProcessTest#START} in every test and only the test moves it.
 */
class ChildAdoptionPlacementProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "child-adoption-placement";
  private static final String REQUESTED_MESSAGE = "child-adoption-placement-requested";
  private static final String CLAIMED_MESSAGE = "birth-parents-claimed";

  private static final String PREPARE_MATERIALS = "PrepareMaterials";
  private static final String APPROVE_BY_DIRECTOR = "ApproveByDirector";
  private static final String PUBLISH_NOTICE = "PublishNotice";

  private static final String DUE_DATE = "dueDate";
  private static final String MARK_AVAILABLE = "childAvailable";
  private static final String RECORD_CLAIM = "childClaimed";
  private static final String PLACEMENT_REFUSED = "childPlacementRefused";

  @Test
  @DisplayName("foundling: materials, approval, notice; available only once the 60-day notice has ended")
  void foundlingBecomesAvailableOnlyAfterTheNotice() {
    String childId = request(true);

    assertTask(task(childId, PREPARE_MATERIALS), "caseworker", "adoption-placement-materials");
    later();
    completeMaterials(childId);

    assertTask(task(childId, APPROVE_BY_DIRECTOR), "director", "adoption-placement-approval");
    later();
    approve(childId, "approve");

    assertTask(task(childId, PUBLISH_NOTICE), "registrar", "adoption-public-notice");
    later();
    Instant published = now();
    publishNotice(childId);

    Call noticeDue = single(childId, DUE_DATE);
    assertThat(noticeDue.activityId()).isEqualTo("NoticeDue");
    assertThat(noticeDue.variables()).containsExactlyEntriesOf(Map.of("deadline", "public-notice"));
    Object noticeEnds = runtime.getVariable(instance(childId).getId(), "noticeEnds");
    assertThat(noticeEnds).as("the due-date step stores a java.util.Date").isInstanceOf(Date.class);
    Instant end = ((Date) noticeEnds).toInstant();
    LocalDate publishedOn = published.atZone(RecordingDelegates.CHINA).toLocalDate();
    assertThat(end).as("60 days counted from the day after publication, ending at 24:00 of day 60 (China)")
        .isEqualTo(publishedOn.plusDays(61).atStartOfDay(RecordingDelegates.CHINA).toInstant());
    assertThat(timerDue(childId, "NoticeEnded")).isEqualTo(end);

    moveClockTo(published.plus(Duration.ofDays(59)));
    assertThat(DELEGATES.calls(childId, MARK_AVAILABLE)).as("59 days: still in the notice").isEmpty();
    moveClockTo(end.minus(Duration.ofHours(1)));
    assertThat(DELEGATES.calls(childId, MARK_AVAILABLE)).as("an hour before the end").isEmpty();
    assertThat(ended(childId)).isFalse();

    moveClockTo(end);
    Call available = single(childId, MARK_AVAILABLE);
    assertThat(available.activityId()).isEqualTo("MarkAvailable");
    assertThat(available.variables()).containsEntry("childId", childId).containsEntry("foundling", true)
        .containsEntry("placementDecision", "approve").containsEntry("noticeMedium", "newspaper");

    assertThat(ended(childId)).isTrue();
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("Available");
    assertThat(historicTasks(childId))
        .extracting(HistoricTaskInstance::getTaskDefinitionKey, HistoricTaskInstance::getDeleteReason)
        .containsExactly(
            tuple(PREPARE_MATERIALS, "completed"),
            tuple(APPROVE_BY_DIRECTOR, "completed"),
            tuple(PUBLISH_NOTICE, "completed"));
    assertThat(DELEGATES.calls(childId, RECORD_CLAIM)).isEmpty();
    assertThat(DELEGATES.calls(childId, PLACEMENT_REFUSED)).isEmpty();
    assertThat(historicIncidents(childId)).isZero();
  }

  @Test
  @DisplayName("a claim by the birth parents during the notice ends the placement: claim recorded, never available")
  void aClaimDuringTheNoticeEndsThePlacement() {
    String childId = request(true);
    driveToNotice(childId);
    assertThat(single(childId, DUE_DATE).activityId()).isEqualTo("NoticeDue");
    moveClockTo(START.plus(Duration.ofDays(10)));

    runtime.createMessageCorrelation(CLAIMED_MESSAGE)
        .processInstanceBusinessKey(childId)
        .setVariable("claimNote", "生父母持出生医学证明认领 parents claimed with the birth certificate")
        .correlate();

    Call claim = single(childId, RECORD_CLAIM);
    assertThat(claim.activityId()).isEqualTo("RecordClaim");
    assertThat(claim.variables()).containsEntry("childId", childId)
        .containsEntry("claimNote", "生父母持出生医学证明认领 parents claimed with the birth certificate");
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("Claimed");
    assertThat(management.createJobQuery().processInstanceId(claim.processInstanceId()).count())
        .as("the notice timer is gone with the claim").isZero();
    moveClockTo(START.plus(Duration.ofDays(70)));
    assertThat(DELEGATES.calls(childId, MARK_AVAILABLE)).isEmpty();
    assertThat(historicIncidents(childId)).isZero();
  }

  @Test
  @DisplayName("a claim while no notice period is waiting finds nothing: the engine throws, so the service must check first")
  void aClaimOutsideTheNoticePeriodIsNotCorrelated() {
    String childId = request(true);
    Task materials = task(childId, PREPARE_MATERIALS);

    assertThatThrownBy(() -> runtime.createMessageCorrelation(CLAIMED_MESSAGE)
            .processInstanceBusinessKey(childId)
            .setVariable("claimNote", "too early")
            .correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    assertThat(task(childId, PREPARE_MATERIALS).getId()).as("the placement goes on unchanged")
        .isEqualTo(materials.getId());
    assertThat(runtime.getVariable(instance(childId).getId(), "claimNote")).as("the message is not buffered").isNull();
    assertThat(DELEGATES.beansCalled(childId)).isEmpty();
  }

  @Test
  @DisplayName("a child whose parents are known (orphan) skips the notice and is available after approval")
  void aChildWhoseParentsAreKnownSkipsTheNotice() {
    String childId = request(false);
    later();
    completeMaterials(childId);
    later();
    approve(childId, "approve");

    assertThat(single(childId, MARK_AVAILABLE).variables()).containsEntry("foundling", false);
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("Available");
    assertThat(historicTasks(childId)).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .containsExactly(PREPARE_MATERIALS, APPROVE_BY_DIRECTOR);
    assertThat(DELEGATES.calls(childId, DUE_DATE)).as("no notice, no notice period").isEmpty();
  }

  @Test
  void theDirectorsRefusalIsRecorded() {
    String childId = request(true);
    completeMaterials(childId);
    approve(childId, "reject");

    Call refused = single(childId, PLACEMENT_REFUSED);
    assertThat(refused.activityId()).isEqualTo("RecordPlacementRefused");
    assertThat(refused.variables()).containsEntry("placementDecision", "reject");
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("NotPlaced");
    assertThat(DELEGATES.calls(childId, MARK_AVAILABLE)).isEmpty();
    assertThat(historicTasks(childId)).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .doesNotContain(PUBLISH_NOTICE);
  }

  @Test
  @DisplayName("an unknown foundling flag is not guessed: the director's approval is refused and rolled back")
  void anUnknownFoundlingFlagIsNotGuessed() {
    String childId = request(null);
    completeMaterials(childId);
    Task approval = task(childId, APPROVE_BY_DIRECTOR);

    assertThatThrownBy(() -> approve(childId, "approve")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("FoundlingGateway");

    assertThat(task(childId, APPROVE_BY_DIRECTOR).getId()).as("the approval rolled back: the task is still open")
        .isEqualTo(approval.getId());
    assertThat(runtime.getVariable(instance(childId).getId(), "placementDecision")).isNull();
    assertThat(DELEGATES.calls(childId, MARK_AVAILABLE)).isEmpty();
    assertThat(openTaskIds(childId)).containsExactly(APPROVE_BY_DIRECTOR);
  }

  @Test
  @DisplayName("the engine starts a second placement for a repeated start message: the service must refuse it")
  void aRepeatedRequestStartsASecondInstance() {
    String childId = request(false);

    startByMessage(REQUESTED_MESSAGE, childId, startVariables(childId, false));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(childId)
        .processDefinitionKey(PROCESS_ID).count())
        .as("start messages carry no message id: nothing in the engine deduplicates them").isEqualTo(2);
    assertThat(openTasks(childId, PREPARE_MATERIALS)).hasSize(2);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Correlates the start message as the service does; the child's id is the business key. */
  private String request(Boolean foundling) {
    String childId = newCaseKey();
    ProcessInstance instance = startByMessage(REQUESTED_MESSAGE, childId, startVariables(childId, foundling));
    assertThat(instance.getBusinessKey()).isEqualTo(childId);
    return childId;
  }

  private static Map<String, Object> startVariables(String childId, Boolean foundling) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("childId", childId);
    variables.put("childName", "王小安");
    variables.put("institutionCode", "CWI-360102-01");
    variables.put("jurisdictionCode", "360102");
    variables.put("foundling", foundling);
    return variables;
  }

  private void driveToNotice(String childId) {
    completeMaterials(childId);
    approve(childId, "approve");
    publishNotice(childId);
  }

  /** Candidate group and form; these steps have no deadline of their own (none in law or practice). */
  private void assertTask(Task task, String candidateGroup, String formId) {
    assertOfferedWithForm(task, candidateGroup, formId);
    assertThat(task.getDueDate()).as("due date of " + task.getTaskDefinitionKey()).isNull();
  }

  /** The materials as the service completes them (the files on the child's file are the service's to check). */
  private void completeMaterials(String childId) {
    complete(childId, PREPARE_MATERIALS, Map.of("materialsNotes", "材料齐全 complete"));
  }

  private void approve(String childId, String decision) {
    complete(childId, APPROVE_BY_DIRECTOR, Map.of("placementDecision", decision, "placementComments", "审批 " + decision));
  }

  private void publishNotice(String childId) {
    complete(childId, PUBLISH_NOTICE, Map.of(
        "noticePublishedOn", "2026-03-02",
        "noticeMedium", "newspaper",
        "noticeReference", "江西日报 2026-03-02 第8版"));
  }
}

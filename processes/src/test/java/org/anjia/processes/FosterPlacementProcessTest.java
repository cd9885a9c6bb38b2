package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.task.Task;

/**
 * 家庭寄养安置 (foster-placement.bpmn, processes/README.md) on the real engine: the test correlates
 * the messages as the service does (business key = the child's id), completes the director's and
 * caseworker's tasks, and {@link RecordingDelegates} plays the service's beans. Timers run on a
 * moved engine clock.
 */
class FosterPlacementProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "foster-placement";
  private static final String PROPOSED = "foster-placement-proposed";
  private static final String FAMILY_SIGNED = "foster-agreement-signed-by-family";

  @Test
  @DisplayName("approved, signed by the director and then the family: the placement starts only after both signatures")
  void thePlacementStartsOnlyOnceBothHaveSigned() {
    String childId = propose(70);

    Task approval = task(childId, "ApproveMatch");
    assertOfferedWithForm(approval, "director", "foster-match-approval");
    assertThat(approval.getDueDate().toInstant()).as("due by anjia.deadlines.steps (P5D)")
        .isEqualTo(START.plus(Duration.ofDays(5)));
    complete(childId, "ApproveMatch", Map.of("matchDecision", "approve"));
    assertThat(single(childId, "fosterAgreementReady").activityId()).isEqualTo("AgreementReady");

    assertOfferedWithForm(task(childId, "SignAgreement"), "director", "foster-agreement-signature");
    complete(childId, "SignAgreement", Map.of("agreementDecision", "sign"));
    assertThat(DELEGATES.calls(childId, "fosterPlacementStart")).as("the family has not signed yet").isEmpty();

    later();
    familySigns(childId);

    assertThat(single(childId, "fosterPlacementStart").activityId()).isEqualTo("StartPlacement");
    assertThat(DELEGATES.calls(childId, "fosterMatchRefusal")).isEmpty();
    assertThat(ended(childId)).isFalse();
  }

  @Test
  @DisplayName("the family may sign first; the director's signature then starts the placement")
  void eitherSideMaySignFirst() {
    String childId = propose(60);
    complete(childId, "ApproveMatch", Map.of("matchDecision", "approve"));

    familySigns(childId);
    assertThat(DELEGATES.calls(childId, "fosterPlacementStart")).isEmpty();
    complete(childId, "SignAgreement", Map.of("agreementDecision", "sign"));

    assertThat(single(childId, "fosterPlacementStart").activityId()).isEqualTo("StartPlacement");
  }

  @Test
  @DisplayName("a family signature before the director approved finds nothing waiting: the service must refuse it first")
  void aSignatureBeforeApprovalIsNotCorrelated() {
    String childId = propose(60);

    assertThatThrownBy(() -> familySigns(childId)).isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(openTaskIds(childId)).containsExactly("ApproveMatch");
  }

  @Test
  @DisplayName("a refused match records the refusal and ends; a withdrawal ends the wait for the family")
  void refusalAndWithdrawalEndThePlacement() {
    String refused = propose(60);
    complete(refused, "ApproveMatch", Map.of("matchDecision", "reject", "matchComments", "儿童需要先做手术"));
    assertThat(single(refused, "fosterMatchRefusal").variables()).containsEntry("matchComments", "儿童需要先做手术");
    assertThat(endEvent(refused, PROCESS_ID)).isEqualTo("NotPlaced");

    String withdrawn = propose(60);
    complete(withdrawn, "ApproveMatch", Map.of("matchDecision", "approve"));
    complete(withdrawn, "SignAgreement", Map.of("agreementDecision", "withdraw"));
    assertThat(single(withdrawn, "fosterPlacementWithdrawal").activityId()).isEqualTo("RecordWithdrawal");
    assertThat(endEvent(withdrawn, PROCESS_ID)).isEqualTo("Withdrawn");
    assertThat(DELEGATES.calls(withdrawn, "fosterPlacementStart")).isEmpty();
  }

  @Test
  @DisplayName("an unknown decision is not guessed: the completion fails and the task stays open")
  void anUnknownDecisionIsRefused() {
    String childId = propose(60);

    assertThatThrownBy(() -> complete(childId, "ApproveMatch", Map.of("matchDecision", "maybe")))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(openTaskIds(childId)).containsExactly("ApproveMatch");
  }

  @Test
  @DisplayName("integration period: the assessment comes when the agreed days have passed, not a day earlier; extend waits again")
  void theIntegrationAssessmentComesAfterTheAgreedPeriod() {
    String childId = placed(70);
    Instant integrationEnds = timerDue(childId, "IntegrationPeriod");
    assertThat(integrationEnds).as("70 days from the day after the start, until 24:00 (China)")
        .isEqualTo(((Date) runtime.getVariable(instance(childId).getId(), "integrationEnds")).toInstant())
        .isEqualTo(RecordingDelegates.periodEnd(70).toInstant());

    moveClockTo(integrationEnds.minus(Duration.ofHours(1)));
    assertThat(openTasks(childId, "AssessIntegration")).as("an hour before its end").isEmpty();
    moveClockTo(integrationEnds);
    Task assessment = task(childId, "AssessIntegration");
    assertOfferedWithForm(assessment, "caseworker", "foster-integration-assessment");

    Date extendedTo = Date.from(integrationEnds.plus(Duration.ofDays(30)));
    complete(childId, "AssessIntegration", Map.of("integrationDecision", "extend", "extensionDays", 30,
        "integrationEnds", extendedTo));
    assertThat(openTasks(childId, "AssessIntegration")).isEmpty();
    assertThat(timerDue(childId, "IntegrationPeriod")).isEqualTo(extendedTo.toInstant());
    moveClockTo(extendedTo.toInstant());

    complete(childId, "AssessIntegration", Map.of("integrationDecision", "end", "integrationFindings", "无法适应"));
    assertThat(single(childId, "fosterPlacementEnd").activityId()).isEqualTo("EndPlacement");
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("Ended");
    assertThat(openTaskIds(childId)).as("open visits close with the placement").isEmpty();
  }

  @Test
  @DisplayName("visits: a task each month while the child is placed, with its due date; continue keeps the placement running")
  void aVisitIsDueEachMonth() {
    String childId = placed(60);
    Instant started = now();
    Instant firstVisit = timerDue(childId, "VisitDue");
    assertThat(firstVisit).as("one month (P1M) after the start")
        .isEqualTo(ZonedDateTime.ofInstant(started, RecordingDelegates.CHINA).plusMonths(1).toInstant());

    moveClockTo(firstVisit.minus(Duration.ofMinutes(1)));
    assertThat(openTasks(childId, "HomeVisit")).isEmpty();
    moveClockTo(firstVisit);
    Task visit = task(childId, "HomeVisit");
    assertOfferedWithForm(visit, "caseworker", "foster-home-visit");
    assertThat(visit.getDueDate().toInstant()).as("due by anjia.deadlines.steps (P7D)")
        .isEqualTo(firstVisit.plus(Duration.ofDays(7)));
    complete(childId, "HomeVisit", Map.of("homeVisitDate", "2026-04-02", "childHealth", "良好",
        "childSchooling", "按时上学", "childWellbeing", "适应良好"));

    Instant secondVisit = timerDue(childId, "VisitDue");
    assertThat(secondVisit).isEqualTo(ZonedDateTime.ofInstant(firstVisit, RecordingDelegates.CHINA).plusMonths(1)
        .toInstant());
    moveClockTo(timerDue(childId, "IntegrationPeriod"));
    complete(childId, "AssessIntegration", Map.of("integrationDecision", "continue", "integrationFindings", "融合良好"));
    moveClockTo(secondVisit);
    assertThat(openTasks(childId, "HomeVisit")).as("the second month's visit").hasSize(1);
    assertThat(ended(childId)).as("the placement goes on until it is ended").isFalse();
    assertThat(historicIncidents(childId)).isZero();
  }

  @Test
  @DisplayName("after continue the placement runs until the agreed period ends, then it ends")
  void theAgreedPeriodEndsThePlacement() {
    String childId = placed(60);
    moveClockTo(timerDue(childId, "IntegrationPeriod"));
    complete(childId, "AssessIntegration", Map.of("integrationDecision", "continue", "integrationFindings", "融合良好"));
    Instant agreementEnds = timerDue(childId, "AgreementPeriod");
    assertThat(agreementEnds).as("24:00 of the agreement's last day, 2027-03-01 (China)")
        .isEqualTo(Instant.parse("2027-03-01T16:00:00Z"));

    moveClockTo(agreementEnds.minus(Duration.ofHours(1)));
    assertThat(DELEGATES.calls(childId, "fosterPlacementEnd")).isEmpty();
    moveClockTo(agreementEnds);
    assertThat(single(childId, "fosterPlacementEnd").variables()).containsEntry("integrationDecision", "continue");
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("Ended");
    assertThat(historicIncidents(childId)).isZero();
  }

  @Test
  @DisplayName("the adoption's registration ends the placement from outside, even during the integration period")
  void anAdoptionEndsThePlacementFromOutside() {
    String childId = placed(60);
    moveClockTo(timerDue(childId, "VisitDue"));
    assertThat(openTaskIds(childId)).containsExactly("HomeVisit");

    runtime.createMessageCorrelation("foster-placement-ended").processInstanceBusinessKey(childId).correlateAll();

    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("EndedByAdoption");
    assertThat(openTaskIds(childId)).as("the open visit closes").isEmpty();
    assertThat(DELEGATES.calls(childId, "fosterPlacementEnd")).as("the registration has ended it already").isEmpty();
  }

  @Test
  @DisplayName("a visit not recorded by its due date stays open and is escalated to the director, not a minute earlier")
  void anOverdueVisitIsEscalatedToTheDirector() {
    String childId = placed(60);
    moveClockTo(timerDue(childId, "VisitDue"));
    Instant due = task(childId, "HomeVisit").getDueDate().toInstant();

    moveClockTo(due.minus(Duration.ofMinutes(1)));
    assertThat(openTasks(childId, "FollowUpHomeVisit")).isEmpty();
    moveClockTo(due);

    assertOfferedWithForm(task(childId, "FollowUpHomeVisit"), "director", "task-escalation");
    assertThat(single(childId, "taskEscalation").variables()).containsEntry("taskElementId", "HomeVisit");
    assertThat(openTasks(childId, "HomeVisit")).as("the caseworker still records the visit").hasSize(1);
    complete(childId, "HomeVisit", Map.of("homeVisitDate", "2026-04-08", "childHealth", "良好",
        "childSchooling", "按时上学", "childWellbeing", "适应良好"));
    assertThat(openTaskIds(childId)).containsExactly("FollowUpHomeVisit");
  }

  @Test
  @DisplayName("respite the family asks for: the caseworker decides; declined, nothing starts; approved, the child is due back on the agreed day")
  void aFamilysRespiteIsDecidedByTheCaseworker() {
    String childId = placed(60);
    askRespite(childId, "family", 10);
    assertOfferedWithForm(task(childId, "DecideRespite"), "caseworker", "foster-respite-decision");
    complete(childId, "DecideRespite", Map.of("respiteDecision", "decline", "respiteNote", "请先联系社工"));
    assertThat(single(childId, "fosterRespiteDeclined").activityId()).isEqualTo("RecordRespiteDeclined");
    assertThat(DELEGATES.calls(childId, "fosterRespiteStart")).isEmpty();

    askRespite(childId, "family", 10);
    complete(childId, "DecideRespite", Map.of("respiteDecision", "approve"));
    assertThat(single(childId, "fosterRespiteStart").activityId()).isEqualTo("StartRespite");
    Task back = task(childId, "ReturnFromRespite");
    assertOfferedWithForm(back, "caseworker", "foster-respite-return");
    assertThat(back.getDueDate()).as("the agreed return day, 24:00").isEqualTo(RecordingDelegates.periodEnd(10));

    complete(childId, "ReturnFromRespite", Map.of("respiteReturnedOn", "2026-03-10", "respiteNotes", "已回到寄养家庭"));
    assertThat(single(childId, "fosterRespiteEnd").activityId()).isEqualTo("EndRespite");
    assertThat(ended(childId)).as("the placement goes on").isFalse();
  }

  @Test
  @DisplayName("respite the institution decides starts at once; a child not back after 30 days is escalated to the director")
  void aRespitePast30DaysIsEscalated() {
    String childId = placed(60);
    askRespite(childId, "institution", 30);
    assertThat(openTasks(childId, "DecideRespite")).isEmpty();
    Instant limit = timerDue(childId, "RespiteOverLimit");
    assertThat(limit).isEqualTo(RecordingDelegates.periodEnd(RecordingDelegates.MAX_RESPITE_DAYS).toInstant());

    moveClockTo(limit.minus(Duration.ofMinutes(1)));
    assertThat(openTasks(childId, "FollowUpRespite")).isEmpty();
    moveClockTo(limit);
    assertOfferedWithForm(task(childId, "FollowUpRespite"), "director", "task-escalation");
    assertThat(DELEGATES.calls(childId, "taskEscalation")).extracting(call -> call.variables().get("taskElementId"))
        .contains("ReturnFromRespite");
    assertThat(openTasks(childId, "ReturnFromRespite")).as("still to be recorded").hasSize(1);
  }

  @Test
  @DisplayName("the institution's termination interrupts the placement's timers, ends it and asks the caseworker to file it")
  void theInstitutionsTerminationIsFiled() {
    String childId = placed(60);
    askRespite(childId, "institution", 5);

    runtime.createMessageCorrelation("foster-placement-terminated").processInstanceBusinessKey(childId)
        .correlateWithResult();

    assertThat(single(childId, "fosterTermination").activityId()).isEqualTo("RecordTermination");
    assertOfferedWithForm(task(childId, "FileTermination"), "caseworker", "foster-termination-filing");
    assertThat(management.createJobQuery().processInstanceId(instance(childId).getId()).timers()
        .activityId("IntegrationPeriod").count()).as("the integration timer is cancelled").isZero();
    complete(childId, "FileTermination", Map.of("terminationFiledOn", "2026-03-03", "terminationFiledWith", "东湖区民政局"));
    assertThat(endEvent(childId, PROCESS_ID)).isEqualTo("TerminationFiled");
    assertThat(openTaskIds(childId)).as("the respite's task closes with it").isEmpty();
    assertThat(DELEGATES.calls(childId, "fosterPlacementEnd")).isEmpty();
  }

  @Test
  @DisplayName("the family's written request: the director may keep the placement (request withdrawn) or end it, then it is filed")
  void theFamilysRequestIsDecidedByTheDirector() {
    String childId = placed(60);
    askTermination(childId);
    assertOfferedWithForm(task(childId, "DecideTermination"), "director", "foster-termination-request");
    complete(childId, "DecideTermination", Map.of("terminationDecision", "keep", "terminationNote", "家庭撤回申请"));
    assertThat(DELEGATES.calls(childId, "fosterTermination")).isEmpty();
    assertThat(timerDue(childId, "IntegrationPeriod")).as("the placement goes on").isNotNull();

    askTermination(childId);
    assertThatThrownBy(() -> complete(childId, "DecideTermination", Map.of("terminationDecision", "maybe")))
        .isInstanceOf(ProcessEngineException.class);
    complete(childId, "DecideTermination", Map.of("terminationDecision", "terminate", "terminationNote", "同意"));

    assertThat(single(childId, "fosterTermination").activityId()).isEqualTo("RecordTermination");
    assertThat(openTaskIds(childId)).containsExactly("FileTermination");
    assertThat(historicIncidents(childId)).isZero();
  }

  /** A caseworker's proposal as the service starts it, with an agreement of that many integration days. */
  private String propose(int integrationDays) {
    String childId = newCaseKey();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("placementId", newCaseKey());
    variables.put("childId", childId);
    variables.put("childName", "党小安");
    variables.put("familyName", "王秀英家庭");
    variables.put("primaryCaregiver", "王秀英");
    variables.put("agreementFrom", "2026-03-02");
    variables.put("agreementUntil", "2027-03-01");
    variables.put("integrationDays", integrationDays);
    variables.put("liability", "违反协议的一方承担相应责任");
    startByMessage(PROPOSED, childId, variables);
    return childId;
  }

  private String placed(int integrationDays) {
    String childId = propose(integrationDays);
    complete(childId, "ApproveMatch", Map.of("matchDecision", "approve"));
    complete(childId, "SignAgreement", Map.of("agreementDecision", "sign"));
    familySigns(childId);
    assertThat(DELEGATES.calls(childId, "fosterPlacementStart")).hasSize(1);
    return childId;
  }

  private void familySigns(String childId) {
    runtime.createMessageCorrelation(FAMILY_SIGNED).processInstanceBusinessKey(childId).correlateWithResult();
  }
  private void askRespite(String childId, String by, int days) {
    runtime.createMessageCorrelation("foster-respite-requested").processInstanceBusinessKey(childId)
        .setVariable("respiteId", newCaseKey()).setVariable("respiteRequestedBy", by).setVariable("respiteDays", days)
        .correlateWithResult();
  }

  private void askTermination(String childId) {
    runtime.createMessageCorrelation("foster-termination-requested").processInstanceBusinessKey(childId)
        .setVariable("terminationRequestReason", "家中老人病重，无法继续照料").correlateWithResult();
  }
}

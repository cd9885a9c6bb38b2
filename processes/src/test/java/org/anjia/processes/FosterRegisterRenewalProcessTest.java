package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.task.Task;

/**
 * 寄养家庭名册续期与复查 (foster-register-renewal.bpmn, processes/README.md) on the real engine: started
 * as the service starts it when a family enters the register (business key = the entry's application
 * id), with an entry approved at the test's start and valid one year. Every timer runs on a moved
 * engine clock: the opening 60 days before expiry, the reminder 30 days before, the expiry at 24:00 of
 * the last day. {@link RecordingDelegates} plays RegisterRenewals.
 */
class FosterRegisterRenewalProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "foster-register-renewal";
  private static final String ENTERED = "foster-register-entered";

  /** Approved on the test's first day (2026-03-02), valid one year (anjia.foster.register-validity). */
  private static final LocalDate EXPIRES_ON = LocalDate.of(2027, 3, 2);

  @Test
  @DisplayName("the renewal opens 60 days before expiry, not a minute earlier: the caseworker re-checks the household")
  void theRenewalOpensSixtyDaysBeforeExpiry() {
    String key = entered("");
    Instant opens = startOfDay(EXPIRES_ON.minusDays(60));
    assertThat(timerDue(key, "RenewalDue")).as("2027-01-01 00:00 in China").isEqualTo(opens)
        .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));

    moveClockTo(opens.minus(Duration.ofMinutes(1)));
    assertThat(openTaskIds(key)).isEmpty();
    assertThat(DELEGATES.calls(key, "fosterRenewalOpening")).isEmpty();

    moveClockTo(opens);
    assertThat(single(key, "fosterRenewalOpening").activityId()).isEqualTo("OpenRenewal");
    Task recheck = task(key, "RecheckHousehold");
    assertOfferedWithForm(recheck, "caseworker", "foster-renewal-recheck");
    assertThat(recheck.getDueDate().toInstant()).as("due by anjia.deadlines.steps (P20D)")
        .isEqualTo(opens.plus(Duration.ofDays(20)));
    assertThat(runtime.getVariable(instance(key).getId(), "householdAdults")).asString().contains("王秀英");
  }

  @Test
  @DisplayName("an overdue re-check is escalated to the director; 30 days before expiry family and caseworker are reminded")
  void overdueReCheckAndTheThirtyDayReminder() {
    String key = entered("");
    moveClockTo(startOfDay(EXPIRES_ON.minusDays(60)));
    Instant overdue = task(key, "RecheckHousehold").getDueDate().toInstant();

    moveClockTo(overdue);
    assertThat(single(key, "taskEscalation").variables()).containsEntry("taskElementId", "RecheckHousehold");
    assertOfferedWithForm(task(key, "FollowUpRecheckHousehold"), "director", "task-escalation");

    Instant reminder = timerDue(key, "RenewalReminder");
    assertThat(reminder).as("30 days before expiry").isEqualTo(startOfDay(EXPIRES_ON.minusDays(30)));
    moveClockTo(reminder.minus(Duration.ofMinutes(1)));
    assertThat(DELEGATES.calls(key, "fosterRenewalReminder")).isEmpty();
    moveClockTo(reminder);
    assertThat(single(key, "fosterRenewalReminder").activityId()).isEqualTo("RemindRenewal");
    assertThat(DELEGATES.calls(key, "taskReminder")).extracting(call -> call.variables().get("taskElementId"))
        .containsExactly("RecheckHousehold", "ApproveRenewal");
    assertThat(openTaskIds(key)).as("the reminder leaves the renewal open")
        .containsExactly("FollowUpRecheckHousehold", "RecheckHousehold");
  }

  @Test
  @DisplayName("approved: another year, the next renewal scheduled from the new expiry, the old expiry passes harmlessly")
  void anApprovedRenewalHoldsAnotherYear() {
    String key = entered("");
    moveClockTo(startOfDay(EXPIRES_ON.minusDays(60)));
    moveClockTo(task(key, "RecheckHousehold").getDueDate().toInstant());
    complete(key, "RecheckHousehold", Map.of("recheckNotes", "两名成年人均已复查"));
    Task approval = task(key, "ApproveRenewal");
    assertOfferedWithForm(approval, "director", "foster-renewal-approval");

    complete(key, "ApproveRenewal", Map.of("renewalDecision", "approve"));

    assertThat(single(key, "fosterRegisterRenewal").activityId()).isEqualTo("RenewEntry");
    assertThat(openTaskIds(key)).as("the follow-up closes with the renewal").isEmpty();
    assertThat(runtime.getVariable(instance(key).getId(), "expiresOn")).isEqualTo("2028-03-02");
    assertThat(timerDue(key, "RenewalDue")).isEqualTo(startOfDay(LocalDate.of(2028, 3, 2).minusDays(60)));
    moveClockTo(startOfDay(EXPIRES_ON.plusDays(2)));
    assertThat(DELEGATES.calls(key, "fosterRegisterExpiry")).isEmpty();
    assertThat(DELEGATES.calls(key, "fosterRegisterFailure")).isEmpty();
    assertThat(ended(key)).isFalse();
  }

  @Test
  @DisplayName("refused: the entry fails and the director reviews the children still placed with the family")
  void aRefusedRenewalFailsTheEntryAndFlagsItsPlacements() {
    String key = entered("甲、乙");
    moveClockTo(startOfDay(EXPIRES_ON.minusDays(60)));
    complete(key, "RecheckHousehold", Map.of());

    complete(key, "ApproveRenewal", Map.of("renewalDecision", "reject"));

    assertThat(single(key, "fosterRegisterFailure").activityId()).isEqualTo("FailEntry");
    assertThat(DELEGATES.calls(key, "fosterRegisterRenewal")).isEmpty();
    Task review = task(key, "ReviewPlacements");
    assertOfferedWithForm(review, "director", "foster-register-placements");
    complete(key, "ReviewPlacements", Map.of("placementsDecision", "continue_with_visits", "placementsNotes", "加强探访"));
    assertThat(endEvent(key, PROCESS_ID)).isEqualTo("PlacementsReviewed");
  }

  @Test
  @DisplayName("not approved by the last day: expired at 24:00, not a minute earlier; the open tasks close and placements go to the director")
  void anEntryNotRenewedExpiresAtTheEndOfItsLastDay() {
    String key = entered("甲");
    moveClockTo(startOfDay(EXPIRES_ON.minusDays(60)));
    complete(key, "RecheckHousehold", Map.of());
    Instant expires = timerDue(key, "RegisterExpires");
    assertThat(expires).as("24:00 of 2027-03-02 in China").isEqualTo(Instant.parse("2027-03-02T16:00:00Z"));

    moveClockTo(expires.minus(Duration.ofMinutes(1)));
    assertThat(DELEGATES.calls(key, "fosterRegisterExpiry")).isEmpty();
    assertThat(openTaskIds(key)).containsExactly("ApproveRenewal");

    moveClockTo(expires);
    assertThat(single(key, "fosterRegisterExpiry").activityId()).isEqualTo("ExpireEntry");
    assertThat(openTaskIds(key)).as("the approval closed, the placements flagged").containsExactly("ReviewPlacements");
  }

  @Test
  @DisplayName("an entry that lapses with no child placed ends without a director task")
  void anEntryWithoutPlacementsLapsesQuietly() {
    String key = entered("");
    moveClockTo(startOfDay(EXPIRES_ON.plusDays(1)));

    assertThat(single(key, "fosterRegisterExpiry").activityId()).isEqualTo("ExpireEntry");
    assertThat(endEvent(key, PROCESS_ID)).isEqualTo("Lapsed");
  }

  @Test
  @DisplayName("an unknown decision is not guessed: the completion fails and the approval stays open")
  void anUnknownDecisionIsRefused() {
    String key = entered("");
    moveClockTo(startOfDay(EXPIRES_ON.minusDays(60)));
    complete(key, "RecheckHousehold", Map.of());

    assertThatThrownBy(() -> complete(key, "ApproveRenewal", Map.of("renewalDecision", "maybe")))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(openTaskIds(key)).containsExactly("ApproveRenewal");
  }

  /** Starts the renewal as the service does when the family enters the register; returns its business key. */
  private String entered(String placedChildren) {
    String applicationId = newCaseKey();
    startByMessage(ENTERED, applicationId, Map.of(
        "entryId", newCaseKey(),
        "applicationId", applicationId,
        "applicationNumber", "JY-2026-000001",
        "familyName", "王秀英家庭",
        "expiresOn", EXPIRES_ON.toString(),
        "currentPlacementChildren", placedChildren));
    assertThat(single(applicationId, "fosterRenewalSchedule").activityId()).isEqualTo("ScheduleRenewal");
    return applicationId;
  }

  private static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(RecordingDelegates.CHINA).toInstant();
  }
}

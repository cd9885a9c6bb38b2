package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;

/**
 * 家庭式养育单元定期评估 (family-style-unit-review.bpmn) on the real engine with a moved clock: started
 * as the service starts it when a unit opens (business key = the unit's id); a review every three
 * months (anjia.family-style.review-interval, local practice), escalated to the director when not
 * held by its due date (anjia.deadlines.steps ReviewUnit, P14D); closing the unit ends everything.
 */
class FamilyStyleUnitReviewProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "family-style-unit-review";

  @Test
  @DisplayName("the review comes three months after the opening, not a minute earlier, for a caseworker with its form")
  void theReviewIsQuarterly() {
    String unit = opened();
    Instant due = ZonedDateTime.ofInstant(now(), RecordingDelegates.CHINA).plusMonths(3).toInstant();
    assertThat(timerDue(unit, "UnitReviewDue")).isEqualTo(due);

    moveClockTo(due.minus(Duration.ofMinutes(1)));
    assertThat(openTaskIds(unit)).isEmpty();

    moveClockTo(due);
    assertThat(single(unit, "unitReviewPreparation").activityId()).isEqualTo("PrepareReview");
    Task review = task(unit, "ReviewUnit");
    assertOfferedWithForm(review, "caseworker", "family-style-unit-review");
    assertThat(review.getDueDate().toInstant()).as("due by anjia.deadlines.steps (P14D)")
        .isEqualTo(due.plus(Duration.ofDays(14)));
    complete(unit, "ReviewUnit", Map.of("reviewHeldOn", "2026-06-02", "childNotes", "王小一：健康；上学；良好"));
    assertThat(openTaskIds(unit)).isEmpty();

    Instant next = timerDue(unit, "UnitReviewDue");
    assertThat(next).as("the next quarter").isEqualTo(ZonedDateTime.ofInstant(due, RecordingDelegates.CHINA)
        .plusMonths(3).toInstant());
  }

  @Test
  @DisplayName("a review not held by its due date is escalated to the director; closing the unit closes every task")
  void anOverdueReviewIsEscalatedAndClosingEndsTheProcess() {
    String unit = opened();
    moveClockTo(timerDue(unit, "UnitReviewDue"));
    Instant overdue = task(unit, "ReviewUnit").getDueDate().toInstant();

    moveClockTo(overdue.minus(Duration.ofMinutes(1)));
    assertThat(DELEGATES.calls(unit, "taskEscalation")).isEmpty();
    moveClockTo(overdue);
    assertThat(single(unit, "taskEscalation").variables()).containsEntry("taskElementId", "ReviewUnit");
    assertOfferedWithForm(task(unit, "FollowUpReviewUnit"), "director", "task-escalation");
    assertThat(openTaskIds(unit)).containsExactly("FollowUpReviewUnit", "ReviewUnit");

    runtime.createMessageCorrelation("family-style-unit-closed").processInstanceBusinessKey(unit).correlateWithResult();

    assertThat(ended(unit)).isTrue();
    assertThat(endEvent(unit, PROCESS_ID)).isEqualTo("UnitClosedEnd");
  }

  /** Starts the review as the service does when the director opens a unit; returns its business key. */
  private String opened() {
    String unit = newCaseKey();
    startByMessage("family-style-unit-opened", unit, Map.of("unitId", unit, "unitName", "阳光之家",
        "institutionCode", "nanchang-cwi"));
    return unit;
  }
}

package org.anjia.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The due-date step as the processes call it, with the engine's time format. */
class DueDateWorkerTest {

  private final DueDateWorker worker = new DueDateWorker(DueDates.withBundledCalendars(ZoneId.of("Asia/Shanghai")),
      new LegalDeadlines(Map.of(
          "registrar-review", LegalDuration.parse("30 calendar days"),
          "assessment-report", LegalDuration.parse("60 calendar days")), Map.of()));

  @Test
  void thirtyDaysFromTheDayAfterFilingEndAtMidnightInChina() {
    // filed on Monday 7 September 2026 (engine time in UTC, 15:00 = 23:00 in Shanghai)
    assertThat(worker.dueAt("2026-09-07T15:00:00.000Z[Etc/UTC]", "registrar-review"))
        // day 30 is Wednesday 7 October, inside the National Day holiday: the period ends on Thursday
        // 8 October (民法典 art. 203), i.e. at 00:00 on 9 October
        .isEqualTo("2026-10-09T00:00:00+08:00");
  }

  @Test
  void theDayIsTheInstitutionsDayNotUtcs() {
    // 16:30 UTC on 1 June is already 2 June in Shanghai
    assertThat(worker.dueAt("2026-06-01T16:30:00Z", "registrar-review")).isEqualTo("2026-07-03T00:00:00+08:00");
  }

  @Test
  void anUnknownPeriodIsAnErrorNamingTheConfiguredOnes() {
    assertThatThrownBy(() -> worker.dueAt("2026-06-01T08:00:00Z", "public-notice"))
        .hasMessageContaining("public-notice").hasMessageContaining("registrar-review");
  }

  @Test
  void aPeriodReachingIntoAYearWithoutCalendarFailsTheJob() {
    assertThatThrownBy(() -> worker.dueAt("2027-12-01T08:00:00Z", "assessment-report"))
        .isInstanceOf(MissingHolidayCalendarException.class);
  }
}

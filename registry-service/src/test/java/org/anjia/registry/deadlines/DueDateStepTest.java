package org.anjia.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The due-date step as the processes call it: today by the engine's clock, in China's time zone. */
class DueDateStepTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static DueDateStep at(String now) {
    return new DueDateStep(DueDates.withBundledCalendars(CHINA),
        new LegalDeadlines(Map.of(
            "registrar-review", LegalDuration.parse("30 calendar days"),
            "assessment-report", LegalDuration.parse("60 calendar days")), Map.of()),
        Clock.fixed(Instant.parse(now), CHINA));
  }

  @Test
  void thirtyDaysFromTheDayAfterFilingEndAtMidnightInChina() {
    // filed on Monday 7 September 2026 (15:00 UTC = 23:00 in Shanghai)
    assertThat(at("2026-09-07T15:00:00Z").dueAt("registrar-review"))
        // day 30 is Wednesday 7 October, inside the National Day holiday: the period ends on Thursday
        // 8 October (民法典 art. 203), i.e. at 00:00 on 9 October
        .isEqualTo(Instant.parse("2026-10-08T16:00:00Z"));
  }

  @Test
  void theDayIsTheInstitutionsDayNotUtcs() {
    // 16:30 UTC on 1 June is already 2 June in Shanghai
    assertThat(at("2026-06-01T16:30:00Z").dueAt("registrar-review")).isEqualTo(Instant.parse("2026-07-02T16:00:00Z"));
  }

  @Test
  void anUnknownPeriodIsAnErrorNamingTheConfiguredOnes() {
    assertThatThrownBy(() -> at("2026-06-01T08:00:00Z").dueAt("public-notice"))
        .hasMessageContaining("public-notice").hasMessageContaining("registrar-review");
  }

  @Test
  void aPeriodReachingIntoAYearWithoutCalendarFailsTheStep() {
    assertThatThrownBy(() -> at("2027-12-01T08:00:00Z").dueAt("assessment-report"))
        .isInstanceOf(MissingHolidayCalendarException.class);
  }
}

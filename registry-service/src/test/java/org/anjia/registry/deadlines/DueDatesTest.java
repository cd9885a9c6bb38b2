package org.anjia.registry.deadlines;

import static org.anjia.registry.deadlines.LegalDuration.calendarDays;
import static org.anjia.registry.deadlines.LegalDuration.workingDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected dates are worked out by hand from the notices (see calendars/cn-2025.yaml, cn-2026.yaml);
 * the comments count the days so that a reviewer can follow.
 */
class DueDatesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final DueDates dueDates = DueDates.withBundledCalendars(SHANGHAI);

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Nested
  class PlainWeeks {

    @Test
    void workingDaysSkipTheWeekend() {
      // Mon 2026-03-09 + 5 WD: 10, 11, 12, 13, (14 Sat, 15 Sun) 16
      assertThat(dueDates.dueDate(day("2026-03-09"), workingDays(5))).isEqualTo(day("2026-03-16"));
    }

    @Test
    void startingOnAFridayTheFirstWorkingDayIsMonday() {
      assertThat(dueDates.dueDate(day("2026-03-13"), workingDays(1))).isEqualTo(day("2026-03-16"));
      assertThat(dueDates.dueDate(day("2026-03-13"), workingDays(5))).isEqualTo(day("2026-03-20"));
      // the trigger day is not counted even when it is itself a working day
      assertThat(dueDates.dueDate(day("2026-03-13"), calendarDays(7))).isEqualTo(day("2026-03-20"));
    }

    @Test
    void startingOnAWeekendCountsFromMonday() {
      assertThat(dueDates.dueDate(day("2026-03-14"), workingDays(1))).isEqualTo(day("2026-03-16"));
    }

    @Test
    void calendarDaysCountEveryDayFromTheNext() {
      // 民法典 art. 201: the trigger day is not counted
      assertThat(dueDates.dueDate(day("2026-03-09"), calendarDays(7))).isEqualTo(day("2026-03-16"));
      assertThat(dueDates.dueDate(day("2026-03-09"), calendarDays(1))).isEqualTo(day("2026-03-10"));
    }

    @Test
    void aCalendarPeriodEndingOnASaturdayEndsOnMonday() {
      // Mon 2026-03-09 + 5 days = Sat 14th; 民法典 art. 203: the next working day, Mon 16th
      assertThat(dueDates.dueDate(day("2026-03-09"), calendarDays(5))).isEqualTo(day("2026-03-16"));
    }

    @Test
    void zeroLengthEndsOnTheStartDayAndIsNotMoved() {
      assertThat(dueDates.dueDate(day("2026-03-14"), workingDays(0))).isEqualTo(day("2026-03-14"));
      assertThat(dueDates.dueDate(day("2026-03-14"), calendarDays(0))).isEqualTo(day("2026-03-14"));
      assertThat(dueDates.dueDate(day("2026-02-17"), calendarDays(0))).isEqualTo(day("2026-02-17"));
    }
  }

  @Nested
  class SpringFestival2026 {
    // days off Sun 02-15 to Mon 02-23; make-up working days Sat 02-14 and Sat 02-28

    @Test
    void tenWorkingDaysFromJustBeforeTheHoliday() {
      // Thu 02-12: 13 (1), Sat 14 make-up (2), [15–23 off], 24 (3), 25 (4), 26 (5), 27 (6),
      // Sat 28 make-up (7), [Sun 03-01], 03-02 (8), 03-03 (9), 03-04 (10)
      assertThat(dueDates.dueDate(day("2026-02-12"), workingDays(10))).isEqualTo(day("2026-03-04"));
    }

    @Test
    void theMakeUpSaturdayCounts() {
      assertThat(dueDates.dueDate(day("2026-02-13"), workingDays(1))).isEqualTo(day("2026-02-14"));
      assertThat(dueDates.dueDate(day("2026-02-13"), workingDays(2))).isEqualTo(day("2026-02-24"));
      assertThat(dueDates.dueDate(day("2026-02-27"), workingDays(1))).isEqualTo(day("2026-02-28"));
    }

    @Test
    void aCalendarPeriodEndingInTheHolidayMovesToTheFirstWorkingDayAfterIt() {
      // Fri 01-16 + 30 days = Sun 02-15, first day off; the holiday ends on 02-23
      assertThat(dueDates.dueDate(day("2026-01-16"), calendarDays(30))).isEqualTo(day("2026-02-24"));
      assertThat(dueDates.dueDate(day("2026-02-10"), calendarDays(7))).isEqualTo(day("2026-02-24"));
    }

    @Test
    void aCalendarPeriodEndingOnTheMakeUpSaturdayIsNotMoved() {
      assertThat(dueDates.dueDate(day("2026-02-13"), calendarDays(1))).isEqualTo(day("2026-02-14"));
      assertThat(dueDates.dueDate(day("2026-01-29"), calendarDays(30))).isEqualTo(day("2026-02-28"));
    }

    @Test
    void aPeriodTriggeredDuringTheHolidayStillStartsTheNextDay() {
      // calendar days run through the holiday; only the last day is checked (01-29 + 30 days above)
      assertThat(dueDates.dueDate(day("2026-02-16"), calendarDays(30))).isEqualTo(day("2026-03-18"));
      assertThat(dueDates.dueDate(day("2026-02-16"), workingDays(1))).isEqualTo(day("2026-02-24"));
    }
  }

  @Nested
  class NationalDay2025 {
    // days off Wed 10-01 to Wed 10-08 (国庆节、中秋节); make-up working days Sun 09-28 and Sat 10-11

    @Test
    void tenWorkingDaysFromTheFridayBefore() {
      // Fri 09-26: [Sat 27], Sun 28 make-up (1), 29 (2), 30 (3), [10-01–08 off], 9 (4), 10 (5),
      // Sat 11 make-up (6), [Sun 12], 13 (7), 14 (8), 15 (9), 16 (10)
      assertThat(dueDates.dueDate(day("2025-09-26"), workingDays(10))).isEqualTo(day("2025-10-16"));
    }

    @Test
    void theMakeUpSundayCounts() {
      assertThat(dueDates.dueDate(day("2025-09-26"), workingDays(1))).isEqualTo(day("2025-09-28"));
      // and a calendar period ending on it is not moved
      assertThat(dueDates.dueDate(day("2025-09-27"), calendarDays(1))).isEqualTo(day("2025-09-28"));
    }

    @Test
    void aCalendarPeriodEndingInTheHolidayMovesToTheFirstWorkingDayAfterIt() {
      // Fri 09-05 + 30 days = Sun 10-05
      assertThat(dueDates.dueDate(day("2025-09-05"), calendarDays(30))).isEqualTo(day("2025-10-09"));
    }
  }

  @Nested
  class NationalDay2026 {
    // 中秋节 Fri 09-25 to Sun 09-27; 国庆节 Thu 10-01 to Wed 10-07; make-up Sun 09-20 and Sat 10-10

    @Test
    void tenWorkingDaysFromTheDayBefore() {
      // Wed 09-30: [10-01–07 off], 8 (1), 9 (2), Sat 10 make-up (3), [Sun 11], 12 (4), 13 (5),
      // 14 (6), 15 (7), 16 (8), [17, 18], 19 (9), 20 (10)
      assertThat(dueDates.dueDate(day("2026-09-30"), workingDays(10))).isEqualTo(day("2026-10-20"));
    }

    @Test
    void theMakeUpSundayBeforeMidAutumnCounts() {
      // Fri 09-18: [Sat 19], Sun 20 make-up (1), 21 (2), 22 (3), 23 (4), 24 (5)
      assertThat(dueDates.dueDate(day("2026-09-18"), workingDays(5))).isEqualTo(day("2026-09-24"));
      // Thu 09-24: [25–27 mid-autumn], 28 (1), 29 (2), 30 (3), [10-01–07], 8 (4)
      assertThat(dueDates.dueDate(day("2026-09-24"), workingDays(4))).isEqualTo(day("2026-10-08"));
    }

    @Test
    void aCalendarPeriodEndingInTheHolidayMovesToTheFirstWorkingDayAfterIt() {
      // Thu 09-03 + 30 days = Sat 10-03
      assertThat(dueDates.dueDate(day("2026-09-03"), calendarDays(30))).isEqualTo(day("2026-10-08"));
    }

    @Test
    void aCalendarPeriodEndingOnTheMakeUpSaturdayIsNotMoved() {
      // Thu 09-10 + 30 days = Sat 10-10, a working day
      assertThat(dueDates.dueDate(day("2026-09-10"), calendarDays(30))).isEqualTo(day("2026-10-10"));
    }
  }

  @Test
  void workingDaysRunFromOneYearsCalendarIntoTheNext() {
    // Fri 2025-12-26: 29 (1), 30 (2), 31 (3), [2026-01-01–03 元旦], Sun 01-04 make-up (4), Mon 05 (5)
    assertThat(dueDates.dueDate(day("2025-12-26"), workingDays(5))).isEqualTo(day("2026-01-05"));
  }

  @Nested
  class Instants {

    @Test
    void thePeriodIsOverAtMidnightAfterItsLastDayInShanghai() {
      // Fri 02-13 + 3 WD: Sat 14, 24, 25 → over at 2026-02-26T00:00+08:00
      Instant due = dueDates.dueInstant(day("2026-02-13"), workingDays(3));

      assertThat(due).isEqualTo(Instant.parse("2026-02-25T16:00:00Z"));
      assertThat(due.atZone(SHANGHAI).toLocalDateTime()).hasToString("2026-02-26T00:00");
    }

    @Test
    void remindersStartAtTheBeginningOfTheirDay() {
      assertThat(dueDates.startOf(day("2026-02-24"))).isEqualTo(Instant.parse("2026-02-23T16:00:00Z"));
      assertThat(dueDates.endOf(day("2026-02-24"))).isEqualTo(Instant.parse("2026-02-24T16:00:00Z"));
    }
  }

  @Nested
  class Reminders {

    @Test
    void workingDaysBeforeSkipTheHolidayAndCountTheMakeUpSaturday() {
      // due Wed 02-25: 24 (1), [23–15 off], Sat 14 make-up (2), Fri 13 (3)
      assertThat(dueDates.reminderDate(day("2026-02-25"), workingDays(3))).isEqualTo(day("2026-02-13"));
    }

    @Test
    void calendarDaysBeforeLandingOnADayOffMoveEarlier() {
      // due Mon 03-16 − 2 days = Sat 14 → Fri 13
      assertThat(dueDates.reminderDate(day("2026-03-16"), calendarDays(2))).isEqualTo(day("2026-03-13"));
      // due 02-25 − 3 days = 02-22, in the holiday → back to the make-up Saturday 02-14
      assertThat(dueDates.reminderDate(day("2026-02-25"), calendarDays(3))).isEqualTo(day("2026-02-14"));
      // a working day stays
      assertThat(dueDates.reminderDate(day("2026-03-20"), calendarDays(3))).isEqualTo(day("2026-03-17"));
    }

    @Test
    void zeroBeforeIsTheDueDay() {
      assertThat(dueDates.reminderDate(day("2026-03-20"), workingDays(0))).isEqualTo(day("2026-03-20"));
    }
  }

  /** Only 2026 is loaded here, so that adding a calendar for another year never changes these tests. */
  @Nested
  class YearWithoutCalendar {

    private final DueDates only2026 =
        new DueDates(WorkingDayCalendar.load("classpath:calendars/cn-2026.yaml"), SHANGHAI);

    @Test
    void aCalendarPeriodEndingInAnUnknownYearIsRefused() {
      // Sun 2026-12-20 + 30 days = 2027-01-19
      assertThatThrownBy(() -> only2026.dueDate(day("2026-12-20"), calendarDays(30)))
          .isInstanceOfSatisfying(MissingHolidayCalendarException.class, e -> {
            assertThat(e.year()).isEqualTo(2027);
            assertThat(e.day()).isEqualTo(day("2027-01-19"));
          })
          .hasMessageContaining("No holiday calendar for 2027")
          .hasMessageContaining("calendars/cn-2027.yaml");
    }

    @Test
    void workingDaysRunningIntoAnUnknownYearAreRefusedAtItsFirstDay() {
      // Mon 2026-12-28: 29, 30, 31, then 2027-01-01 cannot be classified
      assertThatThrownBy(() -> only2026.dueDate(day("2026-12-28"), workingDays(5)))
          .isInstanceOfSatisfying(MissingHolidayCalendarException.class,
              e -> assertThat(e.day()).isEqualTo(day("2027-01-01")));
      assertThat(only2026.dueDate(day("2026-12-28"), workingDays(3))).isEqualTo(day("2026-12-31"));
    }

    @Test
    void theTriggerDayItselfNeedsNoCalendar() {
      // 2025-12-31 is never classified: [2026-01-01–03 off], Sun 01-04 make-up (1)
      assertThat(only2026.dueDate(day("2025-12-31"), workingDays(1))).isEqualTo(day("2026-01-04"));
    }

    @Test
    void remindersReachingBackIntoAnUnknownYearAreRefused() {
      // due Mon 2026-01-05: Sun 04 make-up (1), [03–01 off], 2025-12-31 cannot be classified
      assertThatThrownBy(() -> only2026.reminderDate(day("2026-01-05"), workingDays(2)))
          .isInstanceOfSatisfying(MissingHolidayCalendarException.class,
              e -> assertThat(e.year()).isEqualTo(2025));
    }

    @Test
    void isWorkingDayRefusesToo() {
      assertThatThrownBy(() -> only2026.isWorkingDay(day("2027-03-01")))
          .isInstanceOf(MissingHolidayCalendarException.class);
      assertThat(only2026.coveredYears()).containsExactly(2026);
    }
  }
}

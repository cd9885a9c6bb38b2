package org.anjia.registry.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Counts deadlines the way Chinese law counts periods.
 *
 * <ul>
 *   <li>The day that triggers a period is not counted; the period runs from the next day (民法典 art.
 *       201(1): 开始的当日不计入，自下一日开始计算; in the registration rules "自次日起30日内").</li>
 *   <li>Calendar days: the last day is the start day plus the amount. If that day is not a working day
 *       (a weekend day, or a day off of the State Council's arrangement), the period ends on the next
 *       working day instead (民法典 art. 203(1): 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日;
 *       民事诉讼法's rule on 期间 says the same, and the Supreme People's Court counts Saturdays and
 *       Sundays among those days). A weekend day the arrangement makes a working day (调休上班) is a
 *       working day, so a period may end on it.</li>
 *   <li>Working days: the last day is the amount-th working day after the start day (行政许可法 art. 82:
 *       期限以工作日计算，不含法定节假日).</li>
 *   <li>The last day ends at 24:00 (民法典 art. 203(2): 期间的最后一日的截止时间为二十四时), so
 *       {@link #dueInstant} is 00:00 of the following day in the institutions' time zone: the first
 *       instant at which the period is over, which is when an escalation timer should fire.</li>
 *   <li>A zero-length period ends on the day it starts; nothing is moved.</li>
 * </ul>
 *
 * <p>Every day the calculation looks at must lie in a year with a holiday calendar; otherwise it throws
 * {@link MissingHolidayCalendarException} rather than guess. The start day itself is never looked at.
 */
public class DueDates {

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  DueDates(WorkingDayCalendar calendar, ZoneId zone) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The calendars shipped in {@code calendars/}, for unit tests of other modules. */
  public static DueDates withBundledCalendars(ZoneId zone) {
    return new DueDates(WorkingDayCalendar.load(WorkingDayCalendar.BUNDLED), zone);
  }

  /**
   * The last day of a period that starts with the day after {@code start}.
   *
   * @throws MissingHolidayCalendarException when a day it has to classify lies in a year without calendar
   */
  public LocalDate dueDate(LocalDate start, LegalDuration duration) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    if (duration.isZero()) {
      return start;
    }
    return switch (duration.unit()) {
      case CALENDAR_DAYS -> nextWorkingDayFrom(start.plusDays(duration.amount()));
      case WORKING_DAYS -> {
        LocalDate day = start;
        for (int counted = 0; counted < duration.amount(); ) {
          day = day.plusDays(1);
          if (calendar.isWorkingDay(day)) {
            counted++;
          }
        }
        yield day;
      }
    };
  }

  /** The instant the period is over: 00:00 after its last day (24:00 of the last day). */
  public Instant dueInstant(LocalDate start, LegalDuration duration) {
    return endOf(dueDate(start, duration));
  }

  /** 24:00 of {@code day} in the institutions' time zone, i.e. the next day's 00:00. */
  public Instant endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }

  /** 00:00 of {@code day} in the institutions' time zone; for reminders, which are due from the day's start. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /**
   * The day a reminder goes out, {@code before} ahead of {@code due}. Working days: the amount-th
   * working day before the due day. Calendar days: the due day minus the amount, moved back to the
   * nearest earlier working day if it is not one, so that the reminder reaches people at work and still
   * comes before the due day. Zero: the due day itself. It is not clipped to the period's start.
   *
   * @throws MissingHolidayCalendarException when a day it has to classify lies in a year without calendar
   */
  public LocalDate reminderDate(LocalDate due, LegalDuration before) {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(before, "before");
    if (before.isZero()) {
      return due;
    }
    return switch (before.unit()) {
      case CALENDAR_DAYS -> {
        LocalDate day = due.minusDays(before.amount());
        while (!calendar.isWorkingDay(day)) {
          day = day.minusDays(1);
        }
        yield day;
      }
      case WORKING_DAYS -> {
        LocalDate day = due;
        for (int counted = 0; counted < before.amount(); ) {
          day = day.minusDays(1);
          if (calendar.isWorkingDay(day)) {
            counted++;
          }
        }
        yield day;
      }
    };
  }

  /**
   * @throws MissingHolidayCalendarException when the day's year has no calendar
   */
  public boolean isWorkingDay(LocalDate day) {
    return calendar.isWorkingDay(day);
  }

  /** The years with a holiday calendar, ascending. */
  public Set<Integer> coveredYears() {
    return calendar.years();
  }

  public ZoneId zone() {
    return zone;
  }

  private LocalDate nextWorkingDayFrom(LocalDate day) {
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }
}

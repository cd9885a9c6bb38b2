package org.anjia.registry.deadlines;

import java.time.LocalDate;

/**
 * A deadline needs to know whether a day of a year is a working day, and the repository has no
 * holiday arrangement for that year ({@code calendars/cn-<year>.yaml}). Counting it as weekdays only
 * would be wrong by up to a week around the Spring Festival and National Day, so the deadline is
 * refused instead; add the file from the State Council General Office's notice for that year.
 */
public class MissingHolidayCalendarException extends IllegalStateException {

  private final int year;
  private final LocalDate day;

  MissingHolidayCalendarException(LocalDate day) {
    super("No holiday calendar for " + day.getYear() + ": cannot tell whether " + day
        + " is a working day. Add calendars/cn-" + day.getYear() + ".yaml from 国务院办公厅关于"
        + day.getYear() + "年部分节假日安排的通知 (the notice comes out in the November before).");
    this.year = day.getYear();
    this.day = day;
  }

  /** The year without an arrangement. */
  public int year() {
    return year;
  }

  /** The first day the calculation needed and could not classify. */
  public LocalDate day() {
    return day;
  }
}

package org.anjia.registry.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One year's arrangement of public holidays as the State Council General Office announces it
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知), read from {@code calendars/cn-<year>.yaml}.
 *
 * @param year the year the notice arranges
 * @param source the notice
 * @param holidays its items, one per festival (or merged festivals), in the notice's order
 */
record HolidayArrangement(int year, Source source, List<Holiday> holidays) {

  /** The festivals of 全国年节及纪念日放假办法 art. 2 on which every citizen has a holiday. */
  static final Set<String> FESTIVALS = Set.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

  /**
   * @param title the notice's title
   * @param documentNumber its number (文号), e.g. 国办发明电〔2024〕12号
   * @param documentNumberVerified whether the number was read on an official page
   * @param issued the date the notice bears
   */
  record Source(String title, String documentNumber, boolean documentNumberVerified, LocalDate issued) {

    String citation() {
      return title + "（" + documentNumber + (documentNumberVerified ? "" : "，文号未核实") + "）";
    }
  }

  /**
   * @param name the festival, or festivals joined by 、 when the notice merges them (国庆节、中秋节)
   * @param notice the notice's own words for this item, kept for review
   * @param firstDayOff first day of the holiday (放假)
   * @param lastDayOff last day of the holiday, inclusive
   * @param makeUpWorkingDays weekend days the notice makes working days (…上班)
   */
  record Holiday(String name, String notice, LocalDate firstDayOff, LocalDate lastDayOff,
      List<LocalDate> makeUpWorkingDays) {

    Stream<LocalDate> daysOff() {
      return firstDayOff.datesUntil(lastDayOff.plusDays(1));
    }

    long count() {
      return ChronoUnit.DAYS.between(firstDayOff, lastDayOff) + 1;
    }
  }

  HolidayArrangement {
    holidays = List.copyOf(holidays);
    if (holidays.isEmpty()) {
      throw new IllegalArgumentException(year + ": an arrangement without holidays");
    }
    Map<LocalDate, String> daysOff = new HashMap<>();
    for (Holiday holiday : holidays) {
      for (String festival : holiday.name().split("、")) {
        if (!FESTIVALS.contains(festival)) {
          throw new IllegalArgumentException(year + ": \"" + festival + "\" is none of " + FESTIVALS);
        }
      }
      if (holiday.lastDayOff().isBefore(holiday.firstDayOff())) {
        throw new IllegalArgumentException(year + " " + holiday.name() + ": the holiday ends before it starts");
      }
      for (LocalDate day : holiday.daysOff().toList()) {
        requireNear(year, day, holiday.name());
        String other = daysOff.putIfAbsent(day, holiday.name());
        if (other != null) {
          throw new IllegalArgumentException(
              year + ": " + day + " is a day off of both " + other + " and " + holiday.name());
        }
      }
    }
    for (Holiday holiday : holidays) {
      for (LocalDate day : holiday.makeUpWorkingDays()) {
        requireNear(year, day, holiday.name());
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
          throw new IllegalArgumentException(year + " " + holiday.name() + ": make-up working day " + day
              + " is a " + day.getDayOfWeek() + ", but make-up working days are weekend days");
        }
        if (daysOff.containsKey(day)) {
          throw new IllegalArgumentException(year + " " + holiday.name() + ": " + day
              + " is both a make-up working day and a day off of " + daysOff.get(day));
        }
      }
    }
  }

  /** A notice arranges its own year; its first holiday may start a few days before (元旦 of some years). */
  private static void requireNear(int year, LocalDate day, String holiday) {
    if (day.getYear() < year - 1 || day.getYear() > year) {
      throw new IllegalArgumentException(year + " " + holiday + ": " + day + " is not in " + year);
    }
  }

  Stream<LocalDate> daysOff() {
    return holidays.stream().flatMap(Holiday::daysOff);
  }

  Stream<LocalDate> makeUpWorkingDays() {
    return holidays.stream().flatMap(holiday -> holiday.makeUpWorkingDays().stream());
  }
}

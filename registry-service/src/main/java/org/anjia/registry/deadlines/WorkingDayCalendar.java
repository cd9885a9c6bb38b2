package org.anjia.registry.deadlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Which days are working days (工作日): Monday to Friday, except the days off of the State Council's
 * arrangement for the year, plus the weekend days that arrangement makes working days (调休上班).
 * Only years with an arrangement are known; asking about any other year throws
 * {@link MissingHolidayCalendarException}.
 */
final class WorkingDayCalendar {

  /** Where the service finds the arrangements unless configured otherwise. */
  static final String BUNDLED = "classpath*:calendars/cn-*.yaml";

  private final Map<Integer, HolidayArrangement> arrangements;
  private final Set<LocalDate> daysOff = new HashSet<>();
  private final Set<LocalDate> makeUpWorkingDays = new HashSet<>();

  WorkingDayCalendar(Collection<HolidayArrangement> arrangements) {
    Map<Integer, HolidayArrangement> byYear = new TreeMap<>();
    for (HolidayArrangement arrangement : arrangements) {
      if (byYear.put(arrangement.year(), arrangement) != null) {
        throw new IllegalStateException("Two holiday calendars for " + arrangement.year());
      }
      arrangement.daysOff().forEach(daysOff::add);
      arrangement.makeUpWorkingDays().forEach(makeUpWorkingDays::add);
    }
    for (LocalDate day : makeUpWorkingDays) {
      if (daysOff.contains(day)) {
        throw new IllegalStateException(day + " is a day off in one holiday calendar and a make-up working day in another");
      }
    }
    this.arrangements = Collections.unmodifiableMap(byYear);
  }

  /** Every {@code cn-<year>.yaml} the location pattern finds, e.g. {@value #BUNDLED}. */
  static WorkingDayCalendar load(String locationPattern) {
    return load(new PathMatchingResourcePatternResolver(), locationPattern);
  }

  static WorkingDayCalendar load(ResourcePatternResolver resolver, String locationPattern) {
    Resource[] resources;
    try {
      resources = resolver.getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list holiday calendars at " + locationPattern, e);
    }
    List<HolidayArrangement> arrangements = new ArrayList<>();
    for (Resource resource : resources) {
      arrangements.add(HolidayCalendarReader.read(resource));
    }
    if (arrangements.isEmpty()) {
      throw new IllegalStateException("No holiday calendars at " + locationPattern);
    }
    return new WorkingDayCalendar(arrangements);
  }

  /**
   * @throws MissingHolidayCalendarException when the day's year has no arrangement
   */
  boolean isWorkingDay(LocalDate day) {
    if (!arrangements.containsKey(day.getYear())) {
      throw new MissingHolidayCalendarException(day);
    }
    if (makeUpWorkingDays.contains(day)) {
      return true;
    }
    if (daysOff.contains(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  Set<Integer> years() {
    return arrangements.keySet();
  }

  Map<Integer, HolidayArrangement> arrangements() {
    return arrangements;
  }
}

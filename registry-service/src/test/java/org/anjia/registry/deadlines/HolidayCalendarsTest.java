package org.anjia.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar files in src/main/resources/calendars, and the reader's refusals. */
class HolidayCalendarsTest {

  private final WorkingDayCalendar bundled = WorkingDayCalendar.load(WorkingDayCalendar.BUNDLED);

  @Test
  void coversTheAnnouncedYearsAndAProvisionalNextYear() {
    assertThat(bundled.years()).contains(2025, 2026, 2027);
    assertThat(bundled.arrangements().get(2027).source().title()).contains("临时日历");
  }

  @Test
  void theProvisionalYearHoldsTheStatutoryDaysOfTheDecree() {
    // 全国年节及纪念日放假办法 (2024): 1 + 4 + 1 + 2 + 1 + 1 + 3 statutory days, no 调休 until the notice
    HolidayArrangement provisional = bundled.arrangements().get(2027);
    assertThat(provisional.daysOff().count()).isEqualTo(13);
    assertThat(provisional.makeUpWorkingDays().count()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      // year, days off, make-up working days (totals of the notices' items)
      "2025, 28, 5",
      "2026, 33, 6"
  })
  void holdsEveryDayOfTheNotice(int year, long daysOff, long makeUpDays) {
    HolidayArrangement arrangement = bundled.arrangements().get(year);

    assertThat(arrangement.daysOff().count()).isEqualTo(daysOff);
    assertThat(arrangement.makeUpWorkingDays().count()).isEqualTo(makeUpDays);
    assertThat(arrangement.source().title()).isEqualTo("国务院办公厅关于" + year + "年部分节假日安排的通知");
  }

  @Test
  void namesTheNotices() {
    assertThat(bundled.arrangements().get(2025).source().documentNumber()).isEqualTo("国办发明电〔2024〕12号");
    assertThat(bundled.arrangements().get(2025).source().issued()).isEqualTo(LocalDate.of(2024, 11, 12));
    assertThat(bundled.arrangements().get(2026).source().issued()).isEqualTo(LocalDate.of(2025, 11, 4));
    assertThat(bundled.arrangements().get(2026).source().citation()).contains("文号未核实");
  }

  /**
   * Each item keeps the notice's words; the dates and weekdays printed there must be the dates of the
   * item, in the notice's order: first day off, last day off (if more than one), make-up working days.
   */
  @Test
  void theDatesAgreeWithTheNoticesOwnWordsAndWeekdays() {
    Pattern printed = Pattern.compile("(?:(\\d{1,2})月)?(\\d{1,2})日（[^）]*?周([一二三四五六日])）");
    String weekdays = "一二三四五六日";
    for (HolidayArrangement arrangement : bundled.arrangements().values()) {
      for (HolidayArrangement.Holiday holiday : arrangement.holidays()) {
        List<LocalDate> expected = new ArrayList<>();
        expected.add(holiday.firstDayOff());
        if (!holiday.lastDayOff().equals(holiday.firstDayOff())) {
          expected.add(holiday.lastDayOff());
        }
        expected.addAll(holiday.makeUpWorkingDays());

        List<String> actual = new ArrayList<>();
        Matcher matcher = printed.matcher(holiday.notice());
        int month = 0;
        while (matcher.find()) {
          month = matcher.group(1) != null ? Integer.parseInt(matcher.group(1)) : month;
          actual.add(month + "-" + matcher.group(2) + " 周" + matcher.group(3));
        }
        assertThat(actual)
            .as("%d %s: %s", arrangement.year(), holiday.name(), holiday.notice())
            .containsExactlyElementsOf(expected.stream()
                .map(d -> d.getMonthValue() + "-" + d.getDayOfMonth() + " 周"
                    + weekdays.charAt(d.getDayOfWeek().getValue() - 1))
                .toList());
      }
    }
  }

  @Test
  void classifiesDays() {
    assertThat(bundled.isWorkingDay(LocalDate.of(2026, 2, 14))).as("make-up Saturday").isTrue();
    assertThat(bundled.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday in 春节").isFalse();
    assertThat(bundled.isWorkingDay(LocalDate.of(2026, 2, 21))).as("Saturday in 春节").isFalse();
    assertThat(bundled.isWorkingDay(LocalDate.of(2026, 3, 14))).as("plain Saturday").isFalse();
    assertThat(bundled.isWorkingDay(LocalDate.of(2026, 3, 16))).as("plain Monday").isTrue();
    assertThat(bundled.isWorkingDay(LocalDate.of(2025, 10, 8))).as("Wednesday in 国庆节").isFalse();
    assertThat(bundled.isWorkingDay(LocalDate.of(2025, 10, 11))).as("make-up Saturday").isTrue();
    assertThat(LocalDate.of(2025, 10, 11).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
  }

  // --- the reader refuses files that would shift deadlines quietly -------------------------------

  private static final String VALID = """
      year: 2026
      source:
        title: 国务院办公厅关于2026年部分节假日安排的通知
        document-number: 国办发明电〔2025〕7号
        issued: 2025-11-04
      holidays:
        - name: 劳动节
          days-off: {from: 2026-05-01, to: 2026-05-05, count: 5}
          make-up-working-days: [2026-05-09]
      """;

  private static HolidayArrangement read(String yaml) {
    return HolidayCalendarReader.read("cn-2026.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsAMinimalFile() {
    HolidayArrangement arrangement = read(VALID);

    assertThat(arrangement.year()).isEqualTo(2026);
    assertThat(arrangement.holidays().getFirst().makeUpWorkingDays()).containsExactly(LocalDate.of(2026, 5, 9));
    assertThat(arrangement.source().documentNumberVerified()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      count: 5}                       | count: 4}                        | is 5 days, but count says 4
      make-up-working-days: [2026-05-09] | make-up-working-days: [2026-05-08] | 2026-05-08 is a FRIDAY
      make-up-working-days: [2026-05-09] | make-up-working-days: [2026-05-02] | both a make-up working day and a day off
      make-up-working-days: [2026-05-09] | make-up-workdays: [2026-05-09]  | unknown key "make-up-workdays"
      name: 劳动节                     | name: 五一                         | "五一" is none of
      to: 2026-05-05                  | to: 2026-05-32                   | is not a date
      from: 2026-05-01, to: 2026-05-05, count: 5 | from: 2027-05-01, to: 2027-05-05, count: 5 | is not in 2026
      """)
  void refusesBrokenFiles(String original, String broken, String message) {
    assertThat(VALID).contains(original);

    assertThatThrownBy(() -> read(VALID.replace(original, broken)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cn-2026.yaml")
        .hasMessageContaining(message);
  }

  @Test
  void refusesOverlappingHolidays() {
    String yaml = VALID + """
          - name: 端午节
            days-off: {from: 2026-05-05, to: 2026-05-06, count: 2}
            make-up-working-days: []
        """;

    assertThatThrownBy(() -> read(yaml)).hasMessageContaining("2026-05-05 is a day off of both 劳动节 and 端午节");
  }

  @Test
  void refusesAFileWhoseYearDisagreesWithItsName() {
    var resource = new org.springframework.core.io.ByteArrayResource(
        VALID.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "cn-2027.yaml";
      }
    };

    assertThatThrownBy(() -> HolidayCalendarReader.read(resource)).hasMessageContaining("cn-2027.yaml declares year 2026");
  }
}

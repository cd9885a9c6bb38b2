package org.anjia.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anjia.registry.deadlines.LegalDuration.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LegalDurationTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      30 working days | 30 | WORKING_DAYS
      1 working day   | 1  | WORKING_DAYS
      30WD            | 30 | WORKING_DAYS
      30 wd           | 30 | WORKING_DAYS
      '  30   Working   Days '| 30 | WORKING_DAYS
      30个工作日       | 30 | WORKING_DAYS
      30 工作日        | 30 | WORKING_DAYS
      60 calendar days| 60 | CALENDAR_DAYS
      60 days         | 60 | CALENDAR_DAYS
      60D             | 60 | CALENDAR_DAYS
      P60D            | 60 | CALENDAR_DAYS
      p60d            | 60 | CALENDAR_DAYS
      60日            | 60 | CALENDAR_DAYS
      60天            | 60 | CALENDAR_DAYS
      60个自然日       | 60 | CALENDAR_DAYS
      0 working days  | 0  | WORKING_DAYS
      P0D             | 0  | CALENDAR_DAYS
      """)
  void readsEverySpelling(String text, int amount, Unit unit) {
    assertThat(LegalDuration.parse(text)).isEqualTo(new LegalDuration(amount, unit));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30 working days", "1 working day", "60 calendar days", "1 calendar day", "0 calendar days"})
  void theCanonicalFormRoundTrips(String canonical) {
    LegalDuration duration = LegalDuration.parse(canonical);

    assertThat(duration).hasToString(canonical);
    assertThat(LegalDuration.parse(duration.toString())).isEqualTo(duration);
  }

  @Test
  void everyValueFormatsToTextThatParsesBack() {
    for (Unit unit : Unit.values()) {
      for (int amount : new int[] {0, 1, 2, 30, 60, LegalDuration.MAX_AMOUNT}) {
        LegalDuration duration = new LegalDuration(amount, unit);
        assertThat(LegalDuration.parse(duration.toString())).isEqualTo(duration);
      }
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void refusesNothing(String text) {
    assertThatThrownBy(() -> LegalDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("30 working days");
  }

  @Test
  void refusesANumberWithoutUnit() {
    assertThatThrownBy(() -> LegalDuration.parse("30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"30\" has no unit")
        .hasMessageContaining("\"30 working days\"")
        .hasMessageContaining("\"60 calendar days\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1M", "P1Y", "P2W", "PT24H", "P1DT2H"})
  void refusesIsoDurationsThatAreNotWholeDays(String text) {
    assertThatThrownBy(() -> LegalDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining("whole days");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thirty days", "-5 days", "30 weeks", "30 working hours", "1e3D", "30.5 days", "WD30", "三十日"})
  void refusesGarbageNamingIt(String text) {
    assertThatThrownBy(() -> LegalDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a legal duration: \"" + text + "\"")
        .hasMessageContaining("e.g.");
  }

  @Test
  void refusesAbsurdLengths() {
    assertThatThrownBy(() -> LegalDuration.parse("99999 days"))
        .hasMessageContaining("longer than " + LegalDuration.MAX_AMOUNT);
    assertThatThrownBy(() -> LegalDuration.parse("99999999999999999999WD"))
        .hasMessageContaining("longer than " + LegalDuration.MAX_AMOUNT);
    assertThatThrownBy(() -> LegalDuration.workingDays(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}

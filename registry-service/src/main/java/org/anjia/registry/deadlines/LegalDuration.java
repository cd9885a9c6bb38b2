package org.anjia.registry.deadlines;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the law states it: a number of days, and whether they are calendar days (日, 自然日)
 * or working days (工作日: weekends and announced public holidays left out, announced make-up working
 * days counted). A law that says only "30日" means calendar days; it says 工作日 when it means working
 * days (e.g. 行政许可法 art. 82).
 *
 * <p>Configuration syntax ({@link #parse}, case and spaces ignored):
 *
 * <table>
 *   <caption>accepted spellings</caption>
 *   <tr><th>unit</th><th>canonical</th><th>also accepted</th></tr>
 *   <tr><td>working days</td><td>{@code 30 working days}</td><td>{@code 30WD}, {@code 30 工作日},
 *       {@code 30个工作日}</td></tr>
 *   <tr><td>calendar days</td><td>{@code 60 calendar days}</td><td>{@code 60D}, {@code 60 days},
 *       {@code P60D} (ISO-8601, days only), {@code 60日}, {@code 60天}, {@code 60个自然日}</td></tr>
 * </table>
 *
 * <p>A bare number is refused: the unit changes the result by weeks around the Spring Festival, so
 * it must be written. {@link #toString()} gives the canonical form, which parses back to an equal
 * value. Months and years (民法典 art. 202) are not days and are not accepted here.
 *
 * @param amount how many days, 0 to {@value #MAX_AMOUNT}
 * @param unit calendar or working days
 */
public record LegalDuration(int amount, Unit unit) {

  /** Ten years of days: anything longer is a typo, not a time limit. */
  public static final int MAX_AMOUNT = 3660;

  public enum Unit {
    /** 日 / 自然日: every day counts. */
    CALENDAR_DAYS,
    /** 工作日: only the days the State Council's arrangement makes working days count. */
    WORKING_DAYS
  }

  private static final Pattern ISO_DAYS = Pattern.compile("p(\\d+)d");
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(\\S.*)?");
  private static final Map<String, Unit> UNIT_WORDS = Map.ofEntries(
      Map.entry("working days", Unit.WORKING_DAYS),
      Map.entry("working day", Unit.WORKING_DAYS),
      Map.entry("wd", Unit.WORKING_DAYS),
      Map.entry("工作日", Unit.WORKING_DAYS),
      Map.entry("个工作日", Unit.WORKING_DAYS),
      Map.entry("calendar days", Unit.CALENDAR_DAYS),
      Map.entry("calendar day", Unit.CALENDAR_DAYS),
      Map.entry("days", Unit.CALENDAR_DAYS),
      Map.entry("day", Unit.CALENDAR_DAYS),
      Map.entry("d", Unit.CALENDAR_DAYS),
      Map.entry("日", Unit.CALENDAR_DAYS),
      Map.entry("天", Unit.CALENDAR_DAYS),
      Map.entry("自然日", Unit.CALENDAR_DAYS),
      Map.entry("个自然日", Unit.CALENDAR_DAYS));
  private static final String EXAMPLES = "write the number and the unit, e.g. \"30 working days\" (or \"30WD\", "
      + "\"30个工作日\") or \"60 calendar days\" (or \"60D\", \"P60D\", \"60日\")";

  public LegalDuration {
    Objects.requireNonNull(unit, "unit");
    if (amount < 0 || amount > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "A legal duration counts 0 to " + MAX_AMOUNT + " days, not " + amount);
    }
  }

  public static LegalDuration calendarDays(int amount) {
    return new LegalDuration(amount, Unit.CALENDAR_DAYS);
  }

  public static LegalDuration workingDays(int amount) {
    return new LegalDuration(amount, Unit.WORKING_DAYS);
  }

  /**
   * Reads the configuration syntax described on the type.
   *
   * @throws IllegalArgumentException naming the text and the accepted spellings when it is not one
   */
  public static LegalDuration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A legal duration is missing: " + EXAMPLES);
    }
    String normalized = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    Matcher iso = ISO_DAYS.matcher(normalized);
    if (iso.matches()) {
      return new LegalDuration(amount(iso.group(1), text), Unit.CALENDAR_DAYS);
    }
    if (normalized.startsWith("p")) {
      throw new IllegalArgumentException("Not a legal duration: \"" + text
          + "\". Only ISO-8601 durations in whole days (\"P60D\") are legal durations; months, years, weeks"
          + " and hours are not. Otherwise " + EXAMPLES);
    }
    Matcher matcher = AMOUNT_AND_UNIT.matcher(normalized);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a legal duration: \"" + text + "\"; " + EXAMPLES);
    }
    if (matcher.group(2) == null) {
      throw new IllegalArgumentException("Not a legal duration: \"" + text
          + "\" has no unit, and calendar days and working days differ by weeks around the holidays; "
          + EXAMPLES);
    }
    Unit unit = UNIT_WORDS.get(matcher.group(2));
    if (unit == null) {
      throw new IllegalArgumentException("Not a legal duration: \"" + text + "\" (unknown unit \""
          + matcher.group(2) + "\"); " + EXAMPLES);
    }
    return new LegalDuration(amount(matcher.group(1), text), unit);
  }

  private static int amount(String digits, String text) {
    // more digits than an int holds is refused by the range check, not by a NumberFormatException
    int amount = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (amount > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "Not a legal duration: \"" + text + "\" is longer than " + MAX_AMOUNT + " days");
    }
    return amount;
  }

  public boolean isZero() {
    return amount == 0;
  }

  /** The canonical configuration form: "30 working days", "1 working day", "60 calendar days". */
  @Override
  public String toString() {
    String noun = unit == Unit.WORKING_DAYS ? "working day" : "calendar day";
    return amount + " " + noun + (amount == 1 ? "" : "s");
  }
}

package org.anjia.registry.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one {@code calendars/cn-<year>.yaml} (format described in cn-2025.yaml). Strict on purpose:
 * an unknown key, a missing field, a count that disagrees with the range, or a year that disagrees
 * with the file name stops the service at start instead of shifting deadlines quietly.
 */
final class HolidayCalendarReader {

  static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.yaml");

  private static final Set<String> TOP_KEYS = Set.of("year", "source", "holidays");
  private static final Set<String> SOURCE_KEYS =
      Set.of("title", "document-number", "document-number-verified", "issued", "verification");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "notice", "days-off", "make-up-working-days");
  private static final Set<String> RANGE_KEYS = Set.of("from", "to", "count");

  private HolidayCalendarReader() {}

  static HolidayArrangement read(Resource resource) {
    String fileName = resource.getFilename();
    Matcher name = FILE_NAME.matcher(fileName == null ? "" : fileName);
    if (!name.matches()) {
      throw new IllegalStateException("Holiday calendar " + resource + " must be named cn-<year>.yaml");
    }
    try (InputStream in = resource.getInputStream()) {
      HolidayArrangement arrangement = read(fileName, in);
      if (arrangement.year() != Integer.parseInt(name.group(1))) {
        throw new IllegalStateException(
            "Holiday calendar " + fileName + " declares year " + arrangement.year());
      }
      return arrangement;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read holiday calendar " + resource, e);
    }
  }

  static HolidayArrangement read(String fileName, InputStream in) {
    try {
      Map<String, Object> root = map(yaml().load(in), "the file", TOP_KEYS);
      int year = integer(root.get("year"), "year");
      Map<String, Object> source = map(root.get("source"), "source", SOURCE_KEYS);
      Object verified = source.getOrDefault("document-number-verified", Boolean.FALSE);
      if (!(verified instanceof Boolean)) {
        throw new IllegalArgumentException("source.document-number-verified must be true or false");
      }
      HolidayArrangement.Source notice = new HolidayArrangement.Source(
          text(source.get("title"), "source.title"),
          text(source.get("document-number"), "source.document-number"),
          (Boolean) verified,
          date(source.get("issued"), "source.issued"));

      List<HolidayArrangement.Holiday> holidays = new ArrayList<>();
      if (!(root.get("holidays") instanceof List<?> items)) {
        throw new IllegalArgumentException("holidays must be a list");
      }
      for (Object item : items) {
        Map<String, Object> holiday = map(item, "a holiday", HOLIDAY_KEYS);
        String festival = text(holiday.get("name"), "holidays[].name");
        String where = "holidays[" + festival + "]";
        Map<String, Object> range = map(holiday.get("days-off"), where + ".days-off", RANGE_KEYS);
        LocalDate from = date(range.get("from"), where + ".days-off.from");
        LocalDate to = date(range.get("to"), where + ".days-off.to");
        int count = integer(range.get("count"), where + ".days-off.count");
        List<LocalDate> makeUp = new ArrayList<>();
        if (!(holiday.get("make-up-working-days") instanceof List<?> days)) {
          throw new IllegalArgumentException(where + ".make-up-working-days must be a list ([] for none)");
        }
        for (Object day : days) {
          makeUp.add(date(day, where + ".make-up-working-days"));
        }
        Object words = holiday.get("notice");
        HolidayArrangement.Holiday parsed = new HolidayArrangement.Holiday(
            festival, words == null ? "" : words.toString(), from, to, List.copyOf(makeUp));
        if (parsed.count() != count) {
          throw new IllegalArgumentException(where + ": " + from + " to " + to + " is " + parsed.count()
              + " days, but count says " + count);
        }
        holidays.add(parsed);
      }
      return new HolidayArrangement(year, notice, holidays);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Holiday calendar " + fileName + " is invalid: " + e.getMessage(), e);
    }
  }

  /** SnakeYAML, except that dates stay text (its timestamps are java.util.Date in UTC) and no custom tags. */
  private static Yaml yaml() {
    LoaderOptions loading = new LoaderOptions();
    DumperOptions dumping = new DumperOptions();
    Resolver datesAsText = new Resolver() {
      @Override
      public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && TIMESTAMP.matcher(value).matches()) {
          return Tag.STR;
        }
        return super.resolve(kind, value, implicit);
      }
    };
    return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, datesAsText);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what, Set<String> keys) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " must be a mapping");
    }
    for (Object key : map.keySet()) {
      if (!keys.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(what + " has unknown key \"" + key + "\" (known: " + keys + ")");
      }
    }
    return (Map<String, Object>) map;
  }

  private static String text(Object value, String what) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value.toString().strip();
  }

  private static int integer(Object value, String what) {
    if (!(value instanceof Integer number)) {
      throw new IllegalArgumentException(what + " must be a whole number, not " + value);
    }
    return number;
  }

  private static LocalDate date(Object value, String what) {
    try {
      return LocalDate.parse(text(value, what));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + ": \"" + value + "\" is not a date (yyyy-mm-dd)");
    }
  }
}

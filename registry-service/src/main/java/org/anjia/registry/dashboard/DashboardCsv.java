package org.anjia.registry.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.anjia.registry.web.Labels;

/**
 * The dashboard as one CSV table (section, code, name, count, overdue, median days), in the
 * request's language. UTF-8 with a byte-order mark, so Excel opens the Chinese as Chinese.
 */
final class DashboardCsv {

  private static final String BOM = "\uFEFF";

  private DashboardCsv() {}

  static String of(DashboardView view, Labels labels) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of(labels.of("anjia.dashboard.csv.section"), labels.of("anjia.dashboard.csv.code"),
        labels.of("anjia.dashboard.csv.name"), labels.of("anjia.dashboard.csv.count"),
        labels.of("anjia.dashboard.csv.overdue"), labels.of("anjia.dashboard.csv.medianDays")));
    String steps = labels.of("anjia.dashboard.section.tasksByStep");
    view.tasksByStep().forEach(s -> rows.add(row(steps, s.processId() + ":" + s.elementId(),
        s.name() + " (" + s.processName() + ")", s.open(), s.overdue(), null)));
    String people = labels.of("anjia.dashboard.section.tasksByPerson");
    view.tasksByPerson().forEach(p -> rows.add(row(people, p.assignee(), p.label(), p.open(), p.overdue(), null)));
    String statuses = labels.of("anjia.dashboard.section.applicationsByStatus");
    view.applicationsByStatus().forEach(s -> rows.add(row(statuses, s.status().name(), s.label(), s.count(), null, null)));
    String decisions = labels.of("anjia.dashboard.section.decisionTimes");
    view.decisionTimes().forEach(d -> rows.add(row(decisions, d.journey().name(), d.label(), d.decided(), null,
        d.medianDays())));
    String categories = labels.of("anjia.dashboard.section.childrenByCategory");
    view.childrenByCategory().forEach(c -> rows.add(row(categories, c.code(), c.label(), c.count(), null, null)));
    String placements = labels.of("anjia.dashboard.section.childrenByPlacement");
    view.childrenByPlacement().forEach(c -> rows.add(row(placements, c.code(), c.label(), c.count(), null, null)));
    StringBuilder csv = new StringBuilder(BOM);
    for (List<Object> row : rows) {
      csv.append(String.join(",", row.stream().map(DashboardCsv::cell).toList())).append("\r\n");
    }
    return csv.toString();
  }

  private static List<Object> row(String section, String code, String name, long count, Long overdue,
      BigDecimal medianDays) {
    List<Object> row = new ArrayList<>();
    row.add(section);
    row.add(code);
    row.add(name);
    row.add(count);
    row.add(overdue);
    row.add(medianDays == null ? null : medianDays.toPlainString());
    return row;
  }

  /** RFC 4180 quoting; text that a spreadsheet would run as a formula is kept as text. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = Objects.toString(value);
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}

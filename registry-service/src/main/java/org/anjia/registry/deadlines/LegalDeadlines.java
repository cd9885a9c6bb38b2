package org.anjia.registry.deadlines;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The legal periods the processes ask for by name (header {@code deadline} of the due-date step).
 * Defaults and sources are in application.yaml ({@code anjia.deadlines.periods}). Where the law sets
 * only a floor ("不少于30日"), {@code anjia.deadlines.minimums} holds it, and a period configured
 * below its floor stops the service at start: a configuration error cannot shorten a legal period.
 */
@ConfigurationProperties("anjia.deadlines")
record LegalDeadlines(Map<String, LegalDuration> periods, Map<String, LegalDuration> minimums) {

  LegalDeadlines {
    periods = periods == null ? Map.of() : Map.copyOf(periods);
    minimums = minimums == null ? Map.of() : Map.copyOf(minimums);
    for (Map.Entry<String, LegalDuration> floor : minimums.entrySet()) {
      LegalDuration period = periods.get(floor.getKey());
      if (period == null || period.unit() != floor.getValue().unit()
          || period.amount() < floor.getValue().amount()) {
        throw new IllegalArgumentException("anjia.deadlines.periods." + floor.getKey() + " (" + period
            + ") must be at least its legal minimum " + floor.getValue() + ", counted the same way");
      }
    }
  }

  LegalDuration period(String name) {
    LegalDuration period = periods.get(name);
    if (period == null) {
      throw new IllegalArgumentException("No legal period '" + name + "' configured (anjia.deadlines.periods): "
          + periods.keySet());
    }
    return period;
  }
}

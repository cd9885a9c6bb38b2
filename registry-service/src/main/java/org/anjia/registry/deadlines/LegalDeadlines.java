package org.anjia.registry.deadlines;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The legal periods the processes ask for by name (header {@code deadline} of the due-date step).
 * Defaults and sources are in application.yaml ({@code anjia.deadlines.periods}).
 */
@ConfigurationProperties("anjia.deadlines")
record LegalDeadlines(Map<String, LegalDuration> periods) {

  LegalDuration period(String name) {
    LegalDuration period = periods.get(name);
    if (period == null) {
      throw new IllegalArgumentException("No legal period '" + name + "' configured (anjia.deadlines.periods): "
          + periods.keySet());
    }
    return period;
  }
}

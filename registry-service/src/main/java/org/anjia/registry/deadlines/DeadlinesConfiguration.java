package org.anjia.registry.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The {@link DueDates} bean. Holiday calendars are read once at start from
 * {@code anjia.deadlines.calendars} (default: every {@code calendars/cn-<year>.yaml} on the class
 * path); an invalid file stops the start. Days are counted in {@code anjia.time-zone}.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties({LegalDeadlines.class, TaskDeadlines.Settings.class})
class DeadlinesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DeadlinesConfiguration.class);

  @Bean
  DueDates dueDates(
      @Value("${anjia.deadlines.calendars:" + WorkingDayCalendar.BUNDLED + "}") String calendars,
      @Value("${anjia.time-zone:Asia/Shanghai}") ZoneId zone,
      ResourceLoader resourceLoader,
      ObjectProvider<Clock> clock) {
    WorkingDayCalendar calendar =
        WorkingDayCalendar.load(ResourcePatternUtils.getResourcePatternResolver(resourceLoader), calendars);
    log.info("Holiday calendars: {}", calendar.arrangements().values().stream()
        .map(arrangement -> arrangement.year() + " " + arrangement.source().citation())
        .collect(Collectors.joining("; ")));
    int nextYear = LocalDate.now(clock.getIfAvailable(() -> Clock.system(zone))).getYear() + 1;
    if (!calendar.years().contains(nextYear)) {
      log.warn("No holiday calendar for {} yet: deadlines that reach into {} are refused until "
          + "calendars/cn-{}.yaml is added from the State Council General Office's notice (published each November)",
          nextYear, nextYear, nextYear);
    }
    return new DueDates(calendar, zone);
  }

  /** The models' due-date step: {@code camunda:delegateExpression="${dueDate}"}. */
  @Bean(DueDateStep.BEAN)
  DueDateStep dueDateStep(DueDates dueDates, LegalDeadlines deadlines, Clock clock) {
    return new DueDateStep(dueDates, deadlines, clock);
  }

  @Bean(TaskDeadlines.BEAN)
  TaskDeadlines taskDeadlines(TaskDeadlines.Settings settings, Clock clock) {
    return new TaskDeadlines(settings, clock);
  }
}

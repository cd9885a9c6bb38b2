package org.anjia.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A small context: the converter binds configuration, and the configuration builds DueDates. */
class DeadlinesConfigurationTest {

  @ConfigurationProperties("test.deadlines")
  record Clocks(LegalDuration review, LegalDuration notice, Map<String, LegalDuration> reminders) {}

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Clocks.class)
  static class BindClocks {}

  // the service's one clock (the engine's, EngineConfiguration) is a bean the deadlines read
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withBean(Clock.class, () -> Clock.system(ZoneId.of("Asia/Shanghai")))
      .withUserConfiguration(LegalDurationConverter.class, DeadlinesConfiguration.class, BindClocks.class);

  @Test
  void bindsLegalDurationsFromConfiguration() {
    context.withPropertyValues(
            "test.deadlines.review=30 calendar days",
            "test.deadlines.notice=P60D",
            "test.deadlines.reminders.review=3WD")
        .run(started -> {
          assertThat(started).hasNotFailed();
          Clocks clocks = started.getBean(Clocks.class);
          assertThat(clocks.review()).isEqualTo(LegalDuration.calendarDays(30));
          assertThat(clocks.notice()).isEqualTo(LegalDuration.calendarDays(60));
          assertThat(clocks.reminders()).containsEntry("review", LegalDuration.workingDays(3));
        });
  }

  @Test
  void refusesToStartWithAnUnreadableDuration() {
    context.withPropertyValues("test.deadlines.review=30")
        .run(started -> assertThat(started).getFailure()
            .rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"30\" has no unit"));
  }

  @Test
  void providesDueDatesCountedInTheConfiguredZone() {
    context.withPropertyValues("anjia.time-zone=Asia/Shanghai").run(started -> {
      DueDates dueDates = started.getBean(DueDates.class);
      assertThat(dueDates.zone().getId()).isEqualTo("Asia/Shanghai");
      assertThat(dueDates.coveredYears()).contains(2025, 2026);
      assertThat(dueDates.dueDate(LocalDate.of(2026, 2, 13), LegalDuration.workingDays(1)))
          .isEqualTo(LocalDate.of(2026, 2, 14));
    });
  }

  @Test
  void refusesToStartWithoutCalendars() {
    context.withPropertyValues("anjia.deadlines.calendars=classpath*:no-such-calendars/cn-*.yaml")
        .run(started -> assertThat(started).getFailure()
            .rootCause()
            .hasMessageContaining("No holiday calendars at classpath*:no-such-calendars/cn-*.yaml"));
  }

  @Test
  void refusesToStartWithAPeriodBelowItsLegalMinimum() {
    context.withPropertyValues(
            "anjia.deadlines.periods.integration-period=20 calendar days",
            "anjia.deadlines.minimums.integration-period=30 calendar days")
        .run(started -> assertThat(started).getFailure()
            .rootCause()
            .hasMessageContaining("anjia.deadlines.periods.integration-period (20 calendar days) must be at least"));
    context.withPropertyValues(
            "anjia.deadlines.periods.integration-period=45 calendar days",
            "anjia.deadlines.minimums.integration-period=30 calendar days")
        .run(started -> assertThat(started).hasNotFailed());
  }
}

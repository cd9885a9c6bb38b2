package org.anjia.registry.engine;

import java.time.Clock;
import java.time.ZoneId;
import org.anjia.processes.DecisionTable;
import org.operaton.bpm.engine.spring.ProcessEngineFactoryBean;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Operaton engine as every journey uses it. The starter builds the engine on the
 * service's DataSource and transaction manager (application.yaml, {@code operaton.bpm}); here: the
 * shared clock (Bean Validation's too), the decision-table delegate of the models, and Flyway before the engine, since
 * Flyway creates the engine's tables ({@code db/migration/V9__operaton_engine_schema}).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  Clock clock(@Value("${anjia.time-zone:Asia/Shanghai}") ZoneId zone) {
    return new EngineClock(zone);
  }

  /**
   * Bean Validation's "now" (@PastOrPresent on an admission date, a hearing's day) is the same clock:
   * a date the registry calls today is never refused as lying in the future.
   */
  @Bean
  ValidationConfigurationCustomizer validationOnTheEngineClock(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }

  /** Business rule tasks: {@code camunda:delegateExpression="${decisionTable}"} (processes/README.md). */
  @Bean(DecisionTable.BEAN)
  DecisionTable decisionTable() {
    return new DecisionTable();
  }

  /** The engine starts on tables Flyway has made: it never creates or alters its schema itself. */
  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor engineAfterFlyway() {
    return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngine.class, ProcessEngineFactoryBean.class,
        FlywayMigrationInitializer.class) {};
  }
}

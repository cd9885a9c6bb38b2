package org.anjia.registry;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The registry service: records in PostgreSQL, job workers for the journeys, the worklist and the
 * web pages. At start it deploys every model from {@code processes/} and {@code forms/}; deploying
 * an unchanged resource again creates no new version, so every replica may do it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Deployment(resources = {"classpath*:/processes/*.bpmn", "classpath*:/processes/*.dmn", "classpath*:/forms/*.form"})
public class AnjiaApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnjiaApplication.class, args);
  }
}

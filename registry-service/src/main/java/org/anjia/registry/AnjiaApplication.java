package org.anjia.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The registry service: records in PostgreSQL, the embedded workflow engine with the journeys'
 * delegates, the worklist and the web pages. At start the engine deploys every model from
 * {@code processes/} and {@code forms/} as one deployment (application.yaml,
 * {@code operaton.bpm.deployment-resource-pattern}); an unchanged set creates no new version, and the
 * engine's deployment lock lets every replica try.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnjiaApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnjiaApplication.class, args);
  }
}

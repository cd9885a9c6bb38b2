package org.anjia.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The real parts every integration test runs against: one PostgreSQL (the service's engine runs
 * inside the service, on it) started once per test JVM and stopped when it exits, and Keycloak for
 * the login tests. Locations come from the build (system properties set by Surefire).
 */
public final class TestStack {

  private static TestStack instance;

  private final Path work;
  private final EmbeddedPostgres postgres;
  private KeycloakServer keycloak;

  private TestStack(Path work, EmbeddedPostgres postgres) {
    this.work = work;
    this.postgres = postgres;
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-stack-shutdown"));
    }
    return instance;
  }

  private static TestStack start() {
    try {
      Path work = Files.createTempDirectory("anjia-test-stack");
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
      return new TestStack(work, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + name + " is not set (the Maven build sets it)");
    }
    return value;
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  /** Another database on the same server (create it first), for a test that needs one of its own. */
  public String jdbcUrl(String database) {
    return postgres.getJdbcUrl("postgres", database);
  }

  /** The real Keycloak with the anjia realm, started on first use: only login tests need it. */
  public synchronized KeycloakServer keycloak() {
    if (keycloak == null) {
      keycloak = new KeycloakServer(KeycloakServer.Settings.forTest(
          Path.of(requiredProperty("anjia.keycloak.home")),
          Path.of(requiredProperty("anjia.root"), "infra/keycloak/anjia-realm.json"),
          work.resolve("keycloak")));
      keycloak.start();
    }
    return keycloak;
  }

  private synchronized void stop() {
    if (keycloak != null) {
      keycloak.stop();
    }
    try {
      postgres.close();
      deleteRecursively(work);
    } catch (IOException e) {
      // the JVM is exiting; a leftover temp directory is all that can remain
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

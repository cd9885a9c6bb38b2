package org.anjia.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The whole product on one machine, on embedded defaults: Keycloak with the anjia realm, then the
 * registry service, which starts its own PostgreSQL, runs the workflow engine inside and serves the
 * pages. State lives in
 * {@code .runtime/data} and survives restarts. Ctrl-C stops everything, service first.
 * Started by {@code infra/local/run}; it talks to the terminal directly (no logging framework).
 */
public final class LocalStack {

  /** The service's embedded PostgreSQL port (anjia.embedded-postgres.port). */
  private static final int POSTGRES_PORT = 55432;
  private static final int SERVICE_PORT = Integer.getInteger("anjia.port", 8080);
  private static final int KEYCLOAK_PORT = 8180;

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    // set by the exec plugin configuration in infra/runtime/pom.xml
    Path root = Path.of(System.getProperty("anjia.root", ".")).toAbsolutePath().normalize();
    Path runtime = root.resolve(".runtime");
    Path data = runtime.resolve("data");
    Path logs = runtime.resolve("logs");
    Files.createDirectories(logs);

    KeycloakServer keycloak = new KeycloakServer(new KeycloakServer.Settings(
        Path.of(System.getProperty("anjia.keycloak.home")),
        data.resolve("keycloak"),
        root.resolve("infra/keycloak/anjia-realm.json"),
        KEYCLOAK_PORT,
        logs.resolve("keycloak.log")));
    Process[] service = new Process[1];
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      say("Stopping Anjia…");
      Processes.stop(service[0]);
      keycloak.stop();
      say("Stopped.");
    }, "local-stack-shutdown"));

    say("Starting Keycloak (log: " + logs.resolve("keycloak.log") + "; the very first start builds it, ~1 min)");
    keycloak.start();

    Path jar = serviceJar(root);
    say("Starting the registry service " + jar.getFileName() + " (log: " + logs.resolve("registry-service.log") + ")");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m",
        "-jar", jar.toString(),
        "--server.port=" + SERVICE_PORT,
        "--anjia.identity.issuer=" + keycloak.issuerUri(),
        "--anjia.embedded-postgres.data-directory=" + data.resolve("postgres"),
        "--anjia.embedded-postgres.port=" + POSTGRES_PORT))
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("registry-service.log").toFile()));
    service[0] = builder.start();
    awaitHealthy(service[0], URI.create("http://localhost:" + SERVICE_PORT + "/actuator/health"));

    String url = "http://localhost:" + SERVICE_PORT;
    say("""

        Anjia is running (Ctrl-C stops it):
          安家 Anjia (sign in here)     %s/
          API (OpenAPI)                %s/api-docs.html
          Cockpit (admin only)         %s/operaton/app/cockpit/
          Keycloak (realm anjia)       %s  (demo users: infra/keycloak/README.md)
        Data: %s
        """.formatted(url, url, url, keycloak.issuerUri(), data));
    int exit = service[0].waitFor();
    say("The registry service exited with " + exit + "; see " + logs.resolve("registry-service.log"));
    System.exit(exit == 0 ? 0 : 1);
  }

  private static void say(String line) {
    System.out.println("[anjia] " + line);
  }

  private static Path serviceJar(Path root) throws IOException {
    Path target = root.resolve("registry-service/target");
    try (var files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("registry-service-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("Build the service first: no jar in " + target));
    }
  }

  private static void awaitHealthy(Process service, URI health) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!service.isAlive()) {
        throw new IllegalStateException("The registry service exited with " + service.exitValue());
      }
      try {
        if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The registry service did not become healthy within 3 minutes");
  }
}

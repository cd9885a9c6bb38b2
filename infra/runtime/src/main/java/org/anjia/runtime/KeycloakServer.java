package org.anjia.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak 26 (the Quarkus distribution from Maven) run as a child process in development mode,
 * with the {@code anjia} realm imported on a fresh data directory. Used by the local stack and by
 * the login tests; every instance keeps all of its state in its own {@code dataDirectory}:
 * <pre>
 *   import/anjia-realm.json   the realm file, imported only when the realm does not exist yet
 *   db/data/h2/keycloakdb.*   the dev-file (H2) database
 *   transaction-logs/         the transaction manager's object store
 *   tmp/                      java.io.tmpdir (vertx-cache, uploads)
 * </pre>
 * so nothing is written under the shared distribution except its one-time dev-mode build
 * ({@code lib/quarkus}), which is serialized across processes with a file lock.
 */
public final class KeycloakServer extends LaunchedProgram {

  public static final String REALM = "anjia";
  /** The bootstrap admin of the master realm; local-only values, only ever bound to 127.0.0.1. */
  public static final String BOOTSTRAP_ADMIN_USERNAME = "anjia-kc-admin";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "anjia-local-only";

  private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
  /** Usually 70-95 s here; 218 s and 302 s measured with other builds sharing the 2 cores (load 22-44). */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);
  /** The one-time dev-mode build (Quarkus re-augmentation) took ~30 s here; allow it on top. */
  private static final Duration BUILD_ALLOWANCE = Duration.ofMinutes(2);
  private static final String PERSISTED_BUILD = "META-INF/keycloak-persisted.properties";
  private static final String BUILD_LOCK = ".anjia-dev-build.lock";
  /** FileLock is per JVM: two launchers in one JVM must also wait for each other. */
  private static final Object BUILD_MONITOR = new Object();

  /**
   * @param keycloakHome the unpacked distribution (system property {@code anjia.keycloak.home})
   * @param dataDirectory all state of this instance; delete it to re-import the realm
   * @param realmFile the realm export to import (its name must end with {@code -realm.json})
   * @param port the HTTP port, on 127.0.0.1
   */
  public record Settings(Path keycloakHome, Path dataDirectory, Path realmFile, int port, Path logFile) {

    /** A throw-away instance on a free port, for tests: the realm file of this repository. */
    public static Settings forTest(Path keycloakHome, Path realmFile, Path workDirectory) {
      return new Settings(keycloakHome, workDirectory.resolve("keycloak"), realmFile, FreePorts.next(),
          workDirectory.resolve("keycloak.log"));
    }
  }

  private final Settings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public KeycloakServer(Settings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    Path kcSh = settings.keycloakHome().resolve("bin/kc.sh");
    Processes.requireFile(kcSh, "Keycloak distribution missing: run the Maven build once (it unpacks "
        + "org.keycloak:keycloak-quarkus-dist)");
    Processes.requireFile(settings.realmFile(), "Realm file missing");
    String realmFileName = settings.realmFile().getFileName().toString();
    if (!realmFileName.endsWith("-realm.json")) {
      // Keycloak's directory import only picks up files named *-realm.json
      throw new IllegalArgumentException("The realm file must be named <realm>-realm.json: " + settings.realmFile());
    }
    try {
      Path data = settings.dataDirectory();
      Files.createDirectories(data.resolve("import"));
      Files.createDirectories(data.resolve("tmp"));
      Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
      boolean freshDatabase = !Files.exists(databaseFile());
      Files.copy(settings.realmFile(), data.resolve("import").resolve(realmFileName),
          StandardCopyOption.REPLACE_EXISTING);
      recordOrCompareRealm(freshDatabase);

      ProcessBuilder builder = new ProcessBuilder(command(kcSh))
          .directory(data.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
      Map<String, String> env = builder.environment();
      // nothing from the caller's environment may reconfigure this instance (KC_DB, JAVA_OPTS, ...)
      env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS")
          || name.equals("JAVA_ADD_OPENS") || name.equals("JAVA_LOCALE") || name.equals("JAVA"));
      env.putAll(environment());

      Instant began = Instant.now();
      if (isDevBuildPresent()) {
        launch(builder, STARTUP_TIMEOUT);
      } else {
        // The distribution ships a production build; the first start-dev rebuilds it for dev mode
        // (kc.sh build cannot build dev mode) and writes lib/quarkus. One process at a time.
        synchronized (BUILD_MONITOR) {
          try (FileChannel channel = FileChannel.open(settings.keycloakHome().resolve(BUILD_LOCK),
                  StandardOpenOption.CREATE, StandardOpenOption.WRITE);
              FileLock ignored = channel.lock()) {
            boolean building = !isDevBuildPresent();
            if (building) {
              LOG.log(System.Logger.Level.INFO, "Keycloak: first start of this distribution in dev mode, it builds "
                  + "itself once (~30 s)");
            }
            launch(builder, building ? STARTUP_TIMEOUT.plus(BUILD_ALLOWANCE) : STARTUP_TIMEOUT);
          }
        }
      }
      LOG.log(System.Logger.Level.INFO, "Keycloak ready in {0} s: issuer {1}{2}",
          Long.toString(Duration.between(began, Instant.now()).toSeconds()), issuerUri(),
          freshDatabase ? " (realm imported from " + settings.realmFile() + ")" : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> command(Path kcSh) {
    Path data = settings.dataDirectory().toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(kcSh.toAbsolutePath().toString());
    command.add("start-dev");
    command.add("--http-host=127.0.0.1");
    command.add("--http-port=" + settings.port());
    // Not --import-realm: that option only reads <keycloakHome>/data/import, shared by every
    // instance. Keycloak's startup import reads the directory in keycloak.migration.dir instead
    // (what --import-realm sets), with the same strategy: skip realms that already exist.
    command.add("-Dkeycloak.migration.dir=" + data.resolve("import"));
    // The dev-file database URL is jdbc:h2:file:${kc.db-url-path:${kc.home.dir}}/data/h2/keycloakdb
    command.add("-Dkc.db-url-path=" + data.resolve("db"));
    // Default: <keycloakHome>/data/transaction-logs, with recovery on: keep instances apart.
    command.add("-Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs"));
    return command;
  }

  Map<String, String> environment() {
    return Map.of(
        // Keycloak 26 runs on 17+; the build and the launch scripts run on 21+ (infra/local/jdk.sh)
        "JAVA_HOME", System.getProperty("java.home"),
        // it writes vertx-cache and uploads into java.io.tmpdir (runtime.md)
        "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + settings.dataDirectory().toAbsolutePath().resolve("tmp"),
        // created on the first start only (when the master realm has no admin yet)
        "KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN_USERNAME,
        "KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
  }

  private void launch(ProcessBuilder builder, Duration timeout) throws IOException {
    process = builder.start();
    LOG.log(System.Logger.Level.INFO, "Keycloak starting (pid {0}) on port {1}, data {2}, log {3}",
        Long.toString(process.pid()), Integer.toString(settings.port()), settings.dataDirectory(), settings.logFile());
    awaitHealthy(timeout);
  }

  private void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see "
            + settings.logFile() + ":\n" + logTail());
      }
      if (isReady()) {
        return;
      }
      Processes.sleep(Duration.ofMillis(500));
    }
    stop();
    throw new IllegalStateException("Keycloak not ready within " + timeout + " (" + discoveryUri()
        + " did not answer 200), see " + settings.logFile() + ":\n" + logTail());
  }

  /**
   * Keycloak stops answering, as a hung or unreachable host does: the process and its children get
   * SIGSTOP, so the kernel still accepts connections and nothing ever answers them (callers see
   * their own timeouts), until {@link #resume()}. For outage tests: no restart (~70 s) needed.
   */
  public synchronized void pause() {
    signal("STOP");
  }

  /** Answers again after {@link #pause()}: SIGCONT, then waits until the realm's discovery answers. */
  public synchronized void resume() {
    signal("CONT");
    awaitHealthy(Duration.ofMinutes(1));
  }

  private void signal(String name) {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("Keycloak is not running");
    }
    String pids = java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
        .map(handle -> Long.toString(handle.pid()))
        .collect(java.util.stream.Collectors.joining(" "));
    try {
      // the shell's kill: Java signals only TERM and KILL, and a procps kill may not be installed
      Process kill = new ProcessBuilder("sh", "-c", "kill -" + name + " " + pids).inheritIO().start();
      if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pids + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean isReady() {
    try {
      return http.send(HttpRequest.newBuilder(discoveryUri()).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** True when lib/quarkus already holds the dev-mode build (persisted by a previous start-dev). */
  private boolean isDevBuildPresent() {
    Path generated = settings.keycloakHome().resolve("lib/quarkus/generated-bytecode.jar");
    if (!Files.exists(generated)) {
      return false;
    }
    try (ZipFile jar = new ZipFile(generated.toFile())) {
      ZipEntry entry = jar.getEntry(PERSISTED_BUILD);
      if (entry == null) {
        return false;
      }
      Properties persisted = new Properties();
      try (InputStream in = jar.getInputStream(entry)) {
        persisted.load(in);
      }
      return "dev".equals(persisted.getProperty("kc.profile"))
          && "dev-file".equals(persisted.getProperty("kc.db", "dev-file"));
    } catch (IOException e) {
      return false; // being rewritten by a start elsewhere: treat as absent and take the lock
    }
  }

  private Path databaseFile() {
    return settings.dataDirectory().resolve("db/data/h2/keycloakdb.mv.db");
  }

  /**
   * A realm is imported only once: remember which file was imported, and say so when the realm
   * file has changed since (the data directory must be deleted to import it again).
   */
  private void recordOrCompareRealm(boolean freshDatabase) throws IOException {
    Path record = settings.dataDirectory().resolve("imported-realm.sha256");
    String current = sha256(settings.realmFile());
    if (freshDatabase || !Files.exists(record)) {
      Files.writeString(record, current + "\n", StandardCharsets.UTF_8);
    } else if (!Files.readString(record, StandardCharsets.UTF_8).strip().equals(current)) {
      LOG.log(System.Logger.Level.WARNING, "{0} changed since the realm was imported into {1}; Keycloak keeps "
          + "the realm it has. Delete {1} to import the new file.", settings.realmFile(), settings.dataDirectory());
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(settings.logFile(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log not readable: " + e.getMessage() + ")";
    }
  }

  public int port() {
    return settings.port();
  }

  /** The issuer is the host name used: always {@code localhost}, never 127.0.0.1 (runtime.md). */
  public String issuerUri() {
    return "http://localhost:" + settings.port() + "/realms/" + REALM;
  }

  public URI tokenEndpoint() {
    return URI.create(issuerUri() + "/protocol/openid-connect/token");
  }

  public URI discoveryUri() {
    return URI.create(issuerUri() + "/.well-known/openid-configuration");
  }

  public Settings settings() {
    return settings;
  }
}

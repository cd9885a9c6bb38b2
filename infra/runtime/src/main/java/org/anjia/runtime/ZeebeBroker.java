package org.anjia.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Zeebe 8.6 broker (standalone, embedded gateway) from the Maven distribution, run as a
 * child process with our PostgreSQL exporter loaded. Used by the local stack and by every test
 * that needs the engine; the broker keeps its state in {@code dataDirectory} across restarts.
 */
public final class ZeebeBroker extends LaunchedProgram {

  /** The actuator's answer to a clock change, e.g. {"epochMilli":1795000000000,"instant":"…"}. */
  private static final Pattern EPOCH_MILLI = Pattern.compile("\"epochMilli\"\\s*:\\s*(\\d+)");

  /** Exporter id in the broker configuration; env vars are ZEEBE_BROKER_EXPORTERS_ANJIA_*. */
  public static final String EXPORTER_ID = "ANJIA";
  public static final String EXPORTER_CLASS = "org.anjia.exporter.PostgresExporter";

  private static final System.Logger LOG = System.getLogger(ZeebeBroker.class.getName());
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  public record Ports(int gateway, int commandApi, int internalApi, int rest, int management) {
    public static Ports defaults() {
      return new Ports(26500, 26501, 26502, 8088, 9600);
    }

    public static Ports free() {
      return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
  }

  /**
   * @param exporterJdbcUrl where the exporter writes; the user is {@code exporterJdbcUser}
   * @param controlledClock tests move engine time forward through the actuator clock endpoint
   */
  public record Settings(
      Path zeebeHome,
      Path dataDirectory,
      Path exporterJar,
      String exporterJdbcUrl,
      String exporterJdbcUser,
      String exporterJdbcPassword,
      Ports ports,
      boolean controlledClock,
      Path logFile) {}

  private final Settings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public ZeebeBroker(Settings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    Processes.requireFile(settings.zeebeHome().resolve("bin/broker"),
        "Zeebe distribution missing: run the Maven build once (it unpacks io.camunda:camunda-zeebe)");
    Processes.requireFile(settings.exporterJar(), "Exporter jar missing: build infra/zeebe-exporter first");
    try {
      Files.createDirectories(settings.dataDirectory().resolve("tmp"));
      Files.createDirectories(settings.logFile().getParent());
      ProcessBuilder builder = new ProcessBuilder(settings.zeebeHome().resolve("bin/broker").toString())
          .directory(settings.zeebeHome().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
      builder.environment().putAll(environment());
      process = builder.start();
      LOG.log(System.Logger.Level.INFO, "Zeebe broker starting (pid {0}), log {1}", process.pid(), settings.logFile());
      awaitHealthy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, String> environment() {
    Ports ports = settings.ports();
    Map<String, String> env = new HashMap<>();
    // the broker needs Java 21+; the build and the launch scripts already run on one (infra/local/jdk.sh)
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS", "-Xms256m -Xmx512m -Djava.io.tmpdir=" + settings.dataDirectory().resolve("tmp"));
    env.put("ZEEBE_BROKER_DATA_DIRECTORY", settings.dataDirectory().resolve("zeebe").toString());
    // Compact the memory-mapped log often: the broker's RSS grows with it (runtime.md).
    env.put("ZEEBE_BROKER_DATA_SNAPSHOTPERIOD", "5m");
    env.put("ZEEBE_BROKER_DATA_DISK_ENABLEMONITORING", "false");
    env.put("ZEEBE_BROKER_NETWORK_HOST", "127.0.0.1");
    env.put("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", "127.0.0.1");
    env.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(ports.gateway()));
    env.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(ports.commandApi()));
    env.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(ports.internalApi()));
    env.put("SERVER_PORT", Integer.toString(ports.rest()));
    env.put("SERVER_ADDRESS", "127.0.0.1");
    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.management()));
    env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
    if (settings.controlledClock()) {
      env.put("ZEEBE_CLOCK_CONTROLLED", "true");
      env.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "*");
    }
    String exporter = "ZEEBE_BROKER_EXPORTERS_" + EXPORTER_ID + "_";
    env.put(exporter + "CLASSNAME", EXPORTER_CLASS);
    env.put(exporter + "JARPATH", settings.exporterJar().toAbsolutePath().toString());
    env.put(exporter + "ARGS_URL", settings.exporterJdbcUrl());
    env.put(exporter + "ARGS_USERNAME", settings.exporterJdbcUser());
    env.put(exporter + "ARGS_PASSWORD", settings.exporterJdbcPassword());
    return env;
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Zeebe broker exited with " + process.exitValue() + ", see " + settings.logFile());
      }
      if (isReady()) {
        LOG.log(System.Logger.Level.INFO, "Zeebe broker ready: gRPC {0}, REST {1}", grpcAddress(), restAddress());
        return;
      }
      Processes.sleep(Duration.ofMillis(500));
    }
    stop();
    throw new IllegalStateException("Zeebe broker not ready within " + STARTUP_TIMEOUT + ", see " + settings.logFile());
  }

  private boolean isReady() {
    try {
      HttpResponse<String> health = http.send(
          HttpRequest.newBuilder(managementUri("/actuator/health/readiness")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (health.statusCode() != 200) {
        return false;
      }
      HttpResponse<String> topology = http.send(
          HttpRequest.newBuilder(restAddress().resolve("/v2/topology")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return topology.statusCode() == 200 && topology.body().contains("\"role\":\"leader\"")
          && topology.body().contains("\"health\":\"healthy\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Moves engine time forward; timers that fall due fire. Never move it backwards (runtime.md).
   * Returns the engine's time after the move (the actuator answers with it).
   */
  public Instant advanceClock(Duration offset) {
    if (!settings.controlledClock()) {
      throw new IllegalStateException("The broker was started without a controlled clock");
    }
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(managementUri("/actuator/clock/add"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"offsetMilli\":" + offset.toMillis() + "}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Clock not moved: " + response.statusCode() + " " + response.body());
      }
      Matcher epochMilli = EPOCH_MILLI.matcher(response.body());
      if (!epochMilli.find()) {
        throw new IllegalStateException("The clock endpoint did not say the time: " + response.body());
      }
      return Instant.ofEpochMilli(Long.parseLong(epochMilli.group(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Moves engine time forward to {@code target} (not back, if it is already later). */
  public Instant advanceClockTo(Instant target) {
    Instant now = advanceClock(Duration.ZERO);
    return now.isBefore(target) ? advanceClock(Duration.between(now, target)) : now;
  }

  public String grpcAddress() {
    return "http://127.0.0.1:" + settings.ports().gateway();
  }

  public URI restAddress() {
    return URI.create("http://127.0.0.1:" + settings.ports().rest());
  }

  private URI managementUri(String path) {
    return URI.create("http://127.0.0.1:" + settings.ports().management() + path);
  }
}

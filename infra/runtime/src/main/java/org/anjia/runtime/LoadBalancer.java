package org.anjia.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HAProxy (Debian's package: {@code apt-get install haproxy}) in front of service replicas on
 * localhost, configured as a deployment would be: round robin, a health check on
 * {@code /actuator/health} every second that takes a dead replica out after two misses, and a
 * request whose connection to a replica fails is sent to another (safe for any method: nothing
 * reached the replica). A request a replica received and then died on is not retried here, since it
 * may have committed: the client gets a 502 and repeats it with its Idempotency-Key.
 */
public final class LoadBalancer extends LaunchedProgram {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final List<Path> LOCATIONS = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"));

  private final Path workDirectory;
  private final int port;
  /** Replica name to its port on localhost, in order. */
  private final Map<String, Integer> replicas;

  public LoadBalancer(Path workDirectory, int port, Map<String, Integer> replicas) {
    this.workDirectory = workDirectory;
    this.port = port;
    this.replicas = replicas;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The installed HAProxy, or a failure that says how to install it (a missing one is no reason to skip). */
  static Path executable() {
    return LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
        "HAProxy is not installed: apt-get install -y haproxy (.ci/run installs it)"));
  }

  String configuration() {
    String servers = replicas.entrySet().stream()
        .map(replica -> "  server " + replica.getKey() + " 127.0.0.1:" + replica.getValue() + " check")
        .collect(Collectors.joining("\n"));
    return """
        global
          maxconn 256
          log stdout format raw local0 info

        defaults
          mode http
          log global
          option httplog
          option forwardfor
          timeout connect 2s
          timeout queue 10s
          timeout client 60s
          timeout server 60s
          # a refused connection (a dead replica not yet marked down) is retried on another replica
          retries 3
          option redispatch 1

        frontend api
          bind 127.0.0.1:%d
          default_backend replicas

        backend replicas
          balance roundrobin
          option httpchk GET /actuator/health
          http-check expect status 200
          default-server inter 1s fall 2 rise 2
        %s
        """.formatted(port, servers);
  }

  @Override
  public synchronized void start() {
    Path haproxy = executable();
    try {
      Files.createDirectories(workDirectory);
      Path config = workDirectory.resolve("haproxy.cfg");
      Files.writeString(config, configuration(), StandardCharsets.UTF_8);
      Path log = workDirectory.resolve("haproxy.log");
      // -db: in the foreground, not as a daemon, so this process is HAProxy itself and stop() ends it
      process = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      awaitRouting(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Until a health request through it is answered by a replica. */
  private void awaitRouting(Path log) {
    URI health = URI.create(baseUrl() + "/actuator/health");
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy exited with " + process.exitValue() + ": " + read(log));
      }
      if (Processes.answersOk(health)) {
        return;
      }
      Processes.sleep(Duration.ofMillis(200));
    }
    stop();
    throw new IllegalStateException("HAProxy did not route to a replica within " + STARTUP_TIMEOUT + ": " + read(log));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

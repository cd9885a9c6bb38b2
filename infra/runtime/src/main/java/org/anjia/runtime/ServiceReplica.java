package org.anjia.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the registry service as an operating-system process of its own (a JVM on the
 * given class path), so that it can be killed as a crash kills it: {@link #kill()} sends SIGKILL,
 * no shutdown hook runs, its database connections simply drop. Ready when its health endpoint
 * answers 200.
 *
 * @see LoadBalancer
 */
public final class ServiceReplica extends LaunchedProgram {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  /**
   * @param name the replica's name in logs and in the load balancer
   * @param classPath the service's class path
   * @param mainClass its main class
   * @param jvmOptions options before the class path (heap, system properties)
   * @param arguments Spring arguments ({@code --name=value}); {@code --server.port} is added
   * @param port the HTTP port, on localhost
   */
  public record Settings(String name, String classPath, String mainClass, List<String> jvmOptions,
      List<String> arguments, int port, Path logFile) {}

  private final Settings settings;

  public ServiceReplica(Settings settings) {
    this.settings = settings;
  }

  public String name() {
    return settings.name();
  }

  public int port() {
    return settings.port();
  }

  public long pid() {
    return process.pid();
  }

  /** Launches the JVM and returns at once; {@link #awaitReady()} waits for it. */
  public synchronized void launch() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(settings.jvmOptions());
    command.add(settings.mainClass());
    command.add("--server.port=" + settings.port());
    command.addAll(settings.arguments());
    try {
      Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
      // the class path in the environment, not on the command line: it is long, and ps shows it
      builder.environment().put("CLASSPATH", settings.classPath());
      // nothing from the caller's environment may add JVM options to the replica
      builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void start() {
    launch();
    awaitReady();
  }

  /** Until its health endpoint answers 200; fails with the end of its log if it exits or takes too long. */
  public void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    URI health = URI.create("http://127.0.0.1:" + settings.port() + "/actuator/health");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("replica " + name() + " exited with " + process.exitValue() + ", see "
            + settings.logFile() + ":\n" + logTail());
      }
      if (Processes.answersOk(health)) {
        return;
      }
      Processes.sleep(Duration.ofMillis(500));
    }
    stop();
    throw new IllegalStateException("replica " + name() + " not ready within " + STARTUP_TIMEOUT + ", see "
        + settings.logFile() + ":\n" + logTail());
  }

  /**
   * SIGKILL, as a crash or the kernel's OOM killer ends it ({@link Process#destroyForcibly()} is
   * SIGKILL on Linux); returns its exit status once it is gone (137 = 128 + 9).
   */
  public synchronized int kill() {
    try {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("replica " + name() + " still alive 30 s after SIGKILL");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last lines of its log, for a failure message. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(settings.logFile(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

package org.anjia.runtime;

/**
 * A program the launchers run as a child process (Keycloak): started by the subclass,
 * stopped gracefully (SIGTERM, then SIGKILL; a launcher script's JVM never outlives it).
 */
abstract class LaunchedProgram implements AutoCloseable {

  /** The running program; set by {@link #start()}. */
  protected Process process;

  public abstract void start();

  public synchronized void restart() {
    stop();
    start();
  }

  public synchronized void stop() {
    Processes.stop(process);
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }
}

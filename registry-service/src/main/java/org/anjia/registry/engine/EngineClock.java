package org.anjia.registry.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.operaton.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the service and its engine: the engine's timers, task due dates and every date
 * the registry writes read the same time, so a test that moves the engine clock moves the registry's
 * "today" with it. In production it is the system clock. Days are counted in the institutions' time
 * zone, not the server's.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId otherZone) {
    return new EngineClock(otherZone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

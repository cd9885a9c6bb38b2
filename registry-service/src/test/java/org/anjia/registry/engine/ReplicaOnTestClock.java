package org.anjia.registry.engine;

import org.anjia.registry.AnjiaApplication;
import org.operaton.bpm.engine.impl.util.ClockUtil;

/**
 * The service's own main, in a JVM of its own, on the tests' engine clock instead of today's: the
 * test passes its clock's offset from the machine's ({@code -Danjia.test.clock-offset-ms}), so the
 * replicas' dates and timers agree with the test and no run depends on the day it runs (the holiday
 * calendars end in 2027). Nothing else differs from {@link AnjiaApplication}.
 */
public final class ReplicaOnTestClock {

  private ReplicaOnTestClock() {}

  public static void main(String[] args) {
    ClockUtil.offset(Long.getLong("anjia.test.clock-offset-ms", 0L));
    AnjiaApplication.main(args);
  }
}

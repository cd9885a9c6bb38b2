package org.anjia.processes;

import io.camunda.client.CamundaClient;
import java.util.ArrayList;
import java.util.List;
import org.anjia.runtime.ExportedRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The lifecycle the journey tests share: every model deployed, recording workers running, and
 * whatever instance a test started canceled after it, so tests stay independent on one engine.
 */
abstract class JourneyTest {

  static JourneyRuntime journeys;
  static CamundaClient client;
  static JourneyWorkers workers;
  static ExportedRecords exported;

  /** Instances this test started; canceled afterwards if still running. */
  final List<Long> started = new ArrayList<>();

  @BeforeAll
  static void deployAndStartWorkers() {
    journeys = JourneyRuntime.start();
    client = journeys.client;
    workers = journeys.workers;
    exported = journeys.exported;
  }

  @AfterEach
  void cancelWhatTheTestLeftRunning() {
    started.forEach(journeys::cancelIfActive);
  }

  @AfterAll
  static void close() {
    if (journeys != null) {
      journeys.close();
    }
  }
}

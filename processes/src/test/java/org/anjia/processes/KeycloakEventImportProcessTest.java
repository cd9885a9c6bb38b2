package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;

/**
 * keycloak-event-import.bpmn: one timer for the whole engine (so one node imports per tick, whatever
 * the number of replicas), a run of the import bean each minute, a week of history.
 */
class KeycloakEventImportProcessTest extends JourneyProcessTest {

  private static final String PROCESS_ID = "keycloak-event-import";

  @Test
  void theImportRunsEveryMinuteFromOneTimer() {
    Job timer = importTimer();
    Instant due = timer.getDuedate().toInstant();
    int before = DELEGATES.keycloakEventImports();

    moveClockTo(due.minusSeconds(1));
    assertThat(DELEGATES.keycloakEventImports()).as("not a second early").isEqualTo(before);
    moveClockTo(due);

    assertThat(DELEGATES.keycloakEventImports()).isEqualTo(before + 1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
        .as("each run ends at once").isZero();
    assertThat(importTimer().getDuedate().toInstant()).as("the next minute").isEqualTo(due.plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void runsAreKeptAWeek() {
    assertThat(ENGINE.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(7);
  }

  /** The one timer of the import (a timer start event: no process instance waits for it). */
  private Job importTimer() {
    Job timer = management.createJobQuery().processDefinitionKey(PROCESS_ID).timers().singleResult();
    assertThat(timer).as("the import's timer").isNotNull();
    return timer;
  }
}

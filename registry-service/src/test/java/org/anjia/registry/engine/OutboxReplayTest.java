package org.anjia.registry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;

import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.runtime.ExportedRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional outbox: an application committed while the engine is unreachable is not lost.
 * Its start stays in the event publication registry and is replayed once the engine is back.
 */
class OutboxReplayTest extends RegistryIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void applicationSubmittedDuringAnEngineOutageStartsItsProcessAfterwards() {
    STACK.broker().stop();
    JsonNode created;
    try {
      created = apply(FAMILY_WANG, Households.eligible());
      assertThat(created.path("status").asText()).isEqualTo("SUBMITTED");
      // the listener tried, failed, and left its publication incomplete
      ExportedRecords.await(() -> incompleteStartFor(created.path("id").asText()) > 0
          ? Optional.of(true) : Optional.empty(), "an incomplete outbox entry");
    } finally {
      STACK.broker().start();
    }

    JsonNode task = awaitTask(CASEWORKER_NANCHANG, created.path("number").asText(), "CheckDocuments");

    assertThat(task.path("application").path("id").asText()).isEqualTo(created.path("id").asText());
    ExportedRecords.await(() -> incompleteStartFor(created.path("id").asText()) == 0
        ? Optional.of(true) : Optional.empty(), "the outbox entry marked complete");
  }

  private long incompleteStartFor(String applicationId) {
    return jdbc.sql("""
            select count(*) from event_publication
            where completion_date is null and event_type like '%FosterApplicationSubmitted'
              and serialized_event like :id""")
        .param("id", "%" + applicationId + "%")
        .query(Long.class).single();
  }
}

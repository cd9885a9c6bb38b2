package org.anjia.registry.fostering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same submission sent again with the page's key (a double click, a retry after a lost answer,
 * twenty at once) makes one application, and every answer names it; a new key is a new submission,
 * which the household's open application of the same kind refuses.
 */
class RepeatedSubmissionTest extends RegistryIntegrationTest {

  private record Answer(int status, JsonNode body) {}

  private final JdbcClient jdbc = JdbcClient.create(STACK.dataSource());

  @Test
  void twentyIdenticalSubmissionsAtOnceMakeOneApplication() throws Exception {
    User family = newFamily();
    String key = UUID.randomUUID().toString();

    List<Answer> answers = atOnce(20, () -> submit(family, key));

    assertThat(answers).extracting(Answer::status).containsOnly(201, 200);
    assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
    assertThat(answers).extracting(answer -> answer.body().path("id").asText()).containsOnly(
        answers.getFirst().body().path("id").asText());
    assertThat(applicationsOf(family)).isEqualTo(1);

    // a new key is a new submission, and the household's open application refuses it
    Answer another = submit(family, UUID.randomUUID().toString());
    assertThat(another.status()).isEqualTo(409);
    assertThat(another.body().path("detail").asText()).contains(answers.getFirst().body().path("number").asText());
    assertThat(applicationsOf(family)).isEqualTo(1);
  }

  @Test
  void twentySubmissionsAtOnceWithDifferentKeysMakeOneApplication() throws Exception {
    User family = newFamily();
    List<Answer> answers = atOnce(20, () -> submit(family, UUID.randomUUID().toString()));

    assertThat(answers).extracting(Answer::status).as("one made, the others refused: never a 500").containsOnly(201, 409);
    assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
    assertThat(applicationsOf(family)).isEqualTo(1);
    assertThat(jdbc.sql("""
            select count(distinct family_id) from family_account where subject = :subject""")
        .param("subject", family.subject()).query(Long.class).single()).as("one household").isEqualTo(1);
  }

  @Test
  void anOverlongKeyIsRefusedAndChangesNothing() {
    User family = newFamily();

    Answer refused = submit(family, "k".repeat(101));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(applicationsOf(family)).isZero();
  }

  /** The same submission {@code times} times in parallel; the answers in no particular order. */
  private static List<Answer> atOnce(int times, Callable<Answer> submission) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    try {
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : pool.invokeAll(Collections.nCopies(times, submission))) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }

  private Answer submit(User family, String key) {
    return http.post().uri("/api/foster-applications").header("Authorization", bearer(family))
        .header("Idempotency-Key", key).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(Households.eligible())
        .exchange((request, response) -> new Answer(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class)));
  }

  private long applicationsOf(User family) {
    return jdbc.sql("""
            select count(*) from application a join family_account fa on fa.family_id = a.family_id
            where fa.subject = :subject""")
        .param("subject", family.subject()).query(Long.class).single();
  }
}

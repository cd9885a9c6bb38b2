package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor of the public landing page asks who is signed in and hears "nobody": that is not a failed
 * login and stays out of the audit log. A request that presents a token the service rejects is one.
 */
class SignInIncidentsTest extends RegistryIntegrationTest {

  private final JdbcClient jdbc = JdbcClient.create(STACK.dataSource());

  @Test
  void anAnonymousVisitIsNotRecordedAsAFailedLogin() {
    long before = failedLogins("GET /api/me");

    int status = http.get().uri("/api/me").exchange((request, response) -> response.getStatusCode().value());

    assertThat(status).isEqualTo(401);
    assertThat(failedLogins("GET /api/me")).isEqualTo(before);
  }

  @Test
  void aRejectedTokenIsRecordedAsAFailedLogin() {
    long before = failedLogins("GET /api/me");

    int status = http.get().uri("/api/me").header("Authorization", "Bearer not-a-token")
        .exchange((request, response) -> response.getStatusCode().value());

    assertThat(status).isEqualTo(401);
    assertThat(failedLogins("GET /api/me")).isEqualTo(before + 1);
  }

  @Test
  void refusalsSpeakChineseUnlessTheClientAsksForEnglish() {
    assertThat(http.get().uri("/api/worklist").retrieve().onStatus(status -> true, (request, response) -> { })
        .body(JsonNode.class).path("title").asText()).as("no token, no language asked").isEqualTo("请先登录");
    assertThat(http.get().uri("/api/worklist").header("Accept-Language", "en")
        .retrieve().onStatus(status -> true, (request, response) -> { })
        .body(JsonNode.class).path("title").asText()).isEqualTo("Please sign in");
    assertThat(http.get().uri("/api/worklist").header("Authorization", bearer(newFamily()))
        .retrieve().onStatus(status -> true, (request, response) -> { })
        .body(JsonNode.class).path("title").asText()).as("a family on the staff worklist").isEqualTo("无权操作");
  }

  private long failedLogins(String request) {
    return jdbc.sql("select count(*) from audit_entry where action = 'AUTHENTICATION_FAILED' and object_id = :request")
        .param("request", request).query(Long.class).single();
  }
}

package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Login against the real Keycloak: a family signs in in the browser, sees its own application and
 * not another family's, signs out (ending the Keycloak session too), and is sent to login again.
 */
class FamilyLoginBrowserTest extends BrowserIntegrationTest {

  @Test
  void familySeesOnlyItsOwnApplicationAndLogsOut() throws Exception {
    String own = submitAs("wang.family@example.com");
    String other = submitAs("li.family@example.com");

    String output = browser("family-login.mjs", DEMO_PASSWORD, own, other);

    assertThat(output).contains("logged out");
  }

  private String submitAs(String username) throws Exception {
    String token = keycloakToken(username);
    JsonNode created = http.post().uri("/api/foster-applications")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Households.eligible())
        .exchange((request, response) -> {
          assertThat(response.getStatusCode().value()).isEqualTo(201);
          return response.bodyTo(JsonNode.class);
        });
    return created.path("number").asText();
  }

}

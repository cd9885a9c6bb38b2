package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Login against the real Keycloak: a family signs in in the browser, sees its own applications and
 * not another family's, reads on the portal why one was refused, signs out (ending the Keycloak
 * session too), and is sent to login again.
 */
class FamilyLoginBrowserTest extends BrowserIntegrationTest {

  @Test
  void familySeesOnlyItsOwnApplicationsWhyOneWasRefusedAndLogsOut() throws Exception {
    String family = newKeycloakFamily();
    // a caregiver of 29 is refused at once (寄养办法 art. 8); the household may then apply again
    String refused = submitAs(family, Households.household(29, "JUNIOR_MIDDLE", 10, true, 120, 12000, false));
    String own = submitAs(family, Households.eligible());
    String other = submitAs(newKeycloakFamily(), Households.eligible());

    String output = browser("family-login.mjs", DEMO_PASSWORD, family, own, other, refused);

    assertThat(output).contains("was refused", "logged out");
  }

  private String submitAs(String username, Map<String, Object> household) throws Exception {
    String token = keycloakToken(username);
    JsonNode created = http.post().uri("/api/foster-applications")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .body(household)
        .exchange((request, response) -> {
          assertThat(response.getStatusCode().value()).isEqualTo(201);
          return response.bodyTo(JsonNode.class);
        });
    return created.path("number").asText();
  }

}

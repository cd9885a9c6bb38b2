package org.anjia.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages in headless Chromium (Debian's package, driven by playwright-core scripts in
 * src/test/e2e), signing in through the real Keycloak of the test stack with the realm's demo users.
 */
public abstract class BrowserIntegrationTest extends RegistryIntegrationTest {

  /** The demo users' password in the realm (infra/keycloak/README.md): local use only. */
  protected static final String DEMO_PASSWORD = "anjia-local-only";

  @DynamicPropertySource
  static void realKeycloak(DynamicPropertyRegistry registry) {
    registry.add("anjia.test.issuer", () -> STACK.keycloak().issuerUri());
  }

  /** Runs a browser script against this service; fails with its output unless it exits 0. */
  protected String browser(String script, String... arguments) throws IOException, InterruptedException {
    return BrowserScripts.run(port, script, arguments);
  }

  /** An access token from the real Keycloak (password grant, enabled on anjia-web for tests). */
  protected static String keycloakToken(String username) throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=anjia-web&scope=openid&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD;
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(STACK.keycloak().issuerUri() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("token for %s: %s", username, response.body()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    return body.path("access_token").asText();
  }
}

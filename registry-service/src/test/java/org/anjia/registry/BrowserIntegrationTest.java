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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.runtime.KeycloakServer;
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
    // the signing keys are fetched again after 3 s, not 5 min: KeycloakOutageTest's outage outlasts
    // that, so its tokens verify with the keys kept for the outage, not with a still-fresh copy
    registry.add("anjia.identity.key-set-refresh", () -> "PT3S");
  }

  /** Runs a browser script against this service; fails with its output unless it exits 0. */
  protected String browser(String script, String... arguments) throws IOException, InterruptedException {
    return BrowserScripts.run(port, script, arguments);
  }

  /**
   * A family account of its own in the real Keycloak (a household has one open application of a
   * kind, so tests that apply do not share the demo families), created through the admin API.
   */
  protected static String newKeycloakFamily() throws IOException, InterruptedException {
    String username = "family-" + UUID.randomUUID() + "@example.com";
    ObjectMapper json = new ObjectMapper();
    String user = json.writeValueAsString(Map.of("username", username, "email", username, "emailVerified", true,
        "enabled", true, "firstName", "家庭", "lastName", "测试",
        "credentials", List.of(Map.of("type", "password", "value", DEMO_PASSWORD, "temporary", false))));
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(keycloakServer() + "/admin/realms/" + KeycloakServer.REALM + "/users"))
        .header("Authorization", "Bearer " + keycloakAdminToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as("new family %s: %s", username, created.body()).isEqualTo(201);
    return username;
  }

  /** A token of the test Keycloak's bootstrap admin (master realm), for its admin API. */
  public static String keycloakAdminToken() throws IOException, InterruptedException {
    String login = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.BOOTSTRAP_ADMIN_USERNAME
        + "&password=" + KeycloakServer.BOOTSTRAP_ADMIN_PASSWORD;
    HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(keycloakServer() + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(admin.statusCode()).as("admin token: %s", admin.body()).isEqualTo(200);
    return new ObjectMapper().readTree(admin.body()).path("access_token").asText();
  }

  private static String keycloakServer() {
    return "http://localhost:" + STACK.keycloak().port();
  }

  /**
   * An access token from the real Keycloak (password grant, enabled on anjia-web for tests), with the
   * one-time code the realm requires of staff ({@link DemoOtp}).
   */
  protected static String keycloakToken(String username) throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=anjia-web&scope=openid&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD
        + DemoOtp.nextCode(username).map(code -> "&totp=" + code).orElse("");
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

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    List<String> command = new ArrayList<>(List.of("node", "src/test/e2e/" + script, "http://localhost:" + port));
    command.addAll(List.of(arguments));
    Process browser = new ProcessBuilder(command)
        .directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true)
        .start();
    boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
    String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(output);
    if (!finished) {
      browser.destroyForcibly();
    }
    assertThat(finished).as("%s finished in time", script).isTrue();
    assertThat(browser.exitValue()).as("%s output:%n%s", script, output).isZero();
    return output;
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

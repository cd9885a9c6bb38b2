package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The browser's CSRF token is kept in the session ({@code SessionCsrfTokens}), the cookie XSRF-TOKEN
 * is only the pages' copy: a caseworker signed in on Keycloak's form cannot be made to write by a
 * request whose cookie and header agree on a value the server never gave this session (a plain
 * double-submit cookie would take it), nor by one without the token; both get the CSRF refusal in
 * Chinese (English on request). The session's own token passes. A visitor's page load makes no session.
 */
class CsrfSessionTest extends BrowserIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void onlyTheTokenTheSessionWasGivenPassesTheCheck() throws Exception {
    SignedInBrowser caseworker = new SignedInBrowser(port, DEMO_PASSWORD);
    caseworker.signIn(STACK.keycloak(), "cw-nanchang");
    assertThat(caseworker.get("/api/me").statusCode()).isEqualTo(200);
    String issued = caseworker.cookie("XSRF-TOKEN");
    assertThat(issued).isNotNull();

    String planted = UUID.randomUUID().toString();
    HttpResponse<String> pair = newChild(caseworker, "SESSION=" + caseworker.cookie("SESSION") + "; XSRF-TOKEN=" + planted,
        planted, "zh-CN");
    assertCsrfRefusal(pair, "请求未通过安全校验");
    HttpResponse<String> none = newChild(caseworker, "SESSION=" + caseworker.cookie("SESSION") + "; XSRF-TOKEN=" + issued,
        null, "en");
    assertCsrfRefusal(none, "Request failed the security check");

    // the session's own token: past the check, to the form's validation (nothing written either way)
    HttpResponse<String> own = newChild(caseworker, "SESSION=" + caseworker.cookie("SESSION") + "; XSRF-TOKEN=" + issued,
        issued, "zh-CN");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(400);
    assertThat(JSON.readTree(own.body()).path("errors")).isNotEmpty();

    // a page that lost the copy gets the session's token again
    HttpResponse<String> again = past(caseworker.service("/api/me").header("Accept", "application/json")
        .header("Cookie", "SESSION=" + caseworker.cookie("SESSION")));
    assertThat(again.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("XSRF-TOKEN=" + issued + ";"));

    // a visitor who is not signed in: a public read makes no session and hands out no token
    SignedInBrowser visitor = new SignedInBrowser(port, DEMO_PASSWORD);
    assertThat(visitor.get("/api/institutions").statusCode()).isEqualTo(200);
    assertThat(visitor.cookie("SESSION")).isNull();
    assertThat(visitor.cookie("XSRF-TOKEN")).isNull();
  }

  private static HttpResponse<String> newChild(SignedInBrowser browser, String cookies, String header, String language)
      throws Exception {
    HttpRequest.Builder request = browser.service("/api/children").setHeader("Accept-Language", language)
        .header("Accept", "application/json").header("Content-Type", "application/json").header("Cookie", cookies)
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (header != null) {
      request.header("X-XSRF-TOKEN", header);
    }
    return past(request);
  }

  /** Sent past the browser's jar: the request carries its own cookies. */
  private static HttpResponse<String> past(HttpRequest.Builder request) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void assertCsrfRefusal(HttpResponse<String> answer, String title) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("title").asText()).isEqualTo(title);
    assertThat(problem.path("detail").asText()).isNotBlank();
  }
}

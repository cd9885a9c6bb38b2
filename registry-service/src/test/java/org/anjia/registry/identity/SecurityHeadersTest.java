package org.anjia.registry.identity;

import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.anjia.registry.AnjiaApplication;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The security headers on the service's real answers: pages, the API with a session or without one,
 * the API with a bearer token, errors. HSTS only in the {@code prod} profile, checked on a second
 * instance of the service started in that profile on the same database.
 */
class SecurityHeadersTest extends RegistryIntegrationTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void everyAnswerCarriesThePolicyAndNoHstsOutsideProduction() throws Exception {
    String base = "http://localhost:" + port;
    List<HttpResponse<String>> answers = List.of(
        send(base + "/", null),                           // the landing page (public)
        send(base + "/worklist.html", null),              // a page that needs a login: redirect to it
        send(base + "/api/me", null),                     // 401 problem+json
        send(base + "/api/institutions", null),           // public JSON
        send(base + "/api/worklist", bearer(CASEWORKER_NANCHANG)), // the stateless bearer chain
        send(base + "/api/no-such-thing", bearer(CASEWORKER_NANCHANG)));
    for (HttpResponse<String> answer : answers) {
      HttpHeaders headers = answer.headers();
      String what = answer.request().uri() + " (" + answer.statusCode() + ")";
      String csp = headers.firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + what));
      assertThat(csp).as(what)
          .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
              "frame-ancestors 'none'", "base-uri 'self'")
          .doesNotContain("unsafe-eval", "*");
      // inline style attributes only: no inline script, no style element
      assertThat(csp.replace("style-src-attr 'unsafe-inline'", "")).as(what).doesNotContain("unsafe-inline");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("same-origin");
      assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
    }
    // forms may go to Keycloak (signing out ends its session there), nowhere else
    assertThat(answers.get(0).headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("form-action 'self' " + origin(TestIdentityProvider.get().issuer()));
  }

  @Test
  void theProductionProfileAddsHsts() throws Exception {
    // as command-line arguments, the way a deployment sets them; its own engine name (Operaton ignores one with a
    // hyphen: the engine was then "default", and closing it took the shared service's Cockpit down), no job executor
    try (ConfigurableApplicationContext production = new SpringApplicationBuilder(AnjiaApplication.class).run(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=" + STACK.jdbcUrl(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--anjia.identity.issuer=" + TestIdentityProvider.get().issuer(),
        "--operaton.bpm.process-engine-name=prodheaders",
        "--operaton.bpm.job-execution.enabled=false",
        WITHOUT_OPERATOR_CONSOLE)) {
      int productionPort = ((WebServerApplicationContext) production).getWebServer().getPort();
      for (HttpResponse<String> answer : List.of(send("http://localhost:" + productionPort + "/", null),
          send("http://localhost:" + productionPort + "/api/me", null))) {
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(answer.request().uri().toString())
            .contains("max-age=31536000 ; includeSubDomains");
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
      }
    }
  }

  private static HttpResponse<String> send(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}

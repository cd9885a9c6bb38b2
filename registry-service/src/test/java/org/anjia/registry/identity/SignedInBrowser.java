package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.anjia.registry.DemoOtp;
import org.anjia.runtime.KeycloakServer;

/**
 * A browser as far as the login needs one: one cookie jar for the service and Keycloak (both on
 * localhost; cookies ignore the port), kept by hand since Keycloak's cookies are Secure and
 * java.net.CookieManager would not send them over http://localhost as browsers do. Signs in with the
 * authorization-code flow through Keycloak's own forms, as the landing page's 登录 does.
 */
public final class SignedInBrowser {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final int port;
  private final String password;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** A browser of the service on that port, signing in with the realm's demo password. */
  public SignedInBrowser(int port, String password) {
    this.port = port;
    this.password = password;
  }

  /** A request to the service, in Chinese. */
  public HttpRequest.Builder service(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "zh-CN");
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(service(path).header("Accept", "application/json"));
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  /** Sends the request with the jar's cookies and keeps the cookies the answer sets or clears. */
  public synchronized HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
        cookies.remove(pair.substring(0, eq).trim());
      } else {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return response;
  }

  /** The authorization-code login the landing page's 登录 starts, through Keycloak's own forms (with the staff's one-time code). */
  public void signIn(KeycloakServer keycloak, String username) throws Exception {
    HttpResponse<String> toKeycloak = send(service("/oauth2/authorization/keycloak").header("Accept", "text/html"));
    assertThat(toKeycloak.statusCode()).as(toKeycloak.body()).isEqualTo(302);
    String authorization = toKeycloak.headers().firstValue("Location").orElseThrow();
    assertThat(authorization).startsWith(keycloak.issuerUri() + "/protocol/openid-connect/auth?");
    HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(authorization)));
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> answer = submit(form, "kc-form-login", Map.of("username", username, "password", password));
    if (answer.statusCode() == 200 && answer.body().contains("id=\"kc-otp-login-form\"")) {
      answer = submit(answer, "kc-otp-login-form", Map.of("otp", DemoOtp.nextCode(username).orElseThrow()));
    }
    assertThat(answer.statusCode()).as("sent back to the service:%n%s", answer.body()).isEqualTo(302);
    String callback = answer.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith("http://localhost:" + port + "/login/oauth2/code/keycloak?");
    HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(callback)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login=failed");
  }

  private HttpResponse<String> submit(HttpResponse<String> page, String formId, Map<String, String> fields)
      throws Exception {
    Matcher tag = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(page.body());
    assertThat(tag.find()).as("form %s on the page:%n%s", formId, page.body()).isTrue();
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(tag.group());
    assertThat(action.find()).isTrue();
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
            StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}

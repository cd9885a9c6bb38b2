package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.anjia.registry.BrowserIntegrationTest;
import org.anjia.runtime.FreePorts;
import org.anjia.runtime.KeycloakServer;
import org.anjia.runtime.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Keycloak with the realm of infra/keycloak: the claims the service relies on (README
 * there), self-registration as a family, PKCE and redirect rules, failed logins recorded. The
 * Keycloak of the test stack: the same one the browser tests sign in with, started once per test
 * JVM (a second start cost CI about half a minute).
 */
class KeycloakRealmTest {

  private static final String PASSWORD = "anjia-local-only";
  private static final String CLIENT = "anjia-web";
  /** Any port on localhost is accepted (loopback redirect rule); nothing needs to listen there. */
  private static final String REDIRECT_URI = "http://localhost:" + FreePorts.next() + "/login/oauth2/code/keycloak";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static KeycloakServer keycloak;
  private static final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @BeforeAll
  static void keycloak() {
    keycloak = TestStack.get().keycloak();
  }

  @Test
  void caseworkerTokenCarriesRoleInstitutionAndAudience() throws Exception {
    Map<String, Object> tokens = passwordGrant("cw-nanchang", PASSWORD);
    Map<String, Object> access = jwtPayload((String) tokens.get("access_token"));
    System.out.println("cw-nanchang access token claims: " + access);

    assertThat(access.get("iss")).isEqualTo(keycloak.issuerUri());
    assertThat(audiences(access)).contains("anjia-api");
    assertThat(realmRoles(access)).contains("caseworker").doesNotContain("family", "director");
    assertThat(access.get("institution")).isEqualTo("nanchang-cwi");
    assertThat(access).doesNotContainKey("jurisdiction");
    assertThat(access.get("preferred_username")).isEqualTo("cw-nanchang");

    Map<String, Object> id = jwtPayload((String) tokens.get("id_token"));
    assertThat(id.get("institution")).isEqualTo("nanchang-cwi");
    assertThat(id.get("family_name")).isEqualTo("张");

    HttpResponse<String> userinfo = http.send(HttpRequest.newBuilder(
            URI.create(keycloak.issuerUri() + "/protocol/openid-connect/userinfo"))
        .header("Authorization", "Bearer " + tokens.get("access_token")).GET().build(), utf8());
    assertThat(userinfo.statusCode()).isEqualTo(200);
    assertThat(parseObject(userinfo.body()).get("institution")).isEqualTo("nanchang-cwi");
  }

  @Test
  void registrarTokenCarriesJurisdiction() throws Exception {
    Map<String, Object> access = jwtPayload((String) passwordGrant("reg-donghu", PASSWORD).get("access_token"));

    assertThat(realmRoles(access)).contains("registrar").doesNotContain("family");
    assertThat(access.get("jurisdiction")).isEqualTo("360102");
    assertThat(access).doesNotContainKey("institution");
    assertThat(audiences(access)).contains("anjia-api");
  }

  @Test
  void demoFamilyAndOtherStaffHaveTheirRoles() throws Exception {
    assertThat(realmRoles(accessToken("wang.family@example.com"))).contains("family");
    assertThat(realmRoles(accessToken("dir-jiujiang"))).contains("director");
    assertThat(accessToken("dir-jiujiang").get("institution")).isEqualTo("jiujiang-cwi");
    assertThat(accessToken("as-lianxi").get("jurisdiction")).isEqualTo("360402");
    Map<String, Object> admin = accessToken("admin");
    assertThat(realmRoles(admin)).contains("admin");
    assertThat(admin).doesNotContainKeys("institution", "jurisdiction");
  }

  @Test
  void wrongPasswordIsRejectedAndRecorded() throws Exception {
    HttpResponse<String> response = tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT,
        "username", "auditor", "password", "not-the-password"));

    // Keycloak 26 answers a failed password grant as RFC 6749 says: 400 invalid_grant (not 401)
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(parseObject(response.body()).get("error")).isEqualTo("invalid_grant");

    String adminToken = BrowserIntegrationTest.keycloakAdminToken();
    HttpResponse<String> events = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + keycloak.port() + "/admin/realms/anjia/events?type=LOGIN_ERROR"))
        .header("Authorization", "Bearer " + adminToken).GET().build(), utf8());
    assertThat(events.statusCode()).isEqualTo(200);
    List<Map<String, Object>> loginErrors = JSON.readValue(events.body(), new TypeReference<>() {});
    assertThat(loginErrors).anySatisfy(event -> {
      assertThat(event.get("error")).isEqualTo("invalid_user_credentials");
      assertThat(((Map<?, ?>) event.get("details")).get("username")).isEqualTo("auditor");
    });
  }

  /** With an email address, or with a mobile number as user name and no email at all. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aFamilyRegistersItselfAndGetsTheFamilyRoleOnly(boolean withMobileNumber) throws Exception {
    Browser browser = new Browser();
    String verifier = randomUrlSafe(32);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String state = randomUrlSafe(8);

    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri()
        + "/protocol/openid-connect/registrations?" + query(Map.of("client_id", CLIENT, "response_type", "code",
        "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
        "code_challenge", challenge, "code_challenge_method", "S256")))).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("lang=\"zh-CN\"").contains("安家 Anjia");
    Matcher action = Pattern.compile("id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
    assertThat(action.find()).as("registration form on the page").isTrue();

    String username = withMobileNumber
        ? "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L))
        : "zhao-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", username);
    if (!withMobileNumber) {
      fields.put("email", username);
    }
    fields.put("firstName", "家庭");
    fields.put("lastName", "赵");
    fields.put("password", "family-pass-123");
    fields.put("password-confirm", "family-pass-123");
    fields.put("institution", "nanchang-cwi"); // not on the form: must not end up in the token
    HttpResponse<String> registered = browser.send(HttpRequest.newBuilder(
            URI.create(action.group(1).replace("&amp;", "&")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
    URI callback = URI.create(registered.headers().firstValue("Location").orElseThrow());
    assertThat(callback.toString()).startsWith(REDIRECT_URI + "?");
    Map<String, String> params = parseQuery(callback.getRawQuery());
    assertThat(params.get("state")).isEqualTo(state);

    HttpResponse<String> withoutVerifier = tokenRequest(Map.of("grant_type", "authorization_code",
        "client_id", CLIENT, "code", params.get("code"), "redirect_uri", REDIRECT_URI));
    assertThat(withoutVerifier.statusCode()).as("PKCE is required").isEqualTo(400);
    // a code is single-use: the failed attempt above spent it, so log in again for a new one
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri()
        + "/protocol/openid-connect/auth?" + query(Map.of("client_id", CLIENT, "response_type", "code",
        "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
        "code_challenge", challenge, "code_challenge_method", "S256")))).GET());
    assertThat(login.statusCode()).as("single sign-on session answers with a code").isEqualTo(302);
    String code = parseQuery(URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery())
        .get("code");

    HttpResponse<String> exchanged = tokenRequest(Map.of("grant_type", "authorization_code",
        "client_id", CLIENT, "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    Map<String, Object> access = jwtPayload((String) parseObject(exchanged.body()).get("access_token"));
    assertThat(realmRoles(access)).contains("family")
        .doesNotContain("caseworker", "director", "registrar", "assessor", "auditor", "admin");
    assertThat(access).doesNotContainKeys("institution", "jurisdiction");
    assertThat(audiences(access)).contains("anjia-api");
    assertThat(access.get("preferred_username")).isEqualTo(username);
    if (withMobileNumber) {
      assertThat(access).doesNotContainKey("email");
    }
  }

  @Test
  void authorizationRequestsNeedPkceAndALocalhostRedirect() throws Exception {
    String challenge = randomUrlSafe(32);
    HttpResponse<String> withoutPkce = http.send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri()
        + "/protocol/openid-connect/auth?" + query(Map.of("client_id", CLIENT, "response_type", "code",
        "scope", "openid", "redirect_uri", REDIRECT_URI)))).GET().build(), utf8());
    assertThat(withoutPkce.statusCode()).isEqualTo(302);
    assertThat(withoutPkce.headers().firstValue("Location").orElseThrow()).contains("error=invalid_request");

    for (String foreign : List.of("http://evil.example/login/oauth2/code/keycloak",
        "http://127.0.0.1:8080/login/oauth2/code/keycloak", "http://localhost:8080/elsewhere")) {
      HttpResponse<String> rejected = http.send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri()
          + "/protocol/openid-connect/auth?" + query(Map.of("client_id", CLIENT, "response_type", "code",
          "scope", "openid", "redirect_uri", foreign, "code_challenge", challenge,
          "code_challenge_method", "S256")))).GET().build(), utf8());
      assertThat(rejected.statusCode()).as(foreign).isEqualTo(400);
    }
  }

  // --- helpers ---

  /**
   * Keycloak's session cookies are Secure; browsers send them to http://localhost (a secure
   * context), java.net.CookieManager does not. So keep them by hand, as a browser would here.
   */
  private static final class Browser {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = http.send(request.build(), utf8());
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
          cookies.remove(pair.substring(0, eq).trim());
        } else {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return response;
    }
  }

  private static Map<String, Object> accessToken(String username) throws Exception {
    return jwtPayload((String) passwordGrant(username, PASSWORD).get("access_token"));
  }

  private static Map<String, Object> passwordGrant(String username, String password) throws Exception {
    HttpResponse<String> response = tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT,
        "username", username, "password", password, "scope", "openid"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parseObject(response.body());
  }

  private static HttpResponse<String> tokenRequest(Map<String, String> fields) throws Exception {
    return http.send(HttpRequest.newBuilder(keycloak.tokenEndpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form(fields)).build(), utf8());
  }

  private static Map<String, Object> jwtPayload(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    return parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> realmRoles(Map<String, Object> claims) {
    return (List<Object>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
  }

  private static List<Object> audiences(Map<String, Object> claims) {
    Object aud = claims.get("aud");
    return aud instanceof List<?> list ? List.copyOf(list) : List.of(aud);
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(query(fields));
  }

  private static String query(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static HttpResponse.BodyHandler<String> utf8() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> parseObject(String json) throws Exception {
    return JSON.readValue(json, new TypeReference<>() {});
  }
}

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
import org.anjia.registry.DemoOtp;
import org.anjia.runtime.FreePorts;
import org.anjia.runtime.KeycloakServer;
import org.anjia.runtime.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Keycloak with the realm of infra/keycloak: the claims the service relies on (README
 * there), self-registration as a family, PKCE and redirect rules, failed logins recorded, the second
 * factor staff must give (and families need not), brute-force protection. The
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

  /** The audit import's service account reads the realm's events and nothing else (least privilege). */
  @Test
  void theAuditImportClientReadsEventsOnly() throws Exception {
    HttpResponse<String> grant = tokenRequest(Map.of("grant_type", "client_credentials",
        "client_id", "anjia-audit-events", "client_secret", "anjia-audit-events-local-only"));
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
    String token = (String) parseObject(grant.body()).get("access_token");

    assertThat(serviceAccountGet(token, "/events?max=1").statusCode()).isEqualTo(200);
    assertThat(serviceAccountGet(token, "/users?max=1").statusCode()).isEqualTo(403);
    // and it cannot sign anybody in: no password grant for this client
    HttpResponse<String> password = tokenRequest(Map.of("grant_type", "password", "client_id", "anjia-audit-events",
        "client_secret", "anjia-audit-events-local-only", "username", "auditor", "password", PASSWORD));
    assertThat(password.statusCode()).isIn(400, 401);
  }

  private static HttpResponse<String> serviceAccountGet(String token, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + keycloak.port() + "/admin/realms/anjia" + path))
        .header("Authorization", "Bearer " + token).GET().build(), utf8());
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

  // --- the second factor (TOTP) for staff, brute-force protection ---

  @Test
  void staffGetInOnlyWithTheirOneTimeCode() throws Exception {
    Browser browser = new Browser();
    Login login = Login.start(browser);
    HttpResponse<String> afterPassword = login.submitPassword("dir-nanchang", PASSWORD);
    assertThat(afterPassword.statusCode()).as("asked for the code, not sent back with one").isEqualTo(200);
    assertThat(afterPassword.body()).contains("id=\"kc-otp-login-form\"");

    // the code of ten minutes ago: right secret, long expired
    String wrong = DemoOtp.code(DemoOtp.secret("dir-nanchang").orElseThrow(), System.currentTimeMillis() / 30_000 - 20);
    HttpResponse<String> refused = login.submit(afterPassword, "kc-otp-login-form", Map.of("otp", wrong));
    assertThat(refused.statusCode()).as("a wrong code does not get in").isEqualTo(200);
    assertThat(refused.body()).contains("id=\"kc-otp-login-form\"").contains("id=\"input-error-otp\"");

    HttpResponse<String> signedIn = login.submit(refused, "kc-otp-login-form",
        Map.of("otp", DemoOtp.nextCode("dir-nanchang").orElseThrow()));
    Map<String, Object> access = login.tokens(signedIn);
    assertThat(realmRoles(access)).contains("director", "staff");
    assertThat(access.get("preferred_username")).isEqualTo("dir-nanchang");
  }

  @Test
  void aFamilySignsInWithThePasswordAlone() throws Exception {
    Login login = Login.start(new Browser());
    Map<String, Object> access = login.tokens(login.submitPassword("wang.family@example.com", PASSWORD));
    assertThat(realmRoles(access)).contains("family").doesNotContain("staff");
  }

  @Test
  void thePasswordGrantOfStaffNeedsTheCodeToo() throws Exception {
    HttpResponse<String> withoutCode = tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT,
        "username", "cw-jiujiang", "password", PASSWORD));
    assertThat(withoutCode.statusCode()).isEqualTo(400);
    assertThat(parseObject(withoutCode.body()).get("error")).isEqualTo("invalid_grant");

    assertThat(realmRoles(accessToken("cw-jiujiang"))).contains("caseworker");
  }

  /** Staff added later carry no code yet: Keycloak makes them enrol an authenticator before letting them in. */
  @Test
  void aNewStaffMemberEnrolsAnAuthenticatorBeforeGettingIn() throws Exception {
    String username = "cw-new-" + UUID.randomUUID().toString().substring(0, 8);
    newUser(username, "caseworker");

    Login login = Login.start(new Browser());
    HttpResponse<String> setup = login.submitPassword(username, PASSWORD);
    assertThat(setup.statusCode()).as("not let in before enrolling").isEqualTo(200);
    // the set-up page shows the new secret as a QR code; the form carries it as Keycloak keeps it (its UTF-8 bytes are the key)
    Matcher secret = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"").matcher(setup.body());
    assertThat(secret.find()).as("the authenticator set-up page:%n%s", setup.body()).isTrue();
    HttpResponse<String> enrolled = login.submit(setup, "kc-totp-settings-form", Map.of(
        "totp", DemoOtp.code(secret.group(1).getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() / 30_000),
        "totpSecret", secret.group(1),
        "userLabel", "test phone"));
    assertThat(realmRoles(login.tokens(enrolled))).contains("caseworker", "staff");
  }

  @Test
  void bruteForceProtectionLocksAnAccountAfterFailedPasswords() throws Exception {
    Map<String, Object> realm = adminGet("");
    assertThat(realm).containsEntry("bruteForceProtected", true).containsEntry("permanentLockout", false)
        .containsEntry("failureFactor", 10);

    String username = "family-" + UUID.randomUUID() + "@example.com";
    String id = newUser(username, "family");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThat(tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT, "username", username,
          "password", "not-the-password")).statusCode()).isEqualTo(400);
    }
    // two failures within a second (quickLoginCheckMilliSeconds): locked for a minute, the right password too
    HttpResponse<String> locked = tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT,
        "username", username, "password", PASSWORD));
    assertThat(locked.statusCode()).as(locked.body()).isEqualTo(400);
    assertThat(adminGet("/attack-detection/brute-force/users/" + id)).containsEntry("disabled", true);
  }

  /** A user of the realm made through the admin API, with the demo password and one realm role. */
  private static String newUser(String username, String role) throws Exception {
    HttpResponse<String> created = adminSend("POST", "/users", JSON.writeValueAsString(Map.of(
        "username", username, "email", username.contains("@") ? username : username + "@example.com",
        "emailVerified", true, "enabled", true, "firstName", "新", "lastName", "测试",
        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    String roleJson = JSON.writeValueAsString(adminGet("/roles/" + role));
    assertThat(adminSend("POST", "/users/" + id + "/role-mappings/realm", "[" + roleJson + "]").statusCode())
        .isEqualTo(204);
    return id;
  }

  private static Map<String, Object> adminGet(String path) throws Exception {
    HttpResponse<String> response = adminSend("GET", path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parseObject(response.body());
  }

  private static HttpResponse<String> adminSend(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + keycloak.port() + "/admin/realms/anjia" + path))
        .header("Authorization", "Bearer " + BrowserIntegrationTest.keycloakAdminToken())
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), utf8());
  }

  /** An authorization-code login through Keycloak's own pages, form by form, as a browser posts them. */
  private record Login(Browser browser, String verifier, HttpResponse<String> page) {

    static Login start(Browser browser) throws Exception {
      String verifier = randomUrlSafe(32);
      String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri()
          + "/protocol/openid-connect/auth?" + query(Map.of("client_id", CLIENT, "response_type", "code",
          "scope", "openid", "redirect_uri", REDIRECT_URI, "state", randomUrlSafe(8),
          "code_challenge", challenge, "code_challenge_method", "S256")))).GET());
      assertThat(page.statusCode()).isEqualTo(200);
      return new Login(browser, verifier, page);
    }

    HttpResponse<String> submitPassword(String username, String password) throws Exception {
      return submit(page, "kc-form-login", Map.of("username", username, "password", password));
    }

    /** Posts the form of that id on the page with these fields. */
    HttpResponse<String> submit(HttpResponse<String> on, String formId, Map<String, String> fields) throws Exception {
      Matcher tag = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(on.body());
      assertThat(tag.find()).as("form %s on the page:%n%s", formId, on.body()).isTrue();
      Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(tag.group());
      assertThat(action.find()).isTrue();
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)));
      // Keycloak's own next page (a required action) comes by redirect; the way back to the service stops here
      while (response.statusCode() == 302
          && !response.headers().firstValue("Location").orElseThrow().startsWith(REDIRECT_URI)) {
        response = browser.send(HttpRequest.newBuilder(URI.create(response.headers().firstValue("Location").orElseThrow())).GET());
      }
      return response;
    }

    /** The redirect back with a code, exchanged for the access token's claims. */
    Map<String, Object> tokens(HttpResponse<String> redirect) throws Exception {
      assertThat(redirect.statusCode()).as("sent back to the service:%n%s", redirect.body()).isEqualTo(302);
      String code = parseQuery(URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery())
          .get("code");
      HttpResponse<String> exchanged = tokenRequest(Map.of("grant_type", "authorization_code",
          "client_id", CLIENT, "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
      assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
      return jwtPayload((String) parseObject(exchanged.body()).get("access_token"));
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

  /** A password grant, with the one-time code the realm requires of staff. */
  private static Map<String, Object> passwordGrant(String username, String password) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", CLIENT,
        "username", username, "password", password, "scope", "openid"));
    DemoOtp.nextCode(username).ifPresent(code -> fields.put("totp", code));
    HttpResponse<String> response = tokenRequest(fields);
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

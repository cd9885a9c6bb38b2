package org.anjia.registry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for Keycloak's token signing in API tests (the issue allows "tokens signed by a test
 * key"): an RSA key whose public half is served as a JWK set at the realm's certs path, so the
 * service verifies tokens exactly as in production (signature, issuer, audience). Login through
 * the real Keycloak is tested separately.
 */
public final class TestIdentityProvider {

  /** A user of the realm as its token describes them. */
  public record User(String username, String role, String institution, String jurisdiction) {

    public String subject() {
      return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }
  }

  public static final User FAMILY_WANG = new User("wang.family@example.com", "family", null, null);
  public static final User FAMILY_LI = new User("li.family@example.com", "family", null, null);
  public static final User CASEWORKER_NANCHANG = new User("cw-nanchang", "caseworker", "nanchang-cwi", null);
  public static final User DIRECTOR_NANCHANG = new User("dir-nanchang", "director", "nanchang-cwi", null);
  public static final User CASEWORKER_JIUJIANG = new User("cw-jiujiang", "caseworker", "jiujiang-cwi", null);
  public static final User REGISTRAR_DONGHU = new User("reg-donghu", "registrar", null, "360102");
  public static final User REGISTRAR_LIANXI = new User("reg-lianxi", "registrar", null, "360402");
  public static final User ASSESSOR_DONGHU = new User("as-donghu", "assessor", null, "360102");
  public static final User AUDITOR = new User("auditor", "auditor", null, null);
  public static final User ADMIN = new User("admin", "admin", null, null);

  public static final List<User> EVERY_ROLE = List.of(FAMILY_WANG, CASEWORKER_NANCHANG, DIRECTOR_NANCHANG,
      REGISTRAR_DONGHU, ASSESSOR_DONGHU, AUDITOR, ADMIN);

  /** The demo realm's names (infra/keycloak/anjia-realm.json): family name, given name. */
  private static final Map<String, List<String>> NAMES = Map.of(
      "wang.family@example.com", List.of("王", "芳"), "li.family@example.com", List.of("李", "娜"),
      "cw-nanchang", List.of("张", "敏"), "dir-nanchang", List.of("刘", "建华"), "cw-jiujiang", List.of("陈", "静"),
      "reg-donghu", List.of("周", "丽"), "reg-lianxi", List.of("徐", "芳"), "as-donghu", List.of("吴", "强"),
      "auditor", List.of("赵", "明"), "admin", List.of("钱", "勇"));

  private static TestIdentityProvider instance;

  private final RSAKey key;
  private final HttpServer server;

  private TestIdentityProvider() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext("/realms/anjia/protocol/openid-connect/certs", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, jwks.length);
        exchange.getResponseBody().write(jwks);
        exchange.close();
      });
      server.start();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized TestIdentityProvider get() {
    if (instance == null) {
      instance = new TestIdentityProvider();
    }
    return instance;
  }

  public String issuer() {
    return "http://localhost:" + server.getAddress().getPort() + "/realms/anjia";
  }

  public String token(User user) {
    return sign(user, issuer(), List.of("anjia-api", "account"), key);
  }

  /** A token of the right shape signed by a key the service does not know. */
  public String tokenSignedByAnotherKey(User user) {
    return tokenSignedByAnotherKey(user, issuer());
  }

  /** The same in the name of another issuer (the real Keycloak's, where the service trusts that one). */
  public String tokenSignedByAnotherKey(User user, String issuer) {
    try {
      return sign(user, issuer, List.of("anjia-api"), new RSAKeyGenerator(2048).keyID("test-key").generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String tokenForAnotherAudience(User user) {
    return sign(user, issuer(), List.of("account"), key);
  }

  private static String sign(User user, String issuer, List<String> audience, RSAKey key) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(user.subject())
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("preferred_username", user.username())
        .claim("name", user.username())
        .claim("realm_access", Map.of("roles", List.of(user.role(), "default-roles-anjia")));
    List<String> names = NAMES.get(user.username());
    if (names != null) {
      // as Keycloak writes them: "name" is given name first
      claims.claim("family_name", names.get(0)).claim("given_name", names.get(1))
          .claim("name", names.get(1) + " " + names.get(0));
    }
    if (user.institution() != null) {
      claims.claim("institution", user.institution());
    }
    if (user.jurisdiction() != null) {
      claims.claim("jurisdiction", user.jurisdiction());
    }
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
          claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

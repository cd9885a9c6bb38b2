package org.anjia.registry.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks a bearer token's signature once, not on every call. A program sends the same token with
 * each request until it expires, and the RSA check with its parsing was the largest single cost of an
 * authenticated read (infra/bench/REPORT.md). The signature, issuer and audience of a token cannot
 * change; its times can, so they are checked on every use. A verified token is remembered for as
 * long as the signing keys it was checked with stay cached ({@code anjia.identity.key-set-refresh}),
 * so a key Keycloak withdraws stops being honoured no later than it would without this cache. Each
 * replica keeps its own: the answer is the same everywhere, nothing here has to agree.
 */
final class VerifiedTokens implements JwtDecoder {

  /** Bounds the memory: a token is about a kilobyte. */
  private static final int MAXIMUM = 10_000;

  private final JwtDecoder decoder;
  private final OAuth2TokenValidator<Jwt> times;
  private final Cache<String, Jwt> verified;

  /** {@code clock}: the real time tokens are issued in (not the engine's clock, which tests move). */
  VerifiedTokens(JwtDecoder decoder, Duration keyLifetime, Clock clock) {
    this.decoder = decoder;
    JwtTimestampValidator timestamps = new JwtTimestampValidator();
    timestamps.setClock(clock);
    this.times = timestamps;
    this.verified = Caffeine.newBuilder().maximumSize(MAXIMUM).expireAfterWrite(keyLifetime).build();
  }

  @Override
  public Jwt decode(String token) {
    Jwt known = verified.getIfPresent(token);
    if (known == null) {
      Jwt jwt = decoder.decode(token);
      verified.put(token, jwt);
      return jwt;
    }
    OAuth2TokenValidatorResult result = times.validate(known);
    if (result.hasErrors()) {
      verified.invalidate(token);
      throw new JwtValidationException("The token has expired or is not valid yet", result.getErrors());
    }
    return known;
  }
}

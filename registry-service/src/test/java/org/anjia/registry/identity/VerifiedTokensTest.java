package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The verified-token cache (pure logic: the signature check is the decoder's and is counted here, not
 * redone): a token is checked once, its expiry on every use, and a token that failed is checked again.
 */
class VerifiedTokensTest {

  private static final Instant ISSUED = Instant.parse("2026-12-06T08:00:00Z");

  private final AtomicInteger checks = new AtomicInteger();
  /** Stands for the signature check: "good" tokens pass (expiring five minutes after issue), others fail. */
  private final JwtDecoder signatures = token -> {
    checks.incrementAndGet();
    if (!token.startsWith("good")) {
      throw new BadJwtException("bad signature");
    }
    return Jwt.withTokenValue(token).header("alg", "RS256").subject("cw-nanchang")
        .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(5))).build();
  };

  @Test
  void aTokenIsCheckedOnceWhileItLives() {
    VerifiedTokens tokens = new VerifiedTokens(signatures, Duration.ofMinutes(5), at(ISSUED.plusSeconds(10)));

    assertThat(tokens.decode("good-1").getSubject()).isEqualTo("cw-nanchang");
    assertThat(tokens.decode("good-1").getSubject()).isEqualTo("cw-nanchang");
    tokens.decode("good-2");

    assertThat(checks).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItHasExpired() {
    MovableClock clock = new MovableClock(ISSUED.plusSeconds(10));
    VerifiedTokens tokens = new VerifiedTokens(signatures, Duration.ofMinutes(5), clock);
    tokens.decode("good-1");

    // past the expiry and the validator's minute of clock skew
    clock.now = ISSUED.plus(Duration.ofMinutes(6)).plusSeconds(1);

    assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void aRefusedTokenIsNotRemembered() {
    VerifiedTokens tokens = new VerifiedTokens(signatures, Duration.ofMinutes(5), at(ISSUED.plusSeconds(10)));

    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(checks).hasValue(2);
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

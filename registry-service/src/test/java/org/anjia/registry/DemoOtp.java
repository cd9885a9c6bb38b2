package org.anjia.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30 s) of the demo staff, computed from
 * the secret seeded for each of them in infra/keycloak/anjia-realm.json, as an authenticator app
 * would. Keycloak accepts the code of the current period and of the one before and after
 * ({@code otpPolicyLookAheadWindow} 1) but never the same code twice ({@code otpPolicyCodeReusable}
 * false): so every code handed out is of a later period than the last one for that user, and never of
 * the period before, which stops being taken at the next boundary, perhaps while the form is being sent
 * (a browser test failed so once); it waits for the next period when this one and the next were used. The last period used is kept in
 * {@code target/demo-otp/<user>}, shared with the browser scripts (src/test/e2e/otp.mjs), which
 * sign the same users in from other processes.
 */
public final class DemoOtp {

  private static final Path REALM = Path.of(System.getProperty("anjia.root", "..")).resolve("infra/keycloak/anjia-realm.json");
  private static final Path LAST_USED = Path.of("target/demo-otp");
  private static final long PERIOD_MILLIS = 30_000;

  private DemoOtp() {}

  /** The user's seeded TOTP secret (base32, as the realm keeps it), if the realm seeds one. */
  public static Optional<String> secret(String username) {
    try {
      for (JsonNode user : new ObjectMapper().readTree(REALM.toFile()).path("users")) {
        if (!username.equals(user.path("username").asText())) {
          continue;
        }
        for (JsonNode credential : user.path("credentials")) {
          if ("otp".equals(credential.path("type").asText())) {
            return Optional.of(new ObjectMapper().readTree(credential.path("secretData").asText()).path("value").asText());
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A code Keycloak takes now for this user, never one handed out before; empty without a seeded secret. */
  public static synchronized Optional<String> nextCode(String username) {
    return secret(username).map(secret -> {
      try {
        Path file = LAST_USED.resolve(username);
        long last = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : Long.MIN_VALUE;
        long now = System.currentTimeMillis() / PERIOD_MILLIS;
        long period = Math.max(now, last + 1);
        if (period > now + 1) {
          // this period and the next were used: wait until this one is the next
          Thread.sleep((period - 1) * PERIOD_MILLIS - System.currentTimeMillis() + 500);
        }
        Files.createDirectories(LAST_USED);
        Files.writeString(file, Long.toString(period));
        return code(secret, period);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  /** The TOTP code of a period for a secret written in base32 (as the realm and authenticator apps keep it). */
  public static String code(String base32Secret, long period) {
    return code(base32(base32Secret), period);
  }

  /** The TOTP code of a period (RFC 4226 dynamic truncation, 6 digits). */
  public static String code(byte[] key, long period) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(period).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
      return String.format("%06d", binary);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      int value = alphabet.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not a base32 character: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }
}

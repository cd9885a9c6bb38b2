package org.anjia.registry.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a client address's attempts at something public (e.g. verifying a certificate) and refuses
 * those beyond the limit until the window ends. The count lives in PostgreSQL (table
 * {@code request_attempt}), so every replica counts into the same row: one atomic upsert per
 * attempt, no lock held between requests. The window starts with the first attempt after the last
 * one ended. IPv6 clients count per /64, the block one subscriber usually gets.
 */
@Component
public class RateLimiter {

  /** At most {@code attempts} per {@code window} for one client address. */
  public record Limit(int attempts, Duration window) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  RateLimiter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records one attempt of {@code clientAddress} at {@code purpose}; throws
   * {@link TooManyRequestsException} when it is over the limit. Committed at once, on its own, refused
   * attempts included: an attempt counts whatever the request then does.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequestsException.class)
  public void attempt(String purpose, String clientAddress, Limit limit) {
    Instant now = clock.instant();
    Timestamp expired = Timestamp.from(now.minus(limit.window()));
    var window = jdbc.sql("""
            insert into request_attempt (purpose, client_address, window_start, attempts)
            values (:purpose, :address, :now, 1)
            on conflict (purpose, client_address) do update set
              window_start = case when request_attempt.window_start <= :expired then excluded.window_start
                                  else request_attempt.window_start end,
              attempts = case when request_attempt.window_start <= :expired then 1
                              else request_attempt.attempts + 1 end
            returning window_start, attempts""")
        .param("purpose", purpose).param("address", subscriber(clientAddress))
        .param("now", Timestamp.from(now)).param("expired", expired)
        .query((row, n) -> new Window(row.getTimestamp("window_start").toInstant(), row.getInt("attempts")))
        .single();
    if (window.attempts() == 1) {
      // a new window began: the finished windows of every address go (indexed by window_start)
      jdbc.sql("delete from request_attempt where purpose = :purpose and window_start <= :expired")
          .param("purpose", purpose).param("expired", expired).update();
    }
    if (window.attempts() > limit.attempts()) {
      throw new TooManyRequestsException(Duration.between(now, window.start().plus(limit.window())));
    }
  }

  private record Window(Instant start, int attempts) {}

  /** The address as it is counted: an IPv6 address by its /64 prefix, anything else as it is. */
  static String subscriber(String address) {
    if (address == null || !address.contains(":")) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      Arrays.fill(bytes, 8, 16, (byte) 0);
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return address;
    }
  }
}

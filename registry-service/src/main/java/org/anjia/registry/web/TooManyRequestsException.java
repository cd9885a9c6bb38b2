package org.anjia.registry.web;

import java.time.Duration;

/** A client made more attempts than its limit allows in the current window: 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(Duration retryAfter) {
    super("too many attempts; retry after " + retryAfter);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until the window ends, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}

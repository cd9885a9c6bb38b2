package org.anjia.registry.web;

/**
 * A service this one depends on (Keycloak's directory) does not answer: 503 with Retry-After and
 * the messages of {@code problem.<code>.title} and {@code .detail}. Nothing was changed.
 */
public class ServiceUnavailableException extends RuntimeException {

  private final String code;
  private final int retryAfterSeconds;

  public ServiceUnavailableException(String code, int retryAfterSeconds, Throwable cause) {
    super(code + " unavailable: " + cause.getMessage(), cause);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String code() {
    return code;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

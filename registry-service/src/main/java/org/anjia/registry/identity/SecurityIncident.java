package org.anjia.registry.identity;

/**
 * A request that was refused: a failed login or bad token ({@link Kind#AUTHENTICATION_FAILED}) or
 * a signed-in user asking for what their role does not allow ({@link Kind#ACCESS_DENIED}).
 * Published for the audit log, which keeps every one.
 */
public record SecurityIncident(Kind kind, String username, String method, String path, String address,
    String detail) {

  public enum Kind { AUTHENTICATION_FAILED, ACCESS_DENIED }
}

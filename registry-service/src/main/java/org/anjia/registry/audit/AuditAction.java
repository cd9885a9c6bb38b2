package org.anjia.registry.audit;

/** What happened to a record, or to a request. */
public enum AuditAction {
  READ,
  CREATE,
  UPDATE,
  /** Asked for something outside one's role or scope. */
  DENIED,
  /** A failed login or an invalid token (here or in Keycloak: a wrong password or one-time code). */
  AUTHENTICATION_FAILED,
  /** A login at Keycloak. */
  SIGNED_IN,
  /** A logout at Keycloak. */
  SIGNED_OUT,
  /** Keycloak issued tokens for a login or refreshed them. */
  TOKEN_ISSUED,
  /** A Keycloak account was registered or changed its profile, password or second factor. */
  ACCOUNT_CHANGED,
  /** Such a change that Keycloak refused. */
  ACCOUNT_CHANGE_FAILED
}

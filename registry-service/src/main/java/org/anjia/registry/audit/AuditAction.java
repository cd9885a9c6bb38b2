package org.anjia.registry.audit;

/** What happened to a record, or to a request. */
public enum AuditAction {
  READ,
  CREATE,
  UPDATE,
  /** Asked for something outside one's role or scope. */
  DENIED,
  /** A failed login or an invalid token. */
  AUTHENTICATION_FAILED
}

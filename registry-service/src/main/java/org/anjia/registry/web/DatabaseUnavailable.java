package org.anjia.registry.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one place that decides whether an error means "PostgreSQL cannot be reached" (stopped,
 * restarting, network), and what the client is told then: 503 problem+json with Retry-After, so it
 * sends the same request again (with its Idempotency-Key) once the database is back. Used by the
 * controller advice ({@link ProblemResponses}) and, for errors raised before it is reached (the
 * session lookup of a browser request), by {@link DatabaseOutageFilter}.
 */
final class DatabaseUnavailable {

  /** Seconds a client should wait before it retries: a PostgreSQL restart or fail-over takes about this long. */
  static final int RETRY_AFTER_SECONDS = 10;

  private DatabaseUnavailable() {}

  /**
   * Anywhere in the cause chain: no connection to be had (Spring's and Hikari's own exceptions), SQLState
   * class 08 ("connection exception"), 57P01-57P03 (PostgreSQL shutting down or starting), or a
   * connection the pool has closed already. That last one is what a client usually gets when PostgreSQL
   * goes away mid-transaction: Hikari closes a connection as soon as it reports 57P01 or 08xxx, the
   * rollback that follows then fails on the closed connection ("Connection is closed", no SQLState),
   * and Spring throws that failure in place of the original one.
   */
  static boolean isConnectionFailure(Throwable ex) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() == null && thrownByClosedPoolConnection(sql)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean thrownByClosedPoolConnection(SQLException ex) {
    StackTraceElement[] stack = ex.getStackTrace();
    return stack.length > 0 && HIKARI_CLOSED_CONNECTION.equals(stack[0].getClassName());
  }

  /** What stands in for a connection Hikari has closed: every call on it throws. */
  private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  /** The answer's body, in the request's language (the caller has set it in LocaleContextHolder). */
  static ProblemDetail problem(Labels labels) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        labels.of("problem.databaseUnavailable.detail", String.valueOf(RETRY_AFTER_SECONDS)));
    problem.setTitle(labels.of("problem.databaseUnavailable.title"));
    return problem;
  }
}

package org.anjia.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same 503 problem+json as {@link ProblemResponses} for a lost database connection that never
 * reaches the controller advice: a browser's session cookie makes Spring Session read the session
 * from PostgreSQL in its filter, before any controller, and without this the container would answer
 * 500 with its error page. Ordered just ahead of that filter (Spring Boot's default order for it),
 * and inside the HTTP observation filter, so the request metrics count these answers as 503.
 */
@Component
class DatabaseOutageFilter extends OncePerRequestFilter implements Ordered {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final ProblemAnswers answers;

  DatabaseOutageFilter(ProblemAnswers answers) {
    this.answers = answers;
  }

  @Override
  public int getOrder() {
    return SessionRepositoryFilter.DEFAULT_ORDER - 1;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException ex) {
      if (!DatabaseUnavailable.isConnectionFailure(ex) || response.isCommitted()) {
        throw ex;
      }
      // one line, no stack trace: during an outage every request would log one
      log.warn("Database unreachable, answered 503: {} {}: {}", request.getMethod(), request.getRequestURI(),
          ex.toString());
      response.reset();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      answers.write(request, response, DatabaseUnavailable::problem);
    }
  }
}

package org.anjia.registry.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The browser's CSRF token lives in its session (Spring Session's table: every replica knows it); the
 * cookie XSRF-TOKEN is only a readable copy for the pages, which echo it as X-XSRF-TOKEN. A plain
 * cookie double submit accepts any header equal to the cookie, so a cookie planted by a sibling host
 * (or over plain HTTP) with a value of the attacker's choosing would pass; here the header must equal
 * what this session was given. A visitor without a session gets no token kept and no session made.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

  private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository readableCopy = CookieCsrfTokenRepository.withHttpOnlyFalse();

  SessionCsrfTokens() {
    session.setHeaderName("X-XSRF-TOKEN");
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return session.generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (token == null) {
      // signed in or out: the old token is gone, and so is the pages' copy of it
      session.saveToken(null, request, response);
      readableCopy.saveToken(null, request, response);
    } else if (request.getSession(false) != null) {
      session.saveToken(token, request, response);
    }
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return session.loadToken(request);
  }

  /** Gives the pages the session's token in the cookie, when the request does not carry it already. */
  void offer(CsrfToken deferred, HttpServletRequest request, HttpServletResponse response) {
    String token = deferred.getToken();
    if (request.getSession(false) != null && !token.equals(cookie(request))) {
      readableCopy.saveToken(deferred, request, response);
    }
  }

  private static String cookie(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if ("XSRF-TOKEN".equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}

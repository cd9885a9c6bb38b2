package org.anjia.registry.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.ProblemAnswers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The way in to Keycloak ({@code /oauth2/authorization/...}) while Keycloak does not answer: instead
 * of sending the browser to a dead host, 503 with a page saying that signed-in users keep working
 * (their sessions live in PostgreSQL and need no Keycloak) and to try again later; problem+json for
 * a client that asks for JSON.
 */
final class LoginUnavailable extends OncePerRequestFilter {

  /** Seconds a client should wait before it tries again; about how long a Keycloak restart takes. */
  private static final int RETRY_AFTER_SECONDS = 30;

  private final IssuerProbe probe;
  private final ProblemAnswers answers;
  private final Labels labels;

  LoginUnavailable(IssuerProbe probe, ProblemAnswers answers, Labels labels) {
    this.probe = probe;
    this.answers = answers;
    this.labels = labels;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/authorization/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (probe.answers()) {
      chain.doFilter(request, response);
    } else {
      answer(request, response);
    }
  }

  /** The 503 itself: a page for a person, problem+json for a program. */
  void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (wantsJson(request)) {
      answers.write(request, response, words -> {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
            words.of("problem.loginUnavailable.detail"));
        problem.setTitle(words.of("problem.loginUnavailable.title"));
        return problem;
      });
      return;
    }
    String title = labels.of("problem.loginUnavailable.title");
    String detail = labels.of("problem.loginUnavailable.detail");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    // plain markup, no script or style element: the pages' Content-Security-Policy applies here too
    response.getWriter().write("<!doctype html>\n<html lang=\"" + LocaleContextHolder.getLocale().toLanguageTag()
        + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head>"
        + "<body style=\"font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem\">"
        + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
        + "<p data-testid=\"login-unavailable\">" + HtmlUtils.htmlEscape(detail) + "</p>"
        + "<p><a href=\"" + HtmlUtils.htmlEscape(request.getContextPath() + "/") + "\">"
        + HtmlUtils.htmlEscape(labels.of("problem.loginUnavailable.back")) + "</a></p>"
        + "</body></html>\n");
  }

  /** A program asking for JSON (and not for a page, as browsers do on a navigation). */
  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("json") && !accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}

package org.anjia.registry.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A problem+json answer written where no controller advice runs (servlet filters, Tomcat's error
 * valve), in the request's language: outside DispatcherServlet nobody has set it yet.
 */
@Component
public class ProblemAnswers {

  private final ObjectMapper json;
  private final Labels labels;
  private final LocaleResolver locales;

  ProblemAnswers(ObjectMapper json, Labels labels, LocaleResolver locales) {
    this.json = json;
    this.labels = labels;
    this.locales = locales;
  }

  /** The problem, made with the request's labels, as the answer's body; the caller has set the status. */
  public void write(HttpServletRequest request, HttpServletResponse response, Function<Labels, ProblemDetail> problem)
      throws IOException {
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    try {
      ProblemDetail body = problem.apply(labels);
      body.setStatus(response.getStatus());
      // a request line Tomcat refused may hold no address, or no valid one: the problem goes without
      String address = request.getRequestURI();
      if (address != null) {
        try {
          body.setInstance(URI.create(address));
        } catch (IllegalArgumentException notAnAddress) {
          body.setInstance(null);
        }
      }
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), body);
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}

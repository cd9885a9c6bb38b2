package org.anjia.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON is taken in UTF-8 only (RFC 8259 section 8.1: JSON exchanged between systems is UTF-8). Spring
 * would decode a body declared in another charset (latin-9, say) by that charset and store whatever
 * it makes of the bytes; such a request answers 415 problem+json instead, and nothing is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonInUtf8 extends OncePerRequestFilter {

  private final ProblemAnswers answers;

  JsonInUtf8(ProblemAnswers answers) {
    this.answers = answers;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!declaresJsonInAnotherCharset(request.getContentType())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
    answers.write(request, response, labels -> {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          labels.of("problem.jsonCharset.detail"));
      problem.setTitle(labels.of("problem.jsonCharset.title"));
      return problem;
    });
  }

  private static boolean declaresJsonInAnotherCharset(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      String charset = type.getParameter("charset");
      boolean isJson = type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
      return isJson && charset != null && !charset.replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name())
          && !charset.replace("\"", "").equalsIgnoreCase("utf8");
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}

package org.anjia.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The request's language (zh-CN unless the client asks for English) set before Spring Security
 * answers: its 401 and 403 problems are written before the dispatcher would resolve the locale, and
 * would otherwise speak the server's default language.
 */
@Component
class RequestLanguage extends OncePerRequestFilter implements Ordered {

  private final LocaleResolver resolver;

  RequestLanguage(LocaleResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LocaleContextHolder.setLocale(resolver.resolveLocale(request));
    chain.doFilter(request, response);
  }

  /** After Spring's RequestContextFilter (which sets the container's locale), before the security chain. */
  @Override
  public int getOrder() {
    return SecurityProperties.DEFAULT_FILTER_ORDER - 1;
  }
}

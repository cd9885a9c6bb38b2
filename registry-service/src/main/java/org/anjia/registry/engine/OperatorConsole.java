package org.anjia.registry.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.operaton.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operaton Cockpit (running instances, incidents, retries) for operators, behind the same Keycloak
 * login as every page: Spring Security admits only the admin role to {@code /operaton/**}
 * (identity/SecurityConfiguration), and the webapp takes the signed-in user from there instead of
 * its own user tables, which stay empty (no second user store, no default password). Tasklist and
 * the Admin webapp are closed: tasks are completed through the registry's pages, which validate them.
 */
@Configuration(proxyBeanMethods = false)
class OperatorConsole {

  /** The engine group the operator gets in Cockpit. */
  static final String OPERATOR_GROUP = "operaton-admin";

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> operatorConsoleAuthentication(
      @Value("${operaton.bpm.webapp.application-path:/operaton}") String path) {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", SignedInOperator.class.getName()));
    registration.addUrlPatterns(path + "/app/*", path + "/api/*");
    // after Spring Security, which has signed the user in (or refused them)
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** The engine knows people only as the operator signed in right now (SignedInOperators). */
  @Bean
  static ProcessEnginePlugin signedInOperators() {
    return new SignedInOperators.Plugin();
  }

  /** The user Spring Security signed in; only admins reach here. Public: the webapp instantiates it by name. */
  public static class SignedInOperator implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      return SignedInOperators.operator().map(name -> {
        AuthenticationResult result = AuthenticationResult.successful(name);
        result.setGroups(List.of(OPERATOR_GROUP));
        result.setTenants(List.of());
        return result;
      }).orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      // Spring Security has already sent unauthenticated users to the Keycloak login
    }
  }
}

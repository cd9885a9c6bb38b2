package org.anjia.registry.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Family self-registration: the landing page's 注册 button starts the same PKCE login as 登录, but
 * asks Keycloak to show its registration form first (OIDC {@code prompt=create}). The new account
 * comes back signed in, with the realm's default role {@code family}.
 */
@Controller
class RegistrationController {

  static final String REGISTER_PARAMETER = "register";

  @GetMapping("/register")
  String register() {
    return "redirect:" + SecurityConfiguration.LOGIN_PATH + "?" + REGISTER_PARAMETER;
  }

  static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations) {
    DefaultOAuth2AuthorizationRequestResolver standard =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    return new OAuth2AuthorizationRequestResolver() {
      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withPrompt(request, standard.resolve(request));
      }

      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withPrompt(request, standard.resolve(request, clientRegistrationId));
      }
    };
  }

  private static OAuth2AuthorizationRequest withPrompt(HttpServletRequest request,
      OAuth2AuthorizationRequest authorization) {
    if (authorization == null || request.getParameter(REGISTER_PARAMETER) == null) {
      return authorization;
    }
    return OAuth2AuthorizationRequest.from(authorization)
        .additionalParameters(parameters -> parameters.put("prompt", "create"))
        .build();
  }
}

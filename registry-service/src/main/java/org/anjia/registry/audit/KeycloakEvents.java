package org.anjia.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The realm's user events (logins, failed passwords and codes, logouts, credential changes), read
 * through Keycloak's admin API as the service account {@code anjia-audit-events}, which may view
 * events and nothing else (infra/keycloak). Its token comes from Spring Security's client
 * credentials support (registration {@value #REGISTRATION}), outside any request.
 */
@Component
class KeycloakEvents {

  static final String REGISTRATION = "keycloak-events";
  private static final int PAGE_SIZE = 100;
  /** Whose token it is: the service itself, not a person (the authorized client is kept under this name). */
  private static final Authentication SERVICE = new AnonymousAuthenticationToken("anjia",
      "anjia-audit-events", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  private final RestClient http;

  KeycloakEvents(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients,
      @Value("${anjia.audit.keycloak-events.realm}") String realm) {
    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    var tokens = new OAuth2ClientHttpRequestInterceptor(manager);
    tokens.setClientRegistrationIdResolver(request -> REGISTRATION);
    tokens.setPrincipalResolver(request -> SERVICE);
    // a token Keycloak refuses (revoked, realm keys rotated) is dropped, so the next tick gets a new one
    tokens.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    http = RestClient.builder().baseUrl(realm.replace("/realms/", "/admin/realms/")).requestInterceptor(tokens).build();
  }

  /**
   * Hands over the events from {@code from} on (inclusive; all kept when null), oldest first, a page at
   * a time, until there are no more or {@code next} answers false.
   */
  void from(Instant from, Page next) {
    for (int first = 0; ; first += PAGE_SIZE) {
      int offset = first;
      JsonNode page = http.get().uri(uri -> {
            uri.path("/events").queryParam("direction", "asc").queryParam("first", offset)
                .queryParam("max", PAGE_SIZE);
            if (from != null) {
              uri.queryParam("dateFrom", from.toEpochMilli());
            }
            return uri.build();
          })
          .retrieve().body(JsonNode.class);
      if (page == null || !next.take(page) || page.size() < PAGE_SIZE) {
        return;
      }
    }
  }

  /** Takes one page of events; false to stop reading. */
  @FunctionalInterface
  interface Page {
    boolean take(JsonNode events);
  }
}

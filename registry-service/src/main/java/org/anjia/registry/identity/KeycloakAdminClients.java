package org.anjia.registry.identity;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The service's own calls to Keycloak's admin API, each as a service account of its own (a client-credentials
 * registration under {@code spring.security.oauth2.client}). Spring Security's OAuth2 client fetches the
 * account's token, keeps it until it expires and drops one Keycloak refuses, so the next call gets a new one.
 * Every call, the token's included, gives up after the timeouts below: a hung Keycloak fails the question
 * (503 for a person, a retry at the next tick for the event import) instead of holding its thread.
 */
@Component
public class KeycloakAdminClients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final AuthorizedClientServiceOAuth2AuthorizedClientManager tokens;
  private final OAuth2AuthorizedClientService authorizedClients;

  KeycloakAdminClients(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients) {
    this.authorizedClients = authorizedClients;
    RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
    // as the token client's own RestClient is built (its converters and error handler), with the timeouts
    tokenEndpoint.setRestClient(RestClient.builder()
        .requestFactory(timeouts())
        .messageConverters(converters -> {
          converters.clear();
          converters.add(new FormHttpMessageConverter());
          converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
        })
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build());
    tokens = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    tokens.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .clientCredentials(clientCredentials -> clientCredentials.accessTokenResponseClient(tokenEndpoint))
        .build());
  }

  /** Calls to the admin API of {@code realm} (its issuer URL) with the token of the registration's service account. */
  public RestClient of(String registration, String realm) {
    var interceptor = new OAuth2ClientHttpRequestInterceptor(tokens);
    interceptor.setClientRegistrationIdResolver(request -> registration);
    // whose token it is: the service itself, not a person (the authorized client is kept under this name)
    interceptor.setPrincipalResolver(request -> new AnonymousAuthenticationToken("anjia", registration,
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    interceptor.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    return RestClient.builder()
        .baseUrl(realm.replace("/realms/", "/admin/realms/"))
        .requestFactory(timeouts())
        .requestInterceptor(interceptor)
        .build();
  }

  private static JdkClientHttpRequestFactory timeouts() {
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    factory.setReadTimeout(READ_TIMEOUT);
    return factory;
  }
}

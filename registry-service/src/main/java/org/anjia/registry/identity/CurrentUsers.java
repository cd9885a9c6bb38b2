package org.anjia.registry.identity;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request. */
@Component
public class CurrentUsers {

  /** Key under which the browser login keeps the access token's claims in the OIDC user. */
  static final String ACCESS_CLAIMS = "anjia_access_claims";

  public Optional<CurrentUser> find() {
    return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication()).flatMap(CurrentUsers::of);
  }

  public CurrentUser current() {
    return find().orElseThrow(() -> new IllegalStateException("No signed-in user in this request"));
  }

  @SuppressWarnings("unchecked")
  static Optional<CurrentUser> of(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return Optional.of(CurrentUser.fromClaims(jwt.getToken().getClaims()));
    }
    if (authentication instanceof OAuth2AuthenticationToken login
        && login.getPrincipal().getAttributes().get(ACCESS_CLAIMS) instanceof Map<?, ?> claims) {
      return Optional.of(CurrentUser.fromClaims((Map<String, Object>) claims));
    }
    return Optional.empty();
  }
}

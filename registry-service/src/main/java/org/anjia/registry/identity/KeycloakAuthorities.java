package org.anjia.registry.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak realm roles become Spring authorities (ROLE_CASEWORKER …), for bearer tokens and for
 * the browser login alike. The browser login reads them from the access token (verified with the
 * same decoder as the API's), since Keycloak's ID token carries no realm roles.
 */
final class KeycloakAuthorities {

  private KeycloakAuthorities() {}

  static Set<GrantedAuthority> of(CurrentUser user) {
    Set<GrantedAuthority> authorities = new HashSet<>();
    user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    return authorities;
  }

  /** For the resource server: a verified JWT becomes an authentication with the realm roles. */
  static Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
    return jwt -> {
      CurrentUser user = CurrentUser.fromClaims(jwt.getClaims());
      return new JwtAuthenticationToken(jwt, of(user), user.username());
    };
  }

  /** For the browser login: the OIDC user, enriched with what the access token says about roles and scope. */
  static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(JwtDecoder accessTokens) {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser oidcUser = standard.loadUser(request);
      Jwt access = accessTokens.decode(request.getAccessToken().getTokenValue());
      CurrentUser user = CurrentUser.fromClaims(access.getClaims());
      Map<String, Object> claims = new HashMap<>(oidcUser.getUserInfo() == null ? Map.of()
          : oidcUser.getUserInfo().getClaims());
      claims.put(CurrentUsers.ACCESS_CLAIMS, sessionClaims(user));
      return new DefaultOidcUser(of(user), oidcUser.getIdToken(), new OidcUserInfo(claims), "preferred_username");
    };
  }

  /** Only plain values go into the (database-stored) session. */
  private static Map<String, Object> sessionClaims(CurrentUser user) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", user.subject());
    claims.put("preferred_username", user.username());
    claims.put("name", user.displayName());
    claims.put("realm_access", Map.of("roles", List.copyOf(user.roles().stream().map(Role::name).toList())));
    if (user.institution() != null) {
      claims.put("institution", user.institution());
    }
    if (user.jurisdiction() != null) {
      claims.put("jurisdiction", user.jurisdiction());
    }
    return claims;
  }
}

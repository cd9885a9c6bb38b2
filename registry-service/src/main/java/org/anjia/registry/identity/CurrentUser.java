package org.anjia.registry.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is asking, whichever way they signed in (browser session or bearer token): the Keycloak
 * subject, a name to show and record, the realm roles, and the institution (儿童福利机构) or
 * county-level jurisdiction (民政部门) their group membership gives them.
 */
public record CurrentUser(
    String subject,
    String username,
    String displayName,
    Set<Role> roles,
    String institution,
    String jurisdiction) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... candidates) {
    for (Role role : candidates) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * This user as a history entry records them: the role they act in (a director who is also a
   * caseworker acts as director), their unit, and their name when the token carries one (a
   * token without names falls back to the login, which is not kept as a name).
   */
  public Actor asActor() {
    Role role = roles.stream().min(Enum::compareTo).orElse(null);
    if (roles.contains(Role.DIRECTOR)) {
      role = Role.DIRECTOR;
    }
    String name = displayName == null || displayName.equals(username) ? null : displayName;
    return new Actor(username, role, name, institution != null ? institution : jurisdiction);
  }

  /** The candidate groups whose tasks this user may work (auditors and admins work none). */
  public List<String> candidateGroups() {
    return roles.stream().filter(role -> role != Role.AUDITOR && role != Role.ADMIN).map(Role::candidateGroup).toList();
  }

  /** Reads the claims of a Keycloak access token (realm_access.roles, institution, jurisdiction). */
  static CurrentUser fromClaims(Map<String, Object> claims) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
        && realmAccess.get("roles") instanceof Collection<?> realmRoles) {
      realmRoles.forEach(r -> Role.fromRealmRole(String.valueOf(r)).ifPresent(roles::add));
    }
    String username = text(claims.get("preferred_username"), text(claims.get("sub"), "unknown"));
    // Chinese names read family name first (张社工); Keycloak's "name" puts the given name first
    String familyName = text(claims.get("family_name"), "");
    String givenName = text(claims.get("given_name"), "");
    String name = familyName.isEmpty() && givenName.isEmpty()
        ? text(claims.get("name"), username) : familyName + givenName;
    return new CurrentUser(text(claims.get("sub"), username), username, name, Set.copyOf(roles),
        text(claims.get("institution"), null), text(claims.get("jurisdiction"), null));
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }
}

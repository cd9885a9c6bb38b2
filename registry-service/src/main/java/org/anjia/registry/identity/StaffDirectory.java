package org.anjia.registry.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Who is staff of which institution, asked of Keycloak, the one source of people: a user's realm
 * roles and groups through Keycloak's admin API, with the read-only service account
 * {@code anjia-directory} (infra/keycloak). Nothing is cached, so a person removed from an
 * institution in Keycloak is no longer offered work here.
 */
@Component
public class StaffDirectory {

  private final IdentityProperties identity;
  private final RestClient http = RestClient.create();
  private final String clientId;
  private final String clientSecret;

  StaffDirectory(IdentityProperties identity, @Value("${anjia.identity.directory.client-id}") String clientId,
      @Value("${anjia.identity.directory.client-secret}") String clientSecret) {
    this.identity = identity;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Whether {@code username} has one of the roles and belongs to the institution's group. */
  public boolean isStaffOf(String username, String institution, Set<Role> roles) {
    String token = serviceToken();
    String admin = identity.issuer().replace("/realms/", "/admin/realms/");
    JsonNode users = http.get().uri(admin + "/users?exact=true&username={username}", username)
        .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
    JsonNode user = StreamSupport.stream(users.spliterator(), false)
        .filter(u -> username.equals(u.path("username").asText())).findFirst().orElse(null);
    if (user == null || !user.path("enabled").asBoolean()) {
      return false;
    }
    String id = user.path("id").asText();
    JsonNode realmRoles = http.get().uri(admin + "/users/{id}/role-mappings/realm/composite", id)
        .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
    boolean hasRole = StreamSupport.stream(realmRoles.spliterator(), false)
        .anyMatch(role -> roles.stream().anyMatch(r -> r.name().equalsIgnoreCase(role.path("name").asText())));
    JsonNode groups = http.get().uri(admin + "/users/{id}/groups", id)
        .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
    boolean inInstitution = StreamSupport.stream(groups.spliterator(), false)
        .anyMatch(group -> ("/institutions/" + institution).equals(group.path("path").asText()));
    return hasRole && inInstitution;
  }

  private String serviceToken() {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", clientId);
    form.add("client_secret", clientSecret);
    return http.post().uri(identity.endpoint("token")).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
        .retrieve().body(JsonNode.class).path("access_token").asText();
  }
}

package org.anjia.registry.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.anjia.registry.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Who is staff where, asked of Keycloak, the one source of people: users' realm roles and groups
 * (an institution's, a jurisdiction's) through Keycloak's admin API, with the read-only service
 * account {@code anjia-directory} (infra/keycloak). Nothing is cached, so a person removed from an
 * institution or a jurisdiction in Keycloak is no longer offered work here. While Keycloak does not
 * answer, the question fails fast with 503 (nothing changed, try again later), not 500.
 */
@Component
public class StaffDirectory {

  /** A member of staff: the user name the registry records, and the name people read. */
  public record Person(String username, String name) {}

  /** Seconds a client should wait before it asks again; about how long a Keycloak restart takes. */
  private static final int RETRY_AFTER_SECONDS = 30;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final RestClient http = RestClient.builder()
      .requestFactory(timeouts())
      .build();
  private final String realm;
  private final String clientId;
  private final String clientSecret;

  StaffDirectory(@Value("${anjia.identity.directory.realm}") String realm,
      @Value("${anjia.identity.directory.client-id}") String clientId,
      @Value("${anjia.identity.directory.client-secret}") String clientSecret) {
    this.realm = realm;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** {@code username} with their name, if they have one of the roles and belong to the institution's group. */
  public Optional<Person> staffOf(String username, String institution, Set<Role> roles) {
    return whileKeycloakAnswers(() -> staffOf(admin(), username, institution, roles));
  }

  private static Optional<Person> staffOf(Admin admin, String username, String institution, Set<Role> roles) {
    JsonNode users = admin.get("/users?exact=true&username={username}", username);
    return StreamSupport.stream(users.spliterator(), false)
        .filter(user -> username.equals(user.path("username").asText()) && user.path("enabled").asBoolean())
        .filter(user -> admin.hasAnyRole(user, roles)
            && StreamSupport.stream(admin.get("/users/{id}/groups", user.path("id").asText()).spliterator(), false)
                .anyMatch(group -> ("/institutions/" + institution).equals(group.path("path").asText())))
        .map(user -> new Person(username, name(user)))
        .findFirst();
  }

  /** The enabled members of the jurisdiction's group (县级民政部门) who have the role, by name. */
  public List<Person> ofJurisdiction(String jurisdiction, Role role) {
    return whileKeycloakAnswers(() -> ofJurisdiction(admin(), jurisdiction, role));
  }

  private static List<Person> ofJurisdiction(Admin admin, String jurisdiction, Role role) {
    JsonNode group = admin.get("/group-by-path/jurisdictions/{code}", jurisdiction);
    JsonNode members = admin.get("/groups/{id}/members?max=1000", group.path("id").asText());
    return StreamSupport.stream(members.spliterator(), false)
        .filter(user -> user.path("enabled").asBoolean() && admin.hasAnyRole(user, Set.of(role)))
        .map(user -> new Person(user.path("username").asText(), name(user)))
        .sorted(Comparator.comparing(Person::username))
        .toList();
  }

  /** As people are named here: family name first (吴 + 评估员), the user name when Keycloak has no name. */
  private static String name(JsonNode user) {
    String name = (user.path("lastName").asText("") + user.path("firstName").asText("")).trim();
    return name.isEmpty() ? user.path("username").asText() : name;
  }

  /** No answer, or Keycloak (or a proxy in front) failing: 503; its refusals (4xx) stay errors of ours. */
  private static <T> T whileKeycloakAnswers(Supplier<T> question) {
    try {
      return question.get();
    } catch (ResourceAccessException | HttpServerErrorException e) {
      throw new ServiceUnavailableException("staffDirectoryUnavailable", RETRY_AFTER_SECONDS, e);
    }
  }

  private static JdkClientHttpRequestFactory timeouts() {
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    factory.setReadTimeout(READ_TIMEOUT);
    return factory;
  }

  private Admin admin() {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", clientId);
    form.add("client_secret", clientSecret);
    String token = http.post().uri(realm + "/protocol/openid-connect/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
        .retrieve().body(JsonNode.class).path("access_token").asText();
    return new Admin(realm.replace("/realms/", "/admin/realms/"), token);
  }

  /** The realm's admin API with one service-account token. */
  private final class Admin {
    private final String base;
    private final String token;

    Admin(String base, String token) {
      this.base = base;
      this.token = token;
    }

    JsonNode get(String path, Object... variables) {
      return http.get().uri(base + path, variables).header("Authorization", "Bearer " + token)
          .retrieve().body(JsonNode.class);
    }

    boolean hasAnyRole(JsonNode user, Set<Role> roles) {
      JsonNode realmRoles = get("/users/{id}/role-mappings/realm/composite", user.path("id").asText());
      return StreamSupport.stream(realmRoles.spliterator(), false)
          .anyMatch(role -> roles.stream().anyMatch(r -> r.name().equalsIgnoreCase(role.path("name").asText())));
    }
  }
}

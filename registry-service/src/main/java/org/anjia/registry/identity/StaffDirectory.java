package org.anjia.registry.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.anjia.registry.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Who is staff where, asked of Keycloak, the one source of people: users' realm roles and groups
 * (an institution's, a jurisdiction's) through Keycloak's admin API, as the read-only service
 * account {@code anjia-directory} (infra/keycloak; registration {@value #REGISTRATION}, its token kept by
 * {@link KeycloakAdminClients}). No answer is cached, so a person removed from an institution or a
 * jurisdiction in Keycloak is no longer offered work here. While Keycloak does not answer, the question
 * fails fast with 503 (nothing changed, try again later), not 500.
 */
@Component
public class StaffDirectory {

  /** A member of staff: the user name the registry records, and the name people read. */
  public record Person(String username, String name) {}

  static final String REGISTRATION = "keycloak-directory";
  /** Seconds a client should wait before it asks again; about how long a Keycloak restart takes. */
  private static final int RETRY_AFTER_SECONDS = 30;

  private final RestClient admin;

  StaffDirectory(KeycloakAdminClients admin, @Value("${anjia.identity.directory.realm}") String realm) {
    this.admin = admin.of(REGISTRATION, realm);
  }

  /** {@code username} with their name, if they have one of the roles and belong to the institution's group. */
  public Optional<Person> staffOf(String username, String institution, Set<Role> roles) {
    return whileKeycloakAnswers(() -> {
      JsonNode users = get("/users?exact=true&username={username}", username);
      return StreamSupport.stream(users.spliterator(), false)
          .filter(user -> username.equals(user.path("username").asText()) && user.path("enabled").asBoolean())
          .filter(user -> hasAnyRole(user, roles)
              && StreamSupport.stream(get("/users/{id}/groups", user.path("id").asText()).spliterator(), false)
                  .anyMatch(group -> ("/institutions/" + institution).equals(group.path("path").asText())))
          .map(user -> new Person(username, name(user)))
          .findFirst();
    });
  }

  /** The enabled members of the jurisdiction's group (县级民政部门) who have the role, by name. */
  public List<Person> ofJurisdiction(String jurisdiction, Role role) {
    return whileKeycloakAnswers(() -> {
      JsonNode group = get("/group-by-path/jurisdictions/{code}", jurisdiction);
      JsonNode members = get("/groups/{id}/members?max=1000", group.path("id").asText());
      return StreamSupport.stream(members.spliterator(), false)
          .filter(user -> user.path("enabled").asBoolean() && hasAnyRole(user, Set.of(role)))
          .map(user -> new Person(user.path("username").asText(), name(user)))
          .sorted(Comparator.comparing(Person::username))
          .toList();
    });
  }

  /** As people are named here: family name first (吴 + 评估员), the user name when Keycloak has no name. */
  private static String name(JsonNode user) {
    String name = (user.path("lastName").asText("") + user.path("firstName").asText("")).trim();
    return name.isEmpty() ? user.path("username").asText() : name;
  }

  /**
   * No answer, or Keycloak (or a proxy in front) failing, for the token or the question: 503; its refusals
   * (4xx) stay errors of ours.
   */
  private static <T> T whileKeycloakAnswers(Supplier<T> question) {
    try {
      return question.get();
    } catch (RestClientException | OAuth2AuthorizationException e) {
      if (unanswered(e)) {
        throw new ServiceUnavailableException("staffDirectoryUnavailable", RETRY_AFTER_SECONDS, e);
      }
      throw e;
    }
  }

  /** Also as the cause of a failed token request, which Spring Security's OAuth2 client wraps twice. */
  private static boolean unanswered(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
        return true;
      }
    }
    return false;
  }

  private JsonNode get(String path, Object... variables) {
    return admin.get().uri(path, variables).retrieve().body(JsonNode.class);
  }

  private boolean hasAnyRole(JsonNode user, Set<Role> roles) {
    JsonNode realmRoles = get("/users/{id}/role-mappings/realm/composite", user.path("id").asText());
    return StreamSupport.stream(realmRoles.spliterator(), false)
        .anyMatch(role -> roles.stream().anyMatch(r -> r.name().equalsIgnoreCase(role.path("name").asText())));
  }
}

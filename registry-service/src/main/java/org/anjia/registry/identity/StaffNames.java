package org.anjia.registry.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * The names people read where the registry keeps only a member of staff's user name: the engine's task
 * assignee is shown as 张敏, not as cw-nanchang. Kept in the database (V34), so every replica shows the
 * same, and written whenever someone becomes an assignee, with the name their token or Keycloak's
 * directory gives at that moment, and whenever a member of staff signs in on the pages: a renamed person
 * shows the new name from their next sign-in or assignment on.
 */
@Component
public class StaffNames {

  private final JdbcClient jdbc;
  private final Clock clock;

  StaffNames(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the name {@code username} is shown by; no name (or only the login again) records nothing. */
  public void remember(String username, String name) {
    if (name == null || name.isBlank() || name.equals(username)) {
      return;
    }
    // not "on conflict do update": that locks the row even when the name is unchanged, and every claim
    // of one member of staff would then wait for their previous claim's transaction to end
    jdbc.sql("""
            with renamed as (
              update staff_name set display_name = :name, recorded_at = :at
              where username = :username and display_name <> :name
              returning username)
            insert into staff_name (username, display_name, recorded_at)
            select :username, :name, :at where not exists (select 1 from renamed)
            on conflict (username) do nothing""")
        .param("username", username)
        .param("name", name.strip())
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  /** Staff who sign in on the pages (a bearer token's every request is not a sign-in); families are never assignees. */
  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    CurrentUsers.of(event.getAuthentication())
        .filter(user -> user.hasAny(Role.CASEWORKER, Role.DIRECTOR, Role.REGISTRAR, Role.ASSESSOR))
        .ifPresent(user -> remember(user.username(), user.asActor().name()));
  }

  /** The name {@code username} is shown by: the recorded one, else the user name itself. */
  public String nameOf(String username) {
    return namesOf(List.of(username)).getOrDefault(username, username);
  }

  /** The recorded names of these user names; a user name without one is not in the map. */
  public Map<String, String> namesOf(Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("select username, display_name from staff_name where username in (:usernames)")
        .param("usernames", usernames)
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}

package org.anjia.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClientException;

/**
 * Copies Keycloak's user events into the audit log, so a failed password at Keycloak is on the same
 * chain as everything the registry records. Run by the timer of processes/keycloak-event-import.bpmn:
 * one timer job for all replicas, so one node imports per tick. Each event is recorded once by its
 * Keycloak id (keycloak_event); its audit entry is appended in the same transaction.
 */
@Component("keycloakEventImport")
public class KeycloakEventImport implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(KeycloakEventImport.class);

  /** What the audit log calls these entries; the object id is Keycloak's event id. */
  public static final String OBJECT_TYPE = "KEYCLOAK_EVENT";
  /**
   * Each import looks back this far before the newest event it has: Keycloak may store an event after a
   * later-stamped one (several Keycloak nodes, clocks). Events seen again insert nothing.
   */
  private static final Duration LOOK_BACK = Duration.ofMinutes(5);
  /** New events per tick at most: a long backlog (first start, an outage) is taken over several ticks. */
  private static final int NEW_EVENTS_PER_TICK = 2000;
  /** The widths of audit_entry's columns. */
  private static final int ACTOR_LENGTH = 200;
  private static final int ADDRESS_LENGTH = 100;

  private final KeycloakEvents keycloak;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  KeycloakEventImport(KeycloakEvents keycloak, AuditLog audit, JdbcClient jdbc, Clock clock) {
    this.keycloak = keycloak;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The timer's step, in the timer job's transaction. Keycloak out of reach is logged, not thrown: a
   * failed timer-start job stops its cycle once its retries are spent, and the next tick picks up
   * where this one stopped (Keycloak keeps events for the realm's eventsExpiration, 90 days).
   */
  @Override
  public void execute(DelegateExecution execution) {
    try {
      importNew();
    } catch (RestClientException | OAuth2AuthorizationException e) {
      LOG.warn("Keycloak's events could not be read; the next import tries again: {}", e.getMessage());
    }
  }

  /** Imports the events not imported yet; returns how many were new. */
  @Transactional
  public int importNew() {
    Instant from = jdbc.sql("select max(occurred_at) from keycloak_event").query(Timestamp.class).optional()
        .map(newest -> newest.toInstant().minus(LOOK_BACK)).orElse(null);
    int[] imported = {0};
    keycloak.from(from, events -> {
      for (JsonNode event : events) {
        if (record(event)) {
          imported[0]++;
        }
      }
      return imported[0] < NEW_EVENTS_PER_TICK;
    });
    return imported[0];
  }

  /** Records the event unless it was recorded before (by this node or another); true when new. */
  private boolean record(JsonNode event) {
    String id = text(event, "id");
    if (id == null) {
      throw new IllegalStateException("A Keycloak event without an id: the import needs Keycloak 26 or later");
    }
    Instant at = Instant.ofEpochMilli(event.path("time").asLong());
    String type = event.path("type").asText();
    String userId = text(event, "userId");
    String username = text(event.path("details"), "username");
    // waits for a concurrent import's uncommitted row with the same id, then inserts nothing
    int inserted = jdbc.sql("""
            insert into keycloak_event (event_id, occurred_at, type, user_id, username, imported_at)
            values (:id, :at, :type, :userId, :username, :now)
            on conflict (event_id) do nothing""")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .param("type", type)
        .param("userId", userId)
        .param("username", username)
        .param("now", Timestamp.from(clock.instant()))
        .update();
    if (inserted == 0) {
      return false;
    }
    audit.recordExternal(at, cut(actor(userId, username), ACTOR_LENGTH), action(type), OBJECT_TYPE, id,
        reason(event, type), cut(text(event, "ipAddress"), ADDRESS_LENGTH));
    return true;
  }

  /**
   * The user name the event names (for a failed login: the one typed, which may not exist); else the
   * one that user's last event named (a logout names only the user's id); else the id.
   */
  private String actor(String userId, String username) {
    if (username != null) {
      return username;
    }
    if (userId == null) {
      return "unknown";
    }
    return jdbc.sql("""
            select username from keycloak_event where user_id = :userId and username is not null
            order by occurred_at desc limit 1""")
        .param("userId", userId).query(String.class).optional().orElse(userId);
  }

  static AuditAction action(String type) {
    boolean failed = type.endsWith("_ERROR");
    String base = failed ? type.substring(0, type.length() - "_ERROR".length()) : type;
    boolean authentication = switch (base) {
      case "LOGIN", "LOGOUT", "CODE_TO_TOKEN", "REFRESH_TOKEN", "CLIENT_LOGIN", "TOKEN_EXCHANGE" -> true;
      default -> false;
    };
    if (failed) {
      return authentication ? AuditAction.AUTHENTICATION_FAILED : AuditAction.ACCOUNT_CHANGE_FAILED;
    }
    return switch (base) {
      case "LOGIN" -> AuditAction.SIGNED_IN;
      case "LOGOUT" -> AuditAction.SIGNED_OUT;
      case "CODE_TO_TOKEN", "REFRESH_TOKEN", "CLIENT_LOGIN", "TOKEN_EXCHANGE" -> AuditAction.TOKEN_ISSUED;
      default -> AuditAction.ACCOUNT_CHANGED;
    };
  }

  /** Keycloak's event type, its error and the client, e.g. "LOGIN_ERROR invalid_user_credentials (anjia-web)". */
  private static String reason(JsonNode event, String type) {
    StringBuilder reason = new StringBuilder(type);
    String error = text(event, "error");
    if (error != null) {
      reason.append(' ').append(error);
    }
    String client = text(event, "clientId");
    if (client != null) {
      reason.append(" (").append(client).append(')');
    }
    return reason.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

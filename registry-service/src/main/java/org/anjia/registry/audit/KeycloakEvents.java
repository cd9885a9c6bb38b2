package org.anjia.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.anjia.registry.identity.KeycloakAdminClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The realm's user events (logins, failed passwords and codes, logouts, credential changes), read
 * through Keycloak's admin API as the service account {@code anjia-audit-events}, which may view
 * events and nothing else (infra/keycloak), outside any request (identity/KeycloakAdminClients,
 * registration {@value #REGISTRATION}).
 */
@Component
class KeycloakEvents {

  static final String REGISTRATION = "keycloak-events";
  private static final int PAGE_SIZE = 100;

  private final RestClient http;

  KeycloakEvents(KeycloakAdminClients admin, @Value("${anjia.audit.keycloak-events.realm}") String realm) {
    http = admin.of(REGISTRATION, realm);
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

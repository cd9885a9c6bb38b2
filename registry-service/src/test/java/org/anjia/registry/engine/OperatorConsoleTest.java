package org.anjia.registry.engine;

import static org.anjia.registry.TestIdentityProvider.ADMIN;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;

/**
 * Cockpit and the engine API behind it answer only to the admin role, signed in through the same
 * identity provider as everything else; nobody reaches them anonymously, and Tasklist and the
 * engine's user admin are closed to everyone.
 */
class OperatorConsoleTest extends RegistryIntegrationTest {

  private static final String ENGINE_API = "/operaton/api/engine/engine/default/process-definition/count";

  @Test
  void anonymousVisitorsAreSentToTheLoginAndTheEngineApiRefusesThem() {
    int cockpit = http.get().uri("/operaton/app/cockpit/default/")
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(cockpit).as("redirect to the Keycloak login").isEqualTo(302);
    assertThat(status(null, ENGINE_API)).isIn(401, 302);
  }

  @Test
  void staffAndAuditorsAreRefused() {
    for (User user : new User[] {CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, AUDITOR}) {
      assertThat(status(user, ENGINE_API)).as(user.username()).isEqualTo(403);
      assertThat(status(user, "/operaton/app/cockpit/default/")).as(user.username()).isEqualTo(403);
    }
  }

  @Test
  void theAdminSeesCockpitAndTheDeployedProcesses() {
    assertThat(status(ADMIN, "/operaton/app/cockpit/default/")).isEqualTo(200);
    Response count = get(ADMIN, ENGINE_API);
    assertThat(count.status()).isEqualTo(200);
    assertThat(count.body().path("count").asInt()).as("the journeys' processes").isGreaterThanOrEqualTo(4);
  }

  @Test
  void tasklistAndTheEngineUserAdminAreClosedEvenToTheAdmin() {
    assertThat(status(ADMIN, "/operaton/app/tasklist/default/")).isEqualTo(403);
    assertThat(status(ADMIN, "/operaton/app/admin/default/")).isEqualTo(403);
  }

  /**
   * A Cockpit page's scripts carry the nonce its policy names. Operaton keeps that nonce in the servlet context,
   * which every request overwrites, so a page answered while Cockpit's API calls ran named one nonce in its
   * header and another in its script tags, and its scripts were refused: the service sends Operaton's policy
   * without a nonce (application.yaml). Pages and API calls are sent together here; every page must run.
   */
  @Test
  void cockpitPagesRunTheirScriptsWhileItsApiIsCalled() throws Exception {
    List<Future<String>> pages = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 40; i++) {
        pages.add(clients.submit(() -> refusedScripts(http.get().uri("/operaton/app/cockpit/default/")
            .header("Authorization", bearer(ADMIN))
            .exchange((request, response) -> new String[] {
                response.getHeaders().getFirst("Content-Security-Policy"), response.bodyTo(String.class)}))));
        clients.submit(() -> status(ADMIN, ENGINE_API));
      }
      for (Future<String> page : pages) {
        assertThat(page.get()).isEmpty();
      }
    }
  }

  /** What of the page's scripts its policy refuses: tags with a nonce it does not name, or all without 'self'. */
  private static String refusedScripts(String[] policyAndPage) {
    String policy = policyAndPage[0];
    if (policy == null) {
      return "no policy (not the page)";
    }
    Matcher named = Pattern.compile("'nonce-([^']+)'").matcher(policy);
    if (!named.find()) {
      return policy.contains("script-src 'self'") && policy.contains("'unsafe-inline'") ? "" : "all: " + policy;
    }
    Matcher used = Pattern.compile("nonce=\"([^\"]+)\"").matcher(policyAndPage[1]);
    StringBuilder refused = new StringBuilder();
    while (used.find()) {
      if (!used.group(1).equals(named.group(1))) {
        refused.append(used.group(1)).append(" (policy: ").append(named.group(1)).append(") ");
      }
    }
    return refused.toString();
  }

  private int status(User user, String path) {
    var request = http.get().uri(path);
    if (user != null) {
      request = request.header("Authorization", bearer(user));
    }
    return request.exchange((req, response) -> response.getStatusCode().value());
  }
}

package org.anjia.registry.engine;

import static org.anjia.registry.TestIdentityProvider.ADMIN;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

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

  private int status(User user, String path) {
    var request = http.get().uri(path);
    if (user != null) {
      request = request.header("Authorization", bearer(user));
    }
    return request.exchange((req, response) -> response.getStatusCode().value());
  }
}

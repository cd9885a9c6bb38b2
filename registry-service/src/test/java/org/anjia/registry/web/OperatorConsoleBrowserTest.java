package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

/** Cockpit in the browser, signed in through the real Keycloak: the admin enters, a caseworker does not. */
class OperatorConsoleBrowserTest extends BrowserIntegrationTest {

  @Test
  void theAdminEntersCockpitThroughKeycloakAndACaseworkerIsRefused() throws Exception {
    String output = browser("operator-console.mjs", DEMO_PASSWORD);

    assertThat(output).contains("without a second login", "a caseworker is refused");
  }
}

package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member of staff renamed in Keycloak is shown by the new name from their next sign-in on the pages
 * (the worklist's assignee, a reassignment's refusal), not only from their next assignment: the real
 * Keycloak's login, the service's own session.
 */
class StaffNameSignInTest extends BrowserIntegrationTest {

  @Autowired
  StaffNames staffNames;

  @Test
  void signingInOnThePagesRecordsTheNameKeycloakGivesNow() throws Exception {
    // the name the director had when she last claimed a task
    staffNames.remember("dir-nanchang", "刘建芳");
    assertThat(staffNames.nameOf("dir-nanchang")).isEqualTo("刘建芳");

    new SignedInBrowser(port, DEMO_PASSWORD).signIn(STACK.keycloak(), "dir-nanchang");

    assertThat(staffNames.nameOf("dir-nanchang")).as("the realm's family and given name").isEqualTo("刘建华");
  }
}

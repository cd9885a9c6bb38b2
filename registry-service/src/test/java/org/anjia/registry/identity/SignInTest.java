package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/** What a sign-in on the pages (the real Keycloak's login, the service's own session) leaves behind. */
class SignInTest extends BrowserIntegrationTest {

  @Autowired
  StaffNames staffNames;

  @Autowired
  OAuth2AuthorizedClientService replicaMemory;

  @Autowired
  JdbcClient jdbc;

  /**
   * A member of staff renamed in Keycloak is shown by the new name from their next sign-in (the worklist's
   * assignee, a reassignment's refusal), not only from their next assignment.
   */
  @Test
  void signingInRecordsTheNameKeycloakGivesNow() throws Exception {
    // the name the director had when she last claimed a task
    staffNames.remember("dir-nanchang", "刘建芳");
    assertThat(staffNames.nameOf("dir-nanchang")).isEqualTo("刘建芳");

    new SignedInBrowser(port, DEMO_PASSWORD).signIn(STACK.keycloak(), "dir-nanchang");

    assertThat(staffNames.nameOf("dir-nanchang")).as("the realm's family and given name").isEqualTo("刘建华");
  }

  /** The tokens of a sign-in live in its session, which every replica reads, and go with it. */
  @Test
  void theTokensOfASignInAreKeptInItsSessionNotInTheReplicasMemory() throws Exception {
    SignedInBrowser caseworker = new SignedInBrowser(port, DEMO_PASSWORD);
    caseworker.signIn(STACK.keycloak(), "cw-jiujiang");

    assertThat(caseworker.get("/api/me").statusCode()).isEqualTo(200);
    assertThat((Object) replicaMemory.loadAuthorizedClient("keycloak", "cw-jiujiang")).isNull();
    assertThat(jdbc.sql("""
            select count(*) from spring_session s join spring_session_attributes a on a.session_primary_id = s.primary_id
            where s.principal_name = 'cw-jiujiang' and a.attribute_name like '%OAuth2AuthorizedClient%'""")
        .query(Long.class).single()).isPositive();
  }
}

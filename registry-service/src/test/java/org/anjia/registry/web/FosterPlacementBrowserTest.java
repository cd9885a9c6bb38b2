package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.anjia.registry.BrowserIntegrationTest;
import org.anjia.registry.FosterPlacementFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A foster placement through the pages (家庭寄养管理办法 arts. 12(5), 14): the caseworker proposes the
 * match on the child's file (refused at 59 days of integration, next to the field), the director
 * approves and signs on the worklist, the family reads the agreement and signs on a phone-sized
 * portal, and the placement board shows the child in foster care. The family and the child are made
 * through the API with the realm's real users.
 */
class FosterPlacementBrowserTest extends BrowserIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void caseworkerProposesDirectorApprovesFamilySignsAndTheBoardShowsTheChild() throws Exception {
    FosterPlacementFixtures fixtures = new FosterPlacementFixtures(this, jdbc);
    String username = newKeycloakFamily();
    String caseworker = "Bearer " + keycloakToken("cw-nanchang");
    UUID familyId = fixtures.qualify("Bearer " + keycloakToken(username), caseworker,
        "Bearer " + keycloakToken("as-donghu"), "as-donghu", "Bearer " + keycloakToken("dir-nanchang"));
    String childName = "党小安" + UUID.randomUUID().toString().substring(0, 4);
    String childId = fixtures.admit(caseworker, childName, today().minusYears(3));

    String output = browser("foster-placement.mjs", DEMO_PASSWORD, username, familyId.toString(), childId, childName,
        today().toString());

    assertThat(output)
        .contains("the child file offers no hand-typed foster placement")
        .contains("59 days refused next to the field")
        .contains("审批寄养匹配")
        .contains("院长签署寄养协议")
        .contains("the family reads the agreement")
        .contains("in foster care, next visit")
        .contains("the board shows " + childName + " in foster care")
        .contains("foster placement walk passed");
  }
}

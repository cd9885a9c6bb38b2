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
 * portal, and the placement board shows the child in foster care. A month later (the engine clock
 * moved) the caseworker records the visit, the family asks for a respite on its phone (40 days refused,
 * art. 20), the caseworker approves it, and the director ends the placement for a reason of art. 18,
 * which the family reads on its portal. The family and the child are made through the API with the
 * realm's real users.
 */
class FosterPlacementBrowserTest extends BrowserIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void matchSignVisitRespiteAndTerminationThroughThePages() throws Exception {
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

    moveClock(java.time.Duration.ofDays(32));
    String during = browser("foster-care.mjs", DEMO_PASSWORD, username, childId, childName, today().toString());

    assertThat(during)
        .contains("the visit is recorded and the child's file shows it")
        .contains("a respite of 40 days refused next to the field")
        .contains("the family's portal shows the child at the institution")
        .contains("the director ended the placement")
        .contains("第十八条")
        .contains("the family's portal shows the placement ended")
        .contains("foster care walk passed");
  }
}

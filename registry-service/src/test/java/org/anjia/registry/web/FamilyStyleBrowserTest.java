package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.anjia.registry.BrowserIntegrationTest;
import org.anjia.registry.EngineTime;
import org.anjia.registry.FosterPlacementFixtures;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In-institution family-style care (机构内家庭式养育) through the pages, from the call to a review held:
 * the director opens a call and creates a residence unit; a couple applies on the portal (the wife for
 * both, the husband joins the household with her invitation code and confirms); the caseworker and the
 * director qualify them on the worklist and the director approves them into the unit; both spouses and
 * the director sign the contract; the director assigns a child to the unit and the couple's portal lists
 * it. Three months later (the engine clock moved to the unit's first review, and put back afterwards) the
 * caseworker holds the quarterly review and the couple reads its date and the child's note. Two new
 * family accounts of the real Keycloak; the child is admitted through the API with care notes (the
 * admission page is walked by the adoption journey, children.mjs).
 */
class FamilyStyleBrowserTest extends BrowserIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void fromTheCallToAChildAssignedAndAReviewHeldThroughThePages() throws Exception {
    String wife = newKeycloakFamily();
    String husband = newKeycloakFamily();
    String tag = UUID.randomUUID().toString().substring(0, 4);
    String unitName = "石榴籽之家-" + tag;
    String childName = "家小安" + tag;
    String childId = new FosterPlacementFixtures(this, jdbc)
        .admit("Bearer " + keycloakToken("cw-nanchang"), childName, today().minusYears(5));

    String output = browser("family-style.mjs", DEMO_PASSWORD, wife, husband, unitName, childId, childName,
        today().toString());

    assertThat(output)
        .contains("the director opened the call")
        .contains("the director created the unit " + unitName)
        .contains("待配偶确认")
        .contains("the husband joined with the code and confirmed")
        .contains("材料齐全")
        .contains("approved into " + unitName)
        .contains("the husband read the contract (PDF) and signed it")
        .contains("the contract 生效中 with three signatures, home " + unitName + " with no children yet")
        .contains("the couple's portal lists " + childName + " with care notes")
        .contains("family-style walk passed");

    // the unit's first review is due three months after it opened: the clock goes there and back
    UUID unitId = jdbc.sql("select id from residence_unit where name = :name").param("name", unitName)
        .query(UUID.class).single();
    String review = processInstance(unitId.toString(), "family-style-unit-review");
    Instant firstReview = engine.getManagementService().createJobQuery().processInstanceId(review).timers().list()
        .stream().map(Job::getDuedate).min(Comparator.naturalOrder()).orElseThrow().toInstant();
    assertThat(firstReview).isBetween(EngineTime.now().plus(java.time.Duration.ofDays(88)),
        EngineTime.now().plus(java.time.Duration.ofDays(93)));
    String[] during = new String[1];
    EngineTime.ahead(firstReview.plusSeconds(3600), engine.getManagementService(), () ->
        during[0] = browser("family-style-review.mjs", DEMO_PASSWORD, wife, unitName, childName, today().toString()));

    assertThat(during[0])
        .contains("the caseworker completed 单元评估 for " + unitName)
        .contains("the board shows the next review")
        .contains("the couple's portal: last review")
        .contains("心脏复查正常")
        .contains("family-style review walk passed");
  }
}

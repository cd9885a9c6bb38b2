package org.anjia.registry.adoption;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.FosterPlacementFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 家庭寄养管理办法 art. 23 through the API: the foster family is told on its portal when the institution
 * places its foster child for adoption, and its application to adopt that child comes first; another
 * family's application for the same child does not.
 */
class FosterChildAdoptionTest extends AdoptionIntegrationTest {

  private static final List<String> MATERIALS = List.of("ADMISSION_RECORD", "PARENTS_DEATH_PROOF");

  @Autowired
  JdbcClient jdbc;

  @Test
  void theFosterFamilyIsToldAndItsApplicationToAdoptItsFosterChildComesFirst() {
    qualifyFosterFamily(family, "nanchang-cwi", CASEWORKER_NANCHANG, ASSESSOR_DONGHU, DIRECTOR_NANCHANG);
    Map<String, Object> record = child(5);
    String childId = post(CASEWORKER_NANCHANG, "/api/children", record).body().path("id").asText();
    String placementId = fosterWithFamily(childId);
    assertThat(portalPlacement(placementId).path("adoptionNotifiedAt").isNull()).as("nothing to tell yet").isTrue();

    placeForAdoption(childId, record, MATERIALS);
    assertThat(portalPlacement(placementId).path("adoptionNotifiedAt").isNull())
        .as("told as the materials are filed").isFalse();

    Map<String, Object> request = new HashMap<>(adoption(false));
    request.put("childId", childId);
    Response own = post(family, "/api/adoption-applications", request);
    assertThat(own.status()).as("%s", own.body()).isEqualTo(201);
    assertThat(get(CASEWORKER_NANCHANG, "/api/applications/" + own.body().path("id").asText()).body()
        .path("priority").asText()).contains("第二十三条");

    Response other = post(newFamily(), "/api/adoption-applications", request);
    assertThat(other.status()).as("%s", other.body()).isEqualTo(201);
    assertThat(get(CASEWORKER_NANCHANG, "/api/applications/" + other.body().path("id").asText()).body()
        .path("priority").isNull()).as("not the foster family").isTrue();
  }

  /** Matched with the test's family, approved and signed by both: the child lives with the family. */
  private String fosterWithFamily(String childId) {
    UUID familyId = UUID.fromString(get(family, "/api/portal/foster-register").body().get(0).path("familyId").asText());
    return new FosterPlacementFixtures(this, jdbc).placeActive(bearer(family), bearer(CASEWORKER_NANCHANG),
        bearer(DIRECTOR_NANCHANG), familyId, childId);
  }

  private JsonNode portalPlacement(String placementId) {
    for (JsonNode placement : get(family, "/api/portal/foster-placements").body()) {
      if (placement.path("id").asText().equals(placementId)) {
        return placement;
      }
    }
    throw new AssertionError("placement " + placementId + " is not on the family's portal");
  }
}

package org.anjia.registry.applications;

import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_LI;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Histories and timelines name people by unit, role and name ("南昌市儿童福利院 社工 张敏"), the
 * family's own steps as "本家庭" and the engine's as the system; never by login name.
 */
class HistoryActorsTest extends RegistryIntegrationTest {

  @Test
  void theStatusHistoryNamesPeopleAndRolesNotLogins() {
    JsonNode application = apply(FAMILY_WANG, Households.eligible());
    String id = application.path("id").asText();
    uploadDocuments(FAMILY_WANG, id, FOSTER_DOCUMENTS);
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, application.path("number").asText(),
        "CheckDocuments"), Map.of("documentsDecision", "complete"));

    JsonNode asFamily = get(FAMILY_WANG, "/api/applications/" + id).body();
    assertThat(actors(asFamily)).containsExactly("本家庭 王芳", "南昌市儿童福利院 社工 张敏");
    assertThat(asFamily.path("history").get(0).path("byYou").asBoolean()).isTrue();
    assertThat(asFamily.path("institutionName").asText()).isEqualTo("南昌市儿童福利院");
    JsonNode asStaff = get(CASEWORKER_NANCHANG, "/api/applications/" + id).body();
    assertThat(actors(asStaff)).containsExactly("申请家庭 王芳", "南昌市儿童福利院 社工 张敏");
    JsonNode portal = get(FAMILY_WANG, "/api/portal/applications").body();
    for (JsonNode page : new JsonNode[] {asFamily, asStaff, portal}) {
      assertThat(page.toString()).doesNotContain(CASEWORKER_NANCHANG.username()).doesNotContain(FAMILY_WANG.username());
    }
  }

  @Test
  void theEnginesStepsAreTheSystemsAndEnglishReadersGetEnglish() {
    // the other demo family (a household has one open application of a kind; the Wangs' is open above)
    JsonNode refused = apply(FAMILY_LI, Households.household(70, "JUNIOR_MIDDLE", 10, true, 120, 12000, false));

    JsonNode application = get(FAMILY_LI, "/api/applications/" + refused.path("id").asText()).body();
    assertThat(application.path("status").asText()).isEqualTo("REJECTED");
    assertThat(actors(application)).containsExactly("本家庭 李娜", "系统（自动处理）");
    JsonNode english = http.get().uri("/api/applications/" + refused.path("id").asText())
        .header("Authorization", bearer(FAMILY_LI)).header("Accept-Language", "en")
        .retrieve().body(JsonNode.class);
    assertThat(actors(english)).containsExactly("Your household 李娜", "System (automatic)");
  }

  @Test
  void theChildsChangeHistoryNamesTheCaseworker() {
    Map<String, Object> record = orphanOfNanchang("党小宁", "MALE", "2023-02-01");
    String id = post(CASEWORKER_NANCHANG, "/api/children", record).body().path("id").asText();

    JsonNode history = get(CASEWORKER_NANCHANG, "/api/children/" + id + "/history").body();

    assertThat(history).isNotEmpty().allSatisfy(change ->
        assertThat(change.path("actor").asText()).isEqualTo("南昌市儿童福利院 社工 张敏"));
    assertThat(history.toString()).doesNotContain(CASEWORKER_NANCHANG.username());
  }

  private static java.util.List<String> actors(JsonNode application) {
    java.util.List<String> actors = new java.util.ArrayList<>();
    application.path("history").forEach(entry -> actors.add(entry.path("actor").asText()));
    return actors;
  }
}

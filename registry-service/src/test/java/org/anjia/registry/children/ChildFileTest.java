package org.anjia.registry.children;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_LIANXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One child, one file: kept by its institution, read within scope, every change kept. */
class ChildFileTest extends RegistryIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Children children;

  @Test
  void institutionAdmitsAChildWhoseFileStartsInTheInstitutionsCare() {
    Response admitted = post(CASEWORKER_NANCHANG, "/api/children", foundling());

    assertThat(admitted.status()).isEqualTo(201);
    JsonNode child = admitted.body();
    assertThat(child.path("institutionCode").asText()).isEqualTo("nanchang-cwi");
    assertThat(child.path("categoryLabel").asText()).isEqualTo("机构养育");
    assertThat(child.path("admissionReasonLabel").asText()).contains("弃婴");
    assertThat(child.path("currentPlacement").asText()).isEqualTo("INSTITUTION");
    assertThat(child.path("placements")).singleElement()
        .satisfies(p -> assertThat(p.path("startedOn").asText()).isEqualTo("2024-03-01"));
  }

  @Test
  void everyChangeIsKeptFieldByFieldAndTheHistoryCannotBeRewritten() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();
    Map<String, Object> changed = new HashMap<>(foundling());
    changed.put("healthNotes", "先天性心脏病术后恢复良好");

    Response updated = put(CASEWORKER_NANCHANG, "/api/children/" + id, changed);

    assertThat(updated.status()).isEqualTo(200);
    JsonNode history = get(CASEWORKER_NANCHANG, "/api/children/" + id + "/history").body();
    assertThat(history).filteredOn(c -> c.path("field").asText().equals("healthNotes"))
        .extracting(c -> c.path("newValue").asText())
        .containsExactly("先天性心脏病术后", "先天性心脏病术后恢复良好");
    assertThat(history).filteredOn(c -> c.path("field").asText().equals("name")).hasSize(1);
    assertThatThrownBy(() -> jdbc.sql("delete from child_change where child_id = cast(:id as uuid)")
        .param("id", id).update()).hasMessageContaining("append-only");
    JsonNode audit = get(AUDITOR, "/api/audit?objectType=CHILD&action=UPDATE&objectId=" + id).body();
    assertThat(audit).singleElement().satisfies(entry ->
        assertThat(entry.path("fields")).extracting(JsonNode::asText).containsExactly("healthNotes"));
  }

  @Test
  void aKinPlacementEndsTheInstitutionalOne() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();

    JsonNode child = post(CASEWORKER_NANCHANG, "/api/children/" + id + "/placements",
        Map.of("kind", "KIN", "from", "2026-06-01", "household", "党建军（祖父）", "reference", "QS-2026-001")).body();

    assertThat(child.path("currentPlacement").asText()).isEqualTo("KIN");
    assertThat(child.path("placements")).extracting(p -> p.path("kind").asText() + ":" + p.path("endedOn").asText())
        .containsExactly("INSTITUTION:2026-06-01", "KIN:null");
  }

  @Test
  void aFosterPlacementIsNotTypedInByHand() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();

    Response foster = post(CASEWORKER_NANCHANG, "/api/children/" + id + "/placements",
        Map.of("kind", "FOSTER", "from", "2026-06-01", "household", "王秀英家庭"));

    assertThat(foster.status()).isEqualTo(400);
    assertThat(foster.body().path("errors")).singleElement().satisfies(e -> {
      assertThat(e.path("field").asText()).isEqualTo("kind");
      assertThat(e.path("message").asText()).contains("寄养协议", "第十二条");
    });
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id).body().path("currentPlacement").asText())
        .as("nothing changed").isEqualTo("INSTITUTION");
  }

  @Test
  void aPlacementIsNeitherAnAdoptionNorEarlierThanTheCurrentOne() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();

    Response adoption = post(CASEWORKER_NANCHANG, "/api/children/" + id + "/placements",
        Map.of("kind", "ADOPTION", "from", "2026-06-01", "household", "王秀英家庭"));
    Response tooEarly = post(CASEWORKER_NANCHANG, "/api/children/" + id + "/placements",
        Map.of("kind", "KIN", "from", "2024-02-01", "household", "党建军（祖父）"));

    assertThat(adoption.status()).isEqualTo(400);
    assertThat(adoption.body().path("errors")).singleElement()
        .satisfies(e -> assertThat(e.path("field").asText()).isEqualTo("kind"));
    assertThat(tooEarly.status()).isEqualTo(400);
    assertThat(tooEarly.body().path("errors")).singleElement().satisfies(e -> {
      assertThat(e.path("field").asText()).isEqualTo("from");
      assertThat(e.path("message").asText()).contains("2024-03-01");
    });
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id).body().path("placements")).singleElement()
        .satisfies(p -> assertThat(p.path("kind").asText()).isEqualTo("INSTITUTION"));
  }

  @Test
  void aBrokenEditIsRefusedFieldByFieldAndChangesNothing() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();
    Map<String, Object> broken = new HashMap<>(foundling());
    broken.put("guardian", " ");
    broken.put("disabilityGrade", 5);
    broken.put("healthNotes", "不应保存");

    Response refused = put(CASEWORKER_NANCHANG, "/api/children/" + id, broken);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("guardian", "disabilityGrade");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id).body().path("record").path("healthNotes").asText())
        .isEqualTo("先天性心脏病术后");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id + "/history").body())
        .as("only the admission's entries").hasSize(foundling().size());
  }

  @Test
  void theFileIsSeenOnlyWithinScope() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();

    assertThat(get(CASEWORKER_JIUJIANG, "/api/children/" + id).status()).isEqualTo(404);
    assertThat(put(CASEWORKER_JIUJIANG, "/api/children/" + id, foundling()).status()).isEqualTo(404);
    assertThat(get(REGISTRAR_LIANXI, "/api/children/" + id).status()).isEqualTo(404);
    assertThat(get(REGISTRAR_DONGHU, "/api/children/" + id).status()).isEqualTo(200);
    assertThat(get(CASEWORKER_JIUJIANG, "/api/children").body()).noneSatisfy(c ->
        assertThat(c.path("id").asText()).isEqualTo(id));
    assertThat(get(AUDITOR, "/api/audit?objectType=CHILD&action=DENIED&objectId=" + id).body()).isNotEmpty();
  }

  @Test
  void anAdopteesRootSeekingVisitIsRecordedOnTheFileByItsInstitutionOnly() {
    String id = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body().path("id").asText();
    Map<String, Object> visit = Map.of("visitedOn", today().minusDays(1).toString(), "visitor", "林安（被收养人）",
        "companions", "养父母", "notes", "参观了曾经生活的楼层，查阅了入院登记");

    assertThat(post(CASEWORKER_JIUJIANG, "/api/children/" + id + "/root-seeking-visits", visit).status())
        .isEqualTo(404);
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + id + "/root-seeking-visits", visit).status())
        .isEqualTo(201);

    assertThat(get(REGISTRAR_DONGHU, "/api/children/" + id + "/root-seeking-visits").body()).singleElement()
        .satisfies(v -> {
          assertThat(v.path("visitor").asText()).isEqualTo("林安（被收养人）");
          assertThat(v.path("recordedBy").asText()).as("by name and role, not login")
              .isEqualTo("南昌市儿童福利院 社工 张敏");
        });
  }

  @Test
  void aSealedAdopteesVisitIsRecordedByTheFileNumberOnceWithoutOpeningTheFile() {
    JsonNode admitted = post(CASEWORKER_NANCHANG, "/api/children", foundling()).body();
    String id = admitted.path("id").asText();
    String fileNumber = admitted.path("fileNumber").asText();
    // a confidential adoption (民法典 art. 1110) seals the file when it is registered
    children.recordAdoption(java.util.UUID.fromString(id), "李建国、王秀英家庭", "收登字2026第0043号",
        today().minusYears(1), true);
    Map<String, Object> visit = Map.of("visitedOn", today().toString(), "visitor", "被收养人（成年）",
        "notes", "询问入院时的情况，已告知可向登记机关申请查阅");
    String key = java.util.UUID.randomUUID().toString();

    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id).status()).as("the file stays closed to her")
        .isEqualTo(404);
    Response elsewhere = post(CASEWORKER_JIUJIANG, "/api/root-seeking-visits", Map.of("fileNumber", fileNumber, "visit", visit));
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(elsewhere.body().path("errors").get(0).path("field").asText()).isEqualTo("fileNumber");
    assertThat(elsewhere.body().path("errors").get(0).path("message").asText())
        .as("another institution's file reads as no file").isEqualTo("本机构没有档案编号为 " + fileNumber + " 的儿童档案");
    Response missingNotes = post(CASEWORKER_NANCHANG, "/api/root-seeking-visits", Map.of("fileNumber", fileNumber,
        "visit", Map.of("visitedOn", today().toString(), "visitor", "被收养人（成年）")));
    assertThat(missingNotes.status()).isEqualTo(400);
    assertThat(missingNotes.body().path("errors").get(0).path("field").asText()).isEqualTo("visit.notes");

    Response first = post(CASEWORKER_NANCHANG, "/api/root-seeking-visits",
        Map.of("fileNumber", " " + fileNumber + " ", "visit", visit), key);
    Response again = post(CASEWORKER_NANCHANG, "/api/root-seeking-visits", Map.of("fileNumber", fileNumber, "visit", visit),
        key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().has("child")).as("the answer says nothing of the file").isFalse();
    assertThat(again.status()).as("the same request again: the visit it recorded").isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    assertThat(get(REGISTRAR_DONGHU, "/api/children/" + id + "/root-seeking-visits?reason=核对寻根来访").body())
        .singleElement().satisfies(v -> assertThat(v.path("notes").asText()).startsWith("询问入院时的情况"));
    assertThat(get(AUDITOR, "/api/audit?objectType=CHILD&action=DENIED&objectId=" + id).body())
        .filteredOn(entry -> entry.path("actor").asText().equals("cw-jiujiang")).hasSize(1);
  }

  @Test
  void aBrokenFileIsRefusedFieldByField() {
    Map<String, Object> broken = new HashMap<>(foundling());
    broken.put("residentId", "360102202401010000");
    broken.put("disabilityGrade", 7);

    Response refused = post(CASEWORKER_NANCHANG, "/api/children", broken);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("residentId", "disabilityGrade");
  }

  static Map<String, Object> foundling() {
    Map<String, Object> child = new HashMap<>();
    child.put("name", "党小安");
    child.put("sex", "FEMALE");
    child.put("birthDate", "2024-01-15");
    child.put("birthDateEstimated", true);
    child.put("category", "INSTITUTION_RAISED");
    child.put("admissionReason", "FOUNDLING");
    child.put("admissionDate", "2024-03-01");
    child.put("admissionRecord", "2024年3月1日由东湖区公安分局送来，附捡拾报案证明");
    child.put("healthNotes", "先天性心脏病术后");
    child.put("guardian", "南昌市儿童福利院");
    return child;
  }
}

package org.anjia.registry.familystyle;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.FosterPlacementFixtures;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 机构内家庭式养育单元 through the API: capacity (6 fit, the 7th is refused), siblings kept together
 * unless a reason is recorded, closing refused while children remain, nothing written on a refusal,
 * the FAMILY_STYLE placement on the child's file and its end, the review process started with the
 * unit and ended with its closing, the review task on the worklist with a note per child, and who
 * sees what (another institution: 404, a family: 403, the auditor reads only).
 */
class FamilyStyleUnitsApiTest extends RegistryIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void sixChildrenFitTheSeventhIsRefusedAndNothingIsWritten() {
    String unit = createUnit("阳光之家");
    List<String> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(admit("王小" + "一二三四五六".charAt(i), today().minusYears(3 + i)));
    }
    Response assigned = post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", six));
    assertThat(assigned.status()).as("%s", assigned.body()).isEqualTo(200);
    assertThat(assigned.body().path("occupancy").asInt()).isEqualTo(6);
    assertThat(assigned.body().path("state").asText()).isEqualTo("OCCUPIED");
    assertThat(assigned.body().path("children")).hasSize(6);
    assertThat(assigned.body().path("children").get(0).path("age").asInt()).isEqualTo(3);
    assertThat(assigned.body().path("children").get(0).path("healthNotes").asText()).isEqualTo("先天性心脏病术后");

    String seventh = admit("王小七", today().minusYears(10));
    long before = assignments();
    Response refused = post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(seventh)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo("childIds");
      assertThat(error.path("message").asText()).contains("阳光之家", "6", "超过容量");
    });
    assertThat(assignments()).as("nothing written").isEqualTo(before);
    assertThat(child(seventh).path("currentPlacement").asText()).isEqualTo("INSTITUTION");

    Response ended = post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children/" + six.get(0) + "/end",
        Map.of("reason", "转入家庭寄养"));
    assertThat(ended.status()).as("%s", ended.body()).isEqualTo(200);
    assertThat(ended.body().path("state").asText()).isEqualTo("OPEN");
    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(seventh))).status()).as("a place is free again").isEqualTo(200);
  }

  @Test
  void eachAssignmentIsAFamilyStylePlacementOnTheChildsFileAndCannotBeTypedByHand() {
    String unit = createUnit("向日葵之家");
    String child = admit("李小花", today().minusYears(5));
    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(child))).status()).isEqualTo(200);

    JsonNode file = child(child);
    assertThat(file.path("currentPlacement").asText()).isEqualTo("FAMILY_STYLE");
    JsonNode current = file.path("placements").get(file.path("placements").size() - 1);
    assertThat(current.path("kind").asText()).isEqualTo("FAMILY_STYLE");
    assertThat(current.path("household").asText()).startsWith("向日葵之家");
    assertThat(current.path("startedOn").asText()).isEqualTo(today().toString());
    assertThat(current.path("endedOn").isNull()).isTrue();

    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(child))).body().path("errors").get(0).path("message").asText())
        .as("one unit at a time").contains("已在一个家庭式养育单元中");
    Response byHand = post(CASEWORKER_NANCHANG, "/api/children/" + child + "/placements",
        Map.of("kind", "FAMILY_STYLE", "from", today().toString()));
    assertThat(byHand.status()).isEqualTo(400);
    assertThat(byHand.body().path("errors").get(0).path("field").asText()).isEqualTo("kind");

    post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children/" + child + "/end", Map.of("reason", "回机构养育"));
    file = child(child);
    assertThat(file.path("currentPlacement").asText()).isEqualTo("INSTITUTION");
    JsonNode ended = file.path("placements").get(file.path("placements").size() - 2);
    assertThat(ended.path("kind").asText()).isEqualTo("FAMILY_STYLE");
    assertThat(ended.path("endedOn").asText()).isEqualTo(today().toString());
    assertThat(ended.path("endReason").asText()).isEqualTo("回机构养育");
  }

  @Test
  void siblingsSplitWithoutAReasonAreRefusedAndAcceptedWithIt() {
    String unit = createUnit("彩虹之家");
    String elder = admit("张小大", today().minusYears(9));
    String younger = admit("张小二", today().minusYears(6));
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + elder + "/siblings", Map.of("siblingId", younger)).status())
        .isLessThan(300);

    long before = assignments();
    Response refused = post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(elder)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo("siblingsApartReason");
      assertThat(error.path("message").asText()).contains("张小二", "同一单元");
    });
    assertThat(assignments()).isEqualTo(before);

    Response together = post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(elder, younger)));
    assertThat(together.status()).as("%s", together.body()).isEqualTo(200);
    post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children/" + younger + "/end", Map.of("reason", "住院治疗"));

    String other = createUnit("小树之家");
    Response apart = post(DIRECTOR_NANCHANG, "/api/family-style/units/" + other + "/children",
        Map.of("childIds", List.of(younger), "siblingsApartReason", "需要医疗康复，住在康复单元附近"));
    assertThat(apart.status()).as("%s", apart.body()).isEqualTo(200);
    assertThat(apart.body().path("children").get(0).path("siblingsApartReason").asText()).contains("医疗康复");
  }

  @Test
  void closingIsRefusedWhileChildrenRemainAndEndsTheReview() {
    String unit = createUnit("海棠之家");
    String processInstance = processInstance(unit, "family-style-unit-review");
    assertThat(processEnded(processInstance)).isFalse();
    String child = admit("赵小宝", today().minusYears(4));
    post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children", Map.of("childIds", List.of(child)));

    Response refused = put(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit, Map.of("state", "CLOSED"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asText()).contains("1名儿童", "新的安置");
    assertThat(board(DIRECTOR_NANCHANG, unit).path("state").asText()).isNotEqualTo("CLOSED");

    post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children/" + child + "/end", Map.of("reason", "亲属抚养"));
    Response closed = put(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit, Map.of("state", "CLOSED"));
    assertThat(closed.status()).as("%s", closed.body()).isEqualTo(200);
    assertThat(closed.body().path("state").asText()).isEqualTo("CLOSED");
    assertThat(processEnded(processInstance)).as("the review ends with the unit").isTrue();
    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(child))).status()).isEqualTo(409);
  }

  @Test
  void editingKeepsCapacityWithinTheLocalMaximumAndAboveTheChildrenLivingThere() {
    String unit = createUnit("松柏之家");
    String name = board(DIRECTOR_NANCHANG, unit).path("name").asText();
    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units", Map.of("name", name, "place", "二号楼"))
        .body().path("errors").get(0).path("field").asText()).as("same name").isEqualTo("name");
    Response tooBig = put(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit,
        Map.of("name", name, "place", "一号楼", "capacity", 7));
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.body().path("errors").get(0).path("message").asText()).contains("6", "地方惯例");
    String a = admit("孙小甲", today().minusYears(4));
    String b = admit("孙小乙", today().minusYears(7));
    post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children", Map.of("childIds", List.of(a, b),
        "siblingsApartReason", ""));
    assertThat(put(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit,
        Map.of("name", name, "place", "一号楼", "capacity", 1)).status()).isEqualTo(400);
    Response edited = put(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit,
        Map.of("name", name, "place", "一号楼东侧", "capacity", 2));
    assertThat(edited.status()).as("%s", edited.body()).isEqualTo(200);
    assertThat(edited.body().path("state").asText()).isEqualTo("OCCUPIED");
    assertThat(edited.body().path("place").asText()).isEqualTo("一号楼东侧");
  }

  @Test
  void staffOfTheInstitutionSeeTheBoardOthersDoNot() {
    String unit = createUnit("梧桐之家");
    String child = admit("周小安", today().minusYears(4));

    assertThat(board(CASEWORKER_NANCHANG, unit)).as("caseworkers read the board").isNotNull();
    assertThat(post(CASEWORKER_NANCHANG, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(child))).status()).as("only the director assigns").isEqualTo(403);
    assertThat(get(CASEWORKER_JIUJIANG, "/api/family-style/units").body().path("units"))
        .noneMatch(u -> u.path("id").asText().equals(unit));
    assertThat(put(CASEWORKER_JIUJIANG, "/api/family-style/units/" + unit, Map.of("state", "CLOSED")).status())
        .isEqualTo(403);
    assertThat(get(FAMILY_WANG, "/api/family-style/units").status()).isEqualTo(403);
    assertThat(board(AUDITOR, unit)).as("the auditor reads every institution's").isNotNull();
    assertThat(post(AUDITOR, "/api/family-style/units", Map.of("name", "x", "place", "y")).status()).isEqualTo(403);
    assertThat(post(AUDITOR, "/api/family-style/units/" + unit + "/children", Map.of("childIds", List.of(child)))
        .status()).isEqualTo(403);
  }

  @Test
  void anotherInstitutionsUnitDoesNotExistForItsDirector() {
    String unit = createUnit("银杏之家");
    var jiujiangDirector = new org.anjia.registry.TestIdentityProvider.User("dir-jiujiang", "director", "jiujiang-cwi",
        null);
    assertThat(put(jiujiangDirector, "/api/family-style/units/" + unit, Map.of("state", "CLOSED")).status())
        .isEqualTo(404);
    assertThat(post(jiujiangDirector, "/api/family-style/units/" + unit + "/children",
        Map.of("childIds", List.of(UUID.randomUUID()))).status()).isEqualTo(404);
  }

  @Test
  void theQuarterlyReviewIsOnTheWorklistAndKeepsANotePerChild() {
    String unit = createUnit("丁香之家");
    String child = admit("吴小月", today().minusYears(6));
    post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unit + "/children", Map.of("childIds", List.of(child)));
    JsonNode shown = board(CASEWORKER_NANCHANG, unit);
    assertThat(shown.path("nextReviewDue").asText()).as("three months after the opening").isNotEmpty();
    assertThat(shown.path("reviewOverdue").asBoolean()).isFalse();

    java.time.Instant due = fireTimer("family-style-unit-review", unit, "UnitReviewDue");
    assertThat(java.time.LocalDate.ofInstant(due, java.time.ZoneId.of("Asia/Shanghai"))).as("a quarter after the opening")
        .isEqualTo(today().plusMonths(3));
    JsonNode task = unitTask(CASEWORKER_NANCHANG, unit, "ReviewUnit");
    assertThat(task.path("unit").path("name").asText()).as("the worklist names the unit").startsWith("丁香之家");
    assertThat(task.path("unit").path("id").asText()).isEqualTo(unit);
    Response missing = completeTask(task, Map.of("reviewHeldOn", today().toString(), "childNotes", "某某：良好；上学；正常"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").get(0).path("message").asText()).contains("吴小月");
    Response done = post(CASEWORKER_NANCHANG, "/api/tasks/" + task.path("key").asText() + "/complete",
        Map.of("variables", Map.of("reviewHeldOn", today().toString(),
            "childNotes", "吴小月：身体健康；一年级，成绩中上；语言发展良好")));
    assertThat(done.status()).as("%s", done.body()).isEqualTo(204);
    assertThat(jdbc.sql("""
            select n.health || '|' || n.schooling || '|' || n.development from unit_review_note n
            join unit_review r on r.id = n.review_id where r.unit_id = :unit""")
        .param("unit", UUID.fromString(unit)).query(String.class).single())
        .isEqualTo("身体健康|一年级，成绩中上|语言发展良好");
    assertThat(board(CASEWORKER_NANCHANG, unit).path("lastReviewOn").asText()).isEqualTo(today().toString());
  }

  private JsonNode unitTask(org.anjia.registry.TestIdentityProvider.User user, String unit, String elementId) {
    String id = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(unit)
        .taskDefinitionKey(elementId).singleResult().getId();
    return onWorklist(user, task -> task.path("key").asText().equals(id), elementId + " of unit " + unit);
  }

  private Response completeTask(JsonNode task, Map<String, Object> variables) {
    String key = task.path("key").asText();
    post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null);
    return post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables", variables));
  }

  private JsonNode board(org.anjia.registry.TestIdentityProvider.User user, String unit) {
    Response board = get(user, "/api/family-style/units");
    assertThat(board.status()).as("%s", board.body()).isEqualTo(200);
    for (JsonNode shown : board.body().path("units")) {
      if (shown.path("id").asText().equals(unit)) {
        return shown;
      }
    }
    throw new AssertionError("unit " + unit + " not on the board of " + user.username());
  }

  private String createUnit(String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 6);
    Response created = post(DIRECTOR_NANCHANG, "/api/family-style/units", Map.of("name", unique, "place", "院内一号楼"));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    assertThat(created.body().path("capacity").asInt()).as("anjia.family-style.unit-capacity").isEqualTo(6);
    assertThat(created.body().path("state").asText()).isEqualTo("OPEN");
    return created.body().path("id").asText();
  }

  private long assignments() {
    return jdbc.sql("select count(*) from unit_assignment").query(Long.class).single();
  }

  private JsonNode child(String id) {
    return get(CASEWORKER_NANCHANG, "/api/children/" + id).body();
  }

  /** A foundling of the Nanchang institution, born on that day (FosterPlacementFixtures#admit). */
  private String admit(String name, LocalDate birthDate) {
    return new FosterPlacementFixtures(this, jdbc).admit(bearer(CASEWORKER_NANCHANG), name, birthDate);
  }

}

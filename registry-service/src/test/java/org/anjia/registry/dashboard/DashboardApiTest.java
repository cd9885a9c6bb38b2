package org.anjia.registry.dashboard;

import static org.anjia.registry.TestIdentityProvider.ADMIN;
import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_LIANXI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's numbers, for data made here in 九江市儿童福利院 (which the other tests leave
 * alone): each supervisor counts exactly what their scope lets them open — the director of 南昌
 * nothing of 九江, the registrar of 濂溪区 (九江's jurisdiction) all of it and the sealed record
 * too, the auditor all but the sealed record. Other tests in this JVM make data as well, so counts
 * are compared before and after.
 */
class DashboardApiTest extends RegistryIntegrationTest {

  private static final User DIRECTOR_JIUJIANG = new User("dir-jiujiang", "director", "jiujiang-cwi", null);
  private static final String JIUJIANG = "?institution=jiujiang-cwi";

  @Test
  void everySupervisorCountsWhatTheirScopeOpensOverdueTasksAndMedianDaysToDecision() {
    // a day of its own: decision times are read from it on, so other tests' decisions do not count
    moveClock(Duration.ofDays(1));
    String start = today().toString();
    String since = JIUJIANG + "&from=" + start;
    Map<User, JsonNode> seeJiujiang = new HashMap<>();
    for (User user : List.of(DIRECTOR_JIUJIANG, REGISTRAR_LIANXI, AUDITOR)) {
      seeJiujiang.put(user, dashboard(user, ""));
    }
    JsonNode nanchang = dashboard(DIRECTOR_NANCHANG, "");
    JsonNode donghu = dashboard(REGISTRAR_DONGHU, "");
    String today = today().toString();
    String yesterday = today().minusDays(1).toString();
    JsonNode untilYesterday = dashboard(AUDITOR, JIUJIANG + "&to=" + yesterday);
    JsonNode fromToday = dashboard(AUDITOR, JIUJIANG + "&from=" + today + "&to=" + today);
    assertThat(dashboard(AUDITOR, since).path("decisionTimes").get(0).path("decided").asLong())
        .as("nothing decided in 九江 yet today").isZero();

    // A is refused at once (caregiver under 30), B and C wait for the document check; two children admitted
    applyInJiujiang(Households.household(29, "JUNIOR_MIDDLE", 10, true, 120, 12000, false));
    JsonNode b = applyInJiujiang(Households.eligible());
    JsonNode c = applyInJiujiang(Households.eligible());
    admitInJiujiang("DISABLED", null);
    admitInJiujiang("COMMUNITY_ORPHAN", "KIN");

    for (var before : seeJiujiang.entrySet()) {
      JsonNode after = dashboard(before.getKey(), "");
      String who = before.getKey().username();
      assertThat(status(after, "REJECTED") - status(before.getValue(), "REJECTED")).as(who).isEqualTo(1);
      assertThat(status(after, "SUBMITTED") - status(before.getValue(), "SUBMITTED")).as(who).isEqualTo(2);
      assertThat(step(after, "CheckDocuments", "open") - step(before.getValue(), "CheckDocuments", "open")).as(who)
          .isEqualTo(2);
      assertThat(person(after, null, "open") - person(before.getValue(), null, "open")).as(who).isEqualTo(2);
      assertThat(count(after, "childrenByCategory", "DISABLED") - count(before.getValue(), "childrenByCategory",
          "DISABLED")).as(who).isEqualTo(1);
      assertThat(count(after, "childrenByCategory", "COMMUNITY_ORPHAN") - count(before.getValue(),
          "childrenByCategory", "COMMUNITY_ORPHAN")).as(who).isEqualTo(1);
      assertThat(count(after, "childrenByPlacement", "KIN") - count(before.getValue(), "childrenByPlacement",
          "KIN")).as(who).isEqualTo(1);
      assertThat(count(after, "childrenByPlacement", "INSTITUTION") - count(before.getValue(), "childrenByPlacement",
          "INSTITUTION")).as(who).isEqualTo(1);
      assertThat(after.path("totals").path("applications").asLong()
          - before.getValue().path("totals").path("applications").asLong()).as(who).isEqualTo(3);
      assertThat(after.path("totals").path("children").asLong()
          - before.getValue().path("totals").path("children").asLong()).as(who).isEqualTo(2);
    }
    for (var outside : Map.of(DIRECTOR_NANCHANG, nanchang, REGISTRAR_DONGHU, donghu).entrySet()) {
      JsonNode after = dashboard(outside.getKey(), "");
      for (String section : List.of("applicationsByStatus", "childrenByCategory", "childrenByPlacement", "totals")) {
        assertThat(after.path(section)).as("%s counts nothing of 九江 in %s", outside.getKey().username(), section)
            .isEqualTo(outside.getValue().path(section));
      }
    }
    // the period: what began today counts today, not before
    assertThat(dashboard(AUDITOR, JIUJIANG + "&to=" + yesterday).path("totals"))
        .isEqualTo(untilYesterday.path("totals"));
    JsonNode countedToday = dashboard(AUDITOR, JIUJIANG + "&from=" + today + "&to=" + today);
    assertThat(countedToday.path("totals").path("applications").asLong()
        - fromToday.path("totals").path("applications").asLong()).isEqualTo(3);
    assertThat(countedToday.path("totals").path("openTasks").asLong()
        - fromToday.path("totals").path("openTasks").asLong()).isEqualTo(2);
    assertThat(countedToday.path("filter").path("from").asText()).isEqualTo(today);

    // a claimed task counts for its person
    JsonNode taskOfB = openTask(CASEWORKER_JIUJIANG, b.path("number").asText(), "CheckDocuments");
    assertThat(post(CASEWORKER_JIUJIANG, "/api/tasks/" + taskOfB.path("key").asText() + "/claim", null).status())
        .isEqualTo(204);
    JsonNode claimed = dashboard(DIRECTOR_JIUJIANG, "");
    JsonNode before = seeJiujiang.get(DIRECTOR_JIUJIANG);
    assertThat(person(claimed, "cw-jiujiang", "open") - person(before, "cw-jiujiang", "open")).isEqualTo(1);
    assertThat(person(claimed, null, "open") - person(before, null, "open")).isEqualTo(1);
    assertThat(claimed.path("tasksByPerson").findParents("assignee").stream()
        .filter(row -> "cw-jiujiang".equals(row.path("assignee").asText())).map(row -> row.path("label").asText()))
        .as("shown by name, not login").containsExactly("陈静");
    // a colleague who tries to take it is told who holds it, by name too
    Response taken = post(new User("cw-jiujiang-colleague", "caseworker", "jiujiang-cwi", null),
        "/api/tasks/" + taskOfB.path("key").asText() + "/claim", null);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.body().path("detail").asText()).contains("陈静").doesNotContain("cw-jiujiang");

    // B is refused at the document check two days after it was made
    moveClock(Duration.ofDays(2));
    completeDocumentCheck(taskOfB, "reject");
    // four days later C's document check (due in 5 days) is overdue, and the director has its 督办
    JsonNode beforeOverdue = dashboard(DIRECTOR_JIUJIANG, "");
    moveClock(Duration.ofDays(4));
    JsonNode overdue = dashboard(DIRECTOR_JIUJIANG, "");
    assertThat(step(overdue, "CheckDocuments", "overdue") - step(beforeOverdue, "CheckDocuments", "overdue"))
        .isEqualTo(1);
    assertThat(step(overdue, "CheckDocuments", "open")).isEqualTo(step(beforeOverdue, "CheckDocuments", "open"));
    assertThat(person(overdue, null, "overdue") - person(beforeOverdue, null, "overdue")).isEqualTo(1);
    assertThat(step(overdue, "FollowUpCheckDocuments", "open") - step(beforeOverdue, "FollowUpCheckDocuments", "open"))
        .isEqualTo(1);
    assertThat(overdue.path("totals").path("overdueTasks").asLong()
        - beforeOverdue.path("totals").path("overdueTasks").asLong()).isEqualTo(1);
    // the export says the same as the page, as CSV with a byte-order mark for Excel (A and B decided so far)
    Raw csv = raw(DIRECTOR_JIUJIANG, "/api/dashboard.csv" + since, "zh-CN");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.disposition()).contains("attachment", "anjia-dashboard_jiujiang-cwi_" + start + ".csv");
    assertThat(csv.body()).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("分组,代码,名称,数量,逾期,中位天数");
    JsonNode same = dashboard(DIRECTOR_JIUJIANG, since);
    assertThat(person(same, null, "overdue")).as("C's document check, unclaimed and overdue").isPositive();
    assertThat(lines).contains(
        "按状态的申请,REJECTED,不予通过," + status(same, "REJECTED") + ",,",
        "从申请到决定的天数,FOSTER_FAMILY_QUALIFICATION,寄养家庭资格评估,2,,1.0",
        "按类别的儿童,DISABLED,残疾儿童," + count(same, "childrenByCategory", "DISABLED") + ",,",
        "按安置方式的儿童,KIN,亲属抚养," + count(same, "childrenByPlacement", "KIN") + ",,",
        "按人员的未办任务,,未认领," + person(same, null, "open") + "," + person(same, null, "overdue") + ",");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
        "按步骤的未办任务,foster-family-qualification:CheckDocuments,材料审核 (寄养家庭资格评估"));
    // …and is refused six days after it was made: decided after 0, 2 and 6 days, the median is 2
    completeDocumentCheck(openTask(CASEWORKER_JIUJIANG, c.path("number").asText(), "CheckDocuments"), "reject");

    JsonNode decided = dashboard(AUDITOR, since);
    JsonNode foster = decided.path("decisionTimes").get(0);
    assertThat(foster.path("journey").asText()).isEqualTo("FOSTER_FAMILY_QUALIFICATION");
    assertThat(foster.path("label").asText()).isEqualTo("寄养家庭资格评估");
    assertThat(foster.path("decided").asLong()).isEqualTo(3);
    assertThat(foster.path("medianDays").decimalValue()).isEqualByComparingTo("2.0");
    JsonNode adoption = decided.path("decisionTimes").get(1);
    assertThat(adoption.path("journey").asText()).isEqualTo("ADOPTION");
    assertThat(adoption.path("medianDays").isNull()).as("no adoption decided in 九江").isTrue();

    String english = new String(raw(AUDITOR, "/api/dashboard.csv" + since, "en").body(), StandardCharsets.UTF_8);
    assertThat(english.lines().toList()).contains("\uFEFFSection,Code,Name,Count,Overdue,Median days",
        "Days from application to decision,FOSTER_FAMILY_QUALIFICATION,Foster family qualification,3,,2.0");

    // sealed (民法典 art. 1110): only the registrar of the jurisdiction still counts it
    JsonNode lianxiBeforeSeal = dashboard(REGISTRAR_LIANXI, since);
    assertThat(post(REGISTRAR_LIANXI, "/api/applications/" + b.path("id").asText() + "/seal?reason=当事人要求保密", null)
        .status()).isEqualTo(204);
    assertThat(status(dashboard(AUDITOR, since), "REJECTED")).isEqualTo(status(decided, "REJECTED") - 1);
    assertThat(status(dashboard(DIRECTOR_JIUJIANG, since), "REJECTED")).isEqualTo(status(decided, "REJECTED") - 1);
    assertThat(dashboard(AUDITOR, since).path("decisionTimes").get(0).path("decided").asLong()).isEqualTo(2);
    assertThat(dashboard(REGISTRAR_LIANXI, since).path("applicationsByStatus"))
        .isEqualTo(lianxiBeforeSeal.path("applicationsByStatus"));
  }

  @Test
  void familiesCaseworkersAssessorsAndAdminsHaveNoDashboard() {
    for (User user : List.of(FAMILY_WANG, CASEWORKER_NANCHANG, ASSESSOR_DONGHU, ADMIN)) {
      assertThat(get(user, "/api/dashboard").status()).as(user.username()).isEqualTo(403);
      assertThat(raw(user, "/api/dashboard.csv", "zh-CN").status()).as(user.username()).isEqualTo(403);
    }
  }

  @Test
  void anInstitutionOutsideTheScopeAnswersAsOneThatDoesNotExist() {
    assertThat(get(DIRECTOR_NANCHANG, "/api/dashboard" + JIUJIANG).status()).isEqualTo(404);
    assertThat(get(REGISTRAR_DONGHU, "/api/dashboard" + JIUJIANG).status()).isEqualTo(404);
    assertThat(raw(REGISTRAR_DONGHU, "/api/dashboard.csv" + JIUJIANG, "zh-CN").status()).isEqualTo(404);
    assertThat(get(AUDITOR, "/api/dashboard?institution=nowhere").status()).isEqualTo(404);

    JsonNode own = get(DIRECTOR_NANCHANG, "/api/dashboard?institution=nanchang-cwi").body();
    assertThat(own.path("filter").path("institution").asText()).isEqualTo("nanchang-cwi");
    assertThat(own.path("institutions")).singleElement().satisfies(i ->
        assertThat(i.path("name").asText()).isEqualTo("南昌市儿童福利院"));
    assertThat(get(REGISTRAR_LIANXI, "/api/dashboard" + JIUJIANG).status()).isEqualTo(200);
    assertThat(get(AUDITOR, "/api/dashboard").body().path("institutions")).hasSize(2);
  }

  @Test
  void aMalformedDateOrAPeriodEndingBeforeItStartsIsRefusedFieldByField() {
    Response malformed = get(AUDITOR, "/api/dashboard?from=2026-13-01&to=明天");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(malformed.body().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("from", "to");
    assertThat(malformed.body().path("errors").get(0).path("message").asText()).contains("YYYY-MM-DD");

    Response reversed = get(DIRECTOR_NANCHANG, "/api/dashboard?from=2026-03-10&to=2026-03-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body().path("errors")).singleElement().satisfies(e -> {
      assertThat(e.path("field").asText()).isEqualTo("to");
      assertThat(e.path("message").asText()).isEqualTo("结束日期不能早于开始日期");
    });
    JsonNode english = http.get().uri("/api/dashboard?from=2026-03-10&to=2026-03-01")
        .header("Authorization", bearer(DIRECTOR_NANCHANG)).header("Accept-Language", "en")
        .retrieve().onStatus(s -> true, (request, response) -> { }).body(JsonNode.class);
    assertThat(english.path("errors").get(0).path("message").asText())
        .isEqualTo("The end date cannot be before the start date");
    assertThat(raw(AUDITOR, "/api/dashboard.csv?from=2026-03-10&to=2026-03-01", "zh-CN").status()).isEqualTo(400);
  }

  private JsonNode dashboard(User user, String query) {
    Response response = get(user, "/api/dashboard" + query);
    assertThat(response.status()).as("dashboard of %s%s: %s", user.username(), query, response.body()).isEqualTo(200);
    return response.body();
  }

  private record Raw(int status, String contentType, String disposition, byte[] body) {}

  private Raw raw(User user, String path, String language) {
    return http.get().uri(path).header("Authorization", bearer(user)).header("Accept-Language", language)
        .exchange((request, response) -> new Raw(response.getStatusCode().value(),
            String.valueOf(response.getHeaders().getContentType()),
            String.valueOf(response.getHeaders().getFirst("Content-Disposition")),
            response.getBody().readAllBytes()));
  }

  private JsonNode applyInJiujiang(Map<String, Object> household) {
    Map<String, Object> application = new HashMap<>(household);
    application.put("institutionCode", "jiujiang-cwi");
    return apply(newFamily(), application);
  }

  private void admitInJiujiang(String category, String placement) {
    Map<String, Object> child = new HashMap<>();
    child.put("name", "江小" + category.charAt(0));
    child.put("sex", "MALE");
    child.put("birthDate", "2020-05-01");
    child.put("birthDateEstimated", false);
    child.put("category", category);
    child.put("admissionReason", "PARENTS_DEAD");
    child.put("admissionDate", today().toString());
    child.put("admissionRecord", "父母双亡，由濂溪区民政局送来");
    child.put("guardian", "九江市儿童福利院");
    Response admitted = post(CASEWORKER_JIUJIANG, "/api/children", child);
    assertThat(admitted.status()).as("admission: %s", admitted.body()).isEqualTo(201);
    if (placement != null) {
      assertThat(post(CASEWORKER_JIUJIANG, "/api/children/" + admitted.body().path("id").asText() + "/placements",
          Map.of("kind", placement, "from", today().toString(), "household", "周家", "reference", "JJ-01")).status())
          .isEqualTo(200);
    }
  }

  private void completeDocumentCheck(JsonNode task, String decision) {
    String key = task.path("key").asText();
    if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
      assertThat(post(CASEWORKER_JIUJIANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    }
    Response completed = post(CASEWORKER_JIUJIANG, "/api/tasks/" + key + "/complete", Map.of("variables", Map.of(
        "documentsDecision", decision, "documentsNotes", "材料不全")));
    assertThat(completed.status()).as("completion: %s", completed.body()).isEqualTo(204);
  }

  private static long status(JsonNode view, String status) {
    return sum(view.path("applicationsByStatus"), "status", status, "count");
  }

  private static long step(JsonNode view, String elementId, String field) {
    return sum(view.path("tasksByStep"), "elementId", elementId, field);
  }

  private static long person(JsonNode view, String assignee, String field) {
    long total = 0;
    for (JsonNode row : view.path("tasksByPerson")) {
      if (assignee == null ? row.path("assignee").isNull() : assignee.equals(row.path("assignee").asText())) {
        total += row.path(field).asLong();
      }
    }
    return total;
  }

  private static long count(JsonNode view, String section, String code) {
    return sum(view.path(section), "code", code, "count");
  }

  private static long sum(JsonNode rows, String key, String value, String field) {
    long total = 0;
    for (JsonNode row : rows) {
      if (value.equals(row.path(key).asText())) {
        total += row.path(field).asLong();
      }
    }
    return total;
  }
}

package org.anjia.registry.fostering;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.families.TestResidentIds;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 寄养家庭名册续期与复查 through the API (未成年人保护法 art. 98; 家庭寄养管理办法 arts. 8, 12): member
 * checks and their refusals field by field, an adult who joined later refusing a match until checked,
 * the director's suspension, who sees which entry, and the renewal on a moved engine clock: opened 60
 * days before expiry, re-checked, then renewed, refused or expired (placements flagged to the director).
 */
class FosterRegisterRenewalApiTest extends RegistryIntegrationTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final User DIRECTOR_JIUJIANG = new User("dir-jiujiang", "director", "jiujiang-cwi", null);

  @Autowired
  JdbcClient jdbc;
  @Autowired
  RegisterRenewals renewals;

  /** A family in Nanchang's register, its entry, and its application's number. */
  private record Registered(User family, UUID familyId, UUID entryId, String applicationNumber) {}

  @Test
  void anAdultWhoJoinedLaterTakesNoChildUntilACriminalRecordCheckHasPassed() {
    Registered registered = register();
    String uncle = addAdultToHousehold(registered.familyId(), "王大伟", 35);
    String childId = admit("党小安");

    Response unchecked = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, registered.familyId()));
    assertRefused(unchecked, "familyId", "王大伟", "第九十八条");
    assertNothingPlaced(childId);
    assertThat(portalEntry(registered.family()).path("renewal").path("missing").toString())
        .as("the family reads what is missing").contains("王大伟", "违法犯罪记录查询");

    assertThat(post(CASEWORKER_NANCHANG, checks(registered), check(uncle, "CRIMINAL_RECORD", "FAILED", today()))
        .status()).isEqualTo(201);
    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, registered.familyId())),
        "familyId", "王大伟", "第九十八条");

    Response passed = post(CASEWORKER_NANCHANG, checks(registered), check(uncle, "CRIMINAL_RECORD", "PASSED", today()));
    assertThat(passed.status()).as("%s", passed.body()).isEqualTo(201);
    assertThat(passed.body().path("checks")).anySatisfy(recorded -> {
      assertThat(recorded.path("memberName").asText()).isEqualTo("王大伟");
      assertThat(recorded.path("result").asText()).isEqualTo("PASSED");
      assertThat(recorded.path("checkedBy").asText()).as("by name, not login").doesNotContain("cw-nanchang");
    });
    Response placed = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, registered.familyId()));
    assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
  }

  @Test
  void aSuspendedEntryTakesNoChildUntilTheDirectorLiftsIt() {
    Registered registered = register();
    String childId = admit("党小乐");
    String suspension = "/api/foster-register/" + registered.entryId() + "/suspension";

    assertThat(post(CASEWORKER_NANCHANG, suspension, Map.of("reason", "家庭发生变故")).status())
        .as("the director's decision").isEqualTo(403);
    assertRefused(post(DIRECTOR_NANCHANG, suspension, Map.of("reason", " ")), "reason", "理由");
    Response suspended = post(DIRECTOR_NANCHANG, suspension, Map.of("reason", "家庭发生变故"));
    assertThat(suspended.status()).as("%s", suspended.body()).isEqualTo(200);
    assertThat(suspended.body().path("suspended").asBoolean()).isTrue();
    assertThat(post(DIRECTOR_NANCHANG, suspension, Map.of("reason", "再次")).status()).isEqualTo(409);
    assertThat(portalEntry(registered.family()).path("suspended").asBoolean()).isTrue();

    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, registered.familyId())),
        "familyId", "暂停", "家庭发生变故");
    assertNothingPlaced(childId);

    assertThat(delete(DIRECTOR_NANCHANG, suspension).status()).isEqualTo(200);
    assertThat(delete(DIRECTOR_NANCHANG, suspension).status()).as("nothing to lift").isEqualTo(409);
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, registered.familyId())).status())
        .isEqualTo(201);
  }

  @Test
  void aWrongCheckIsRefusedFieldByFieldAndNothingIsWritten() {
    Registered registered = register();
    long before = checkCount(registered.entryId());

    Response wrong = post(CASEWORKER_NANCHANG, checks(registered),
        Map.of("residentId", "123", "kind", "FINGERPRINT", "result", "MAYBE", "checkedOn", "2026-13-40"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.body().path("errors")).extracting(error -> error.path("field").asText())
        .containsExactlyInAnyOrder("residentId", "kind", "result", "checkedOn");
    assertThat(wrong.body().path("errors").toString()).contains("成年成员", "违法犯罪记录查询", "通过", "年-月-日");

    String child = member(registered.familyId(), "李小明");
    assertRefused(post(CASEWORKER_NANCHANG, checks(registered), check(child, "HEALTH", "PASSED", today())),
        "residentId", "年满18周岁");
    assertRefused(post(CASEWORKER_NANCHANG, checks(registered),
        check(member(registered.familyId(), "王秀英"), "HEALTH", "PASSED", today().plusDays(1))), "checkedOn", "晚于今天");
    assertThat(checkCount(registered.entryId())).isEqualTo(before);
  }

  @Test
  void aFamilySeesOnlyItsOwnEntryAndStaffOnlyTheirInstitutions() {
    Registered registered = register();
    User neighbour = newFamily();
    qualifyFosterFamily(neighbour, "nanchang-cwi", CASEWORKER_NANCHANG, ASSESSOR_DONGHU, DIRECTOR_NANCHANG);

    JsonNode own = portalEntry(registered.family());
    assertThat(own.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(own.path("suspended").asBoolean()).isFalse();
    assertThat(own.path("renewal").path("stage").asText()).isEqualTo("NOT_DUE");
    assertThat(own.path("renewal").path("opensOn").asText()).isEqualTo(today().plusYears(1).minusDays(60).toString());
    assertThat(own.path("renewal").path("dueOn").asText()).isEqualTo(today().plusYears(1).toString());
    assertThat(own.path("renewal").path("missing")).as("checked in the qualification").isEmpty();
    assertThat(get(neighbour, "/api/portal/foster-register").body())
        .noneSatisfy(entry -> assertThat(entry.path("id").asText()).isEqualTo(registered.entryId().toString()));
    assertThat(get(registered.family(), "/api/foster-register/" + registered.entryId() + "/renewal").status())
        .isEqualTo(403);

    JsonNode renewal = get(CASEWORKER_NANCHANG, "/api/foster-register/" + registered.entryId() + "/renewal").body();
    assertThat(renewal.path("checks")).as("the qualification's background check of each adult")
        .extracting(check -> check.path("memberName").asText()).containsExactlyInAnyOrder("王秀英", "李建国");
    String renewalPath = "/api/foster-register/" + registered.entryId() + "/renewal";
    assertThat(get(CASEWORKER_JIUJIANG, renewalPath).status()).as("another institution's entry").isEqualTo(404);
    assertThat(post(CASEWORKER_JIUJIANG, checks(registered),
        check(member(registered.familyId(), "王秀英"), "HEALTH", "PASSED", today())).status()).isEqualTo(404);
    assertThat(post(DIRECTOR_JIUJIANG, "/api/foster-register/" + registered.entryId() + "/suspension",
        Map.of("reason", "越权")).status()).isEqualTo(404);
  }

  @Test
  void sixtyDaysBeforeExpiryTheRenewalOpensAndTheDirectorRenewsAfterEveryAdultIsRechecked() {
    Registered registered = register();
    LocalDate expiresOn = expiringSoon(registered);
    moveClockTo(startOfDay(expiresOn.minusDays(60)).minusSeconds(60));
    assertThat(portalEntry(registered.family()).path("renewal").path("stage").asText()).isEqualTo("NOT_DUE");

    moveClockTo(startOfDay(expiresOn.minusDays(60)).plusSeconds(3600));
    JsonNode opened = portalEntry(registered.family()).path("renewal");
    assertThat(opened.path("stage").asText()).isEqualTo("RECHECK");
    assertThat(opened.path("dueOn").asText()).isEqualTo(expiresOn.toString());
    assertThat(opened.path("missing")).hasSize(4);
    assertThat(opened.path("missing").toString()).contains("王秀英", "李建国", "健康检查证明", "违法犯罪记录查询");

    JsonNode recheck = openTask(CASEWORKER_NANCHANG, registered.applicationNumber(), "RecheckHousehold");
    String key = recheck.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    Response incomplete = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete",
        Map.of("variables", Map.of("adultChecks", List.of(adultCheck(member(registered.familyId(), "王秀英"))))));
    assertRefused(incomplete, "adultChecks", "李建国");
    assertThat(portalEntry(registered.family()).path("renewal").path("missing")).as("nothing kept").hasSize(4);

    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables", Map.of("adultChecks",
        List.of(adultCheck(member(registered.familyId(), "王秀英")), adultCheck(member(registered.familyId(), "李建国"))))))
        .status()).isEqualTo(204);
    JsonNode awaiting = portalEntry(registered.family()).path("renewal");
    assertThat(awaiting.path("stage").asText()).isEqualTo("APPROVAL");
    assertThat(awaiting.path("missing")).singleElement().satisfies(item -> assertThat(item.asText()).contains("审批"));

    claimAndComplete(DIRECTOR_NANCHANG, openTask(DIRECTOR_NANCHANG, registered.applicationNumber(), "ApproveRenewal"),
        Map.of("renewalDecision", "approve", "renewalComments", "同意续期"));

    JsonNode renewed = portalEntry(registered.family());
    assertThat(renewed.path("expiresOn").asText()).isEqualTo(expiresOn.plusYears(1).toString());
    assertThat(renewed.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(renewed.path("renewal").path("stage").asText()).isEqualTo("NOT_DUE");
    assertThat(renewed.path("renewal").path("opensOn").asText())
        .isEqualTo(expiresOn.plusYears(1).minusDays(60).toString());
  }

  @Test
  void aRefusedRenewalFailsTheEntryAnExpiredOneExpiresAndTheirPlacementsGoToTheDirector() {
    Registered refused = register();
    Registered lapsing = register();
    String placedWithRefused = admit("党小红");
    String placedWithLapsing = admit("党小青");
    String another = admit("党小紫");
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(placedWithRefused, refused.familyId()))
        .status()).isEqualTo(201);
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(placedWithLapsing, lapsing.familyId()))
        .status()).isEqualTo(201);
    LocalDate expiresOn = expiringSoon(refused);
    assertThat(expiringSoon(lapsing)).isEqualTo(expiresOn);
    moveClockTo(startOfDay(expiresOn.minusDays(60)).plusSeconds(3600));

    for (Registered registered : List.of(refused, lapsing)) {
      claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, registered.applicationNumber(),
          "RecheckHousehold"), Map.of("adultChecks", List.of(adultCheck(member(registered.familyId(), "王秀英")),
              adultCheck(member(registered.familyId(), "李建国")))));
    }
    claimAndComplete(DIRECTOR_NANCHANG, openTask(DIRECTOR_NANCHANG, refused.applicationNumber(), "ApproveRenewal"),
        Map.of("renewalDecision", "reject", "renewalComments", "家庭关系紧张"));

    assertThat(portalEntry(refused.family()).path("status").asText()).isEqualTo("FAILED");
    assertThat(openTask(DIRECTOR_NANCHANG, refused.applicationNumber(), "ReviewPlacements")).isNotNull();
    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(another, refused.familyId())),
        "familyId", "续期未获批准");
    assertNothingPlaced(another);

    moveClockTo(startOfDay(expiresOn.minusDays(30)).plusSeconds(3600));
    assertThat(portalEntry(lapsing.family()).path("renewal").path("remindedOn").asText())
        .as("reminded 30 days before").isEqualTo(today().toString());
    moveClockTo(startOfDay(expiresOn.plusDays(1)).minusSeconds(60));
    assertThat(portalEntry(lapsing.family()).path("status").asText()).as("valid through its last day").isEqualTo("ACTIVE");
    moveClockTo(startOfDay(expiresOn.plusDays(1)).plusSeconds(60));
    JsonNode expired = portalEntry(lapsing.family());
    assertThat(expired.path("status").asText()).isEqualTo("EXPIRED");
    assertThat(expired.path("renewal").path("stage").asText()).isEqualTo("CLOSED");
    JsonNode review = openTask(DIRECTOR_NANCHANG, lapsing.applicationNumber(), "ReviewPlacements");
    Response task = get(DIRECTOR_NANCHANG, "/api/tasks/" + review.path("key").asText());
    assertThat(task.body().toString()).as("the children still placed, by name").contains("党小青");
  }

  // --- fixtures ---

  private Registered register() {
    User family = newFamily();
    String number = qualifyFosterFamily(family, "nanchang-cwi", CASEWORKER_NANCHANG, ASSESSOR_DONGHU, DIRECTOR_NANCHANG);
    UUID familyId = jdbc.sql("select family_id from family_account where subject = :subject order by family_id limit 1")
        .param("subject", family.subject()).query(UUID.class).single();
    UUID entryId = jdbc.sql("select id from foster_register_entry where family_id = :family")
        .param("family", familyId).query(UUID.class).single();
    return new Registered(family, familyId, entryId, number);
  }

  /**
   * As if approved ten months ago: the entry expires in 61 days, and its renewal process waits for that
   * expiry as ScheduleRenewal would have set it (the service's own RegisterRenewals.schedule). Moving the
   * engine clock a whole year would take it past the wall clock, which other validations still read.
   */
  private LocalDate expiringSoon(Registered registered) {
    LocalDate expiresOn = today().plusDays(61);
    jdbc.sql("update foster_register_entry set expires_on = :day where id = :id")
        .param("day", expiresOn).param("id", registered.entryId()).update();
    UUID applicationId = jdbc.sql("select application_id from foster_register_entry where id = :id")
        .param("id", registered.entryId()).query(UUID.class).single();
    String instance = processInstance(applicationId.toString(), "foster-register-renewal");
    Map<String, Object> dates = renewals.schedule(registered.entryId());
    engine.getRuntimeService().setVariables(instance, dates);
    Job opening = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId("RenewalDue")
        .singleResult();
    engine.getManagementService().setJobDuedate(opening.getId(), (Date) dates.get("renewalOpens"));
    return expiresOn;
  }

  private JsonNode portalEntry(User family) {
    Response own = get(family, "/api/portal/foster-register");
    assertThat(own.status()).isEqualTo(200);
    return own.body().get(0);
  }

  private static String checks(Registered registered) {
    return "/api/foster-register/" + registered.entryId() + "/member-checks";
  }

  private static Map<String, Object> check(String residentId, String kind, String result, LocalDate checkedOn) {
    return Map.of("residentId", residentId, "kind", kind, "result", result, "checkedOn", checkedOn.toString());
  }

  /** One row of the re-check form: no criminal record found, health certificate of today. */
  private static Map<String, Object> adultCheck(String residentId) {
    return Map.of("residentId", residentId, "criminalRecordResult", "passed",
        "criminalRecordCheckedOn", today().toString(), "healthCertificateOn", today().toString());
  }

  private String member(UUID familyId, String name) {
    return jdbc.sql("select resident_id from household_member where family_id = :family and name = :name")
        .param("family", familyId).param("name", name).query(String.class).single();
  }

  /** An adult who joins the household after the approval, as a re-declared household would bring in. */
  private String addAdultToHousehold(UUID familyId, String name, int age) {
    String residentId = TestResidentIds.ofAge(age, true);
    jdbc.sql("""
            insert into household_member (id, family_id, position, name, resident_id, birth_date, sex, role, education)
            values (:id, :family, (select max(position) + 1 from household_member where family_id = :family), :name,
                    :residentId, :birthDate, 'MALE', 'OTHER_ADULT', 'SENIOR_HIGH')""")
        .param("id", UUID.randomUUID()).param("family", familyId).param("name", name).param("residentId", residentId)
        .param("birthDate", LocalDate.parse(residentId.substring(6, 10) + "-" + residentId.substring(10, 12) + "-"
            + residentId.substring(12, 14)))
        .update();
    return residentId;
  }

  private long checkCount(UUID entryId) {
    return jdbc.sql("select count(*) from foster_member_check where entry_id = :entry").param("entry", entryId)
        .query(Long.class).single();
  }

  /** A foundling of the Nanchang institution, 3 years old. */
  private String admit(String name) {
    Map<String, Object> child = new HashMap<>();
    child.put("name", name);
    child.put("sex", "FEMALE");
    child.put("birthDate", today().minusYears(3).toString());
    child.put("birthDateEstimated", false);
    child.put("category", "INSTITUTION_RAISED");
    child.put("admissionReason", "FOUNDLING");
    child.put("admissionDate", today().toString());
    child.put("admissionRecord", "由东湖区公安分局送来，附捡拾报案证明");
    child.put("guardian", "南昌市儿童福利院");
    Response admitted = post(CASEWORKER_NANCHANG, "/api/children", child);
    assertThat(admitted.status()).as("%s", admitted.body()).isEqualTo(201);
    return admitted.body().path("id").asText();
  }

  private static Map<String, Object> proposal(String childId, UUID familyId) {
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("childId", childId);
    proposal.put("familyId", familyId.toString());
    proposal.put("from", today().toString());
    proposal.put("until", today().plusYears(1).toString());
    proposal.put("primaryCaregiver", "王秀英");
    proposal.put("integrationDays", 60);
    proposal.put("liability", "违反协议的一方承担相应责任，机构可以解除协议");
    return proposal;
  }

  private static void assertRefused(Response response, String field, String... texts) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo(field);
      assertThat(error.path("message").asText()).contains(texts);
    });
  }

  private void assertNothingPlaced(String childId) {
    assertThat(jdbc.sql("select count(*) from foster_placement where child_id = :id")
        .param("id", UUID.fromString(childId)).query(Long.class).single()).isZero();
  }

  private static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(CHINA).toInstant();
  }
}

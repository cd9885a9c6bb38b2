package org.anjia.registry.fostering;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.FosterPlacementFixtures;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.children.Children;
import org.anjia.registry.families.TestResidentIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 家庭寄养安置 through the API (家庭寄养管理办法 arts. 7, 9, 11, 12(5), 14): each refusal rule alone and
 * at its boundary, with nothing written and no process started; the happy path to a foster placement
 * on the child's file after both signatures; and who sees which placement.
 */
class FosterPlacementApiTest extends RegistryIntegrationTest {

  private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

  @Autowired
  JdbcClient jdbc;
  @Autowired
  Children children;

  @Test
  void thePlacementStartsOnTheChildsFileOnlyAfterBothSignatures() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = admit("党小安", today().minusYears(3));

    Response proposed = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today()));
    assertThat(proposed.status()).as("%s", proposed.body()).isEqualTo(201);
    String placementId = proposed.body().path("id").asText();
    assertThat(proposed.body().path("status").asText()).isEqualTo("PROPOSED");
    assertThat(proposed.body().path("familyName").asText()).isEqualTo("王秀英家庭");
    assertThat(get(family, "/api/portal/foster-placements").body()).as("not shown before the director approves")
        .isEmpty();
    assertThat(post(family, "/api/portal/foster-placements/" + placementId + "/signature", null).status())
        .as("nothing to sign before the approval").isEqualTo(409);

    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "ApproveMatch"),
        Map.of("matchDecision", "approve", "matchComments", "同意"));
    JsonNode shown = get(family, "/api/portal/foster-placements").body();
    assertThat(shown).singleElement().satisfies(placement -> {
      assertThat(placement.path("status").asText()).isEqualTo("AWAITING_SIGNATURES");
      assertThat(placement.path("childName").asText()).isEqualTo("党小安");
      assertThat(placement.path("childAge").asInt()).isEqualTo(3);
      assertThat(placement.path("healthNotes").asText()).isEqualTo("先天性心脏病术后");
      assertThat(placement.path("integrationDays").asInt()).isEqualTo(60);
      assertThat(placement.has("childId")).as("the family does not get the file").isFalse();
      assertThat(placement.has("residentId")).isFalse();
    });

    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "SignAgreement"),
        Map.of("agreementDecision", "sign"));
    assertThat(child(childId).path("currentPlacement").asText()).as("the family has not signed").isEqualTo("INSTITUTION");

    Response signed = post(family, "/api/portal/foster-placements/" + placementId + "/signature", null);
    assertThat(signed.status()).as("%s", signed.body()).isEqualTo(200);
    assertThat(signed.body().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(post(family, "/api/portal/foster-placements/" + placementId + "/signature", null).status())
        .as("signed once").isEqualTo(409);

    JsonNode file = child(childId);
    assertThat(file.path("currentPlacement").asText()).isEqualTo("FOSTER");
    JsonNode current = file.path("placements").get(file.path("placements").size() - 1);
    assertThat(current.path("endedOn").isNull()).isTrue();
    assertThat(java.util.List.of(current)).singleElement().satisfies(row -> {
      assertThat(row.path("kind").asText()).isEqualTo("FOSTER");
      assertThat(row.path("fosterPlacementId").asText()).as("linked to the journey").isEqualTo(placementId);
      assertThat(row.path("household").asText()).isEqualTo("王秀英家庭");
      assertThat(row.path("startedOn").asText()).isEqualTo(today().toString());
    });
    JsonNode staffView = get(CASEWORKER_NANCHANG, "/api/children/" + childId + "/foster-placements").body();
    assertThat(staffView).singleElement().satisfies(placement -> {
      assertThat(placement.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(placement.path("familySignedAt").isNull()).isFalse();
      assertThat(placement.path("directorSignedAt").isNull()).isFalse();
    });
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-families/" + familyId + "/placements").body())
        .extracting(p -> p.path("id").asText()).containsExactly(placementId);
  }

  @Test
  void aFamilySeesOnlyItsOwnFosterChildrenAndStaffOnlyTheirInstitutions() {
    User family = newFamily();
    User neighbour = newFamily();
    UUID familyId = qualify(family);
    qualify(neighbour);
    String childId = admit("党小安", today().minusYears(3));
    String placementId = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today()))
        .body().path("id").asText();
    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "ApproveMatch"),
        Map.of("matchDecision", "approve"));

    assertThat(get(family, "/api/portal/foster-placements").body()).hasSize(1);
    assertThat(get(neighbour, "/api/portal/foster-placements").body()).as("another family's foster child").isEmpty();
    assertThat(post(neighbour, "/api/portal/foster-placements/" + placementId + "/signature", null).status())
        .as("another family's agreement does not exist for it").isEqualTo(404);

    assertThat(get(CASEWORKER_JIUJIANG, "/api/children/" + childId + "/foster-placements").status())
        .as("another institution's child").isEqualTo(404);
    assertThat(get(CASEWORKER_JIUJIANG, "/api/foster-families/" + familyId + "/placements").body())
        .as("placements with another institution").isEmpty();
    assertThat(post(CASEWORKER_JIUJIANG, "/api/foster-placements", proposal(childId, familyId, today())).status())
        .isEqualTo(404);
  }

  @Test
  void aFamilyTakesTwoFosterChildrenNotAThird() {
    UUID familyId = qualify(newFamily());
    for (String name : new String[] {"甲", "乙"}) {
      Response placed = post(CASEWORKER_NANCHANG, "/api/foster-placements",
          proposal(admit(name, today().minusYears(4)), familyId, today()));
      assertThat(placed.status()).as("%s: %s", name, placed.body()).isEqualTo(201);
    }
    String third = admit("丙", today().minusYears(4));

    Response refused = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(third, familyId, today()));

    assertRefused(refused, "familyId", "第九条");
    assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("2");
    assertNothingWritten(third);
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-register").body())
        .filteredOn(entry -> entry.path("familyId").asText().equals(familyId.toString()))
        .singleElement().satisfies(entry -> {
          assertThat(entry.path("occupied").asInt()).as("the register shows the occupancy").isEqualTo(2);
          assertThat(entry.path("capacity").asInt()).isEqualTo(2);
        });
  }

  @Test
  void anOwnChildUnderSixOnThePlacementDateBarsTheFamilyASixYearOldDoesNot() {
    UUID familyId = qualify(newFamily());
    // born since the approval would count too: the household now has a child who turns 6 in 10 days
    LocalDate sixthBirthday = today().plusDays(10);
    addChildToHousehold(familyId, sixthBirthday.minusYears(6));
    String childId = admit("党小安", today().minusYears(3));

    Response aged5 = post(CASEWORKER_NANCHANG, "/api/foster-placements",
        proposal(childId, familyId, sixthBirthday.minusDays(1)));
    assertRefused(aged5, "familyId", "第九条");
    assertThat(aged5.body().path("errors").get(0).path("message").asText()).contains("李小宝", "未满6周岁");
    assertNothingWritten(childId);

    Response aged6 = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, sixthBirthday));
    assertThat(aged6.status()).as("%s", aged6.body()).isEqualTo(201);
  }

  @Test
  void anExpiredRegisterEntryTakesNoChildOnItsLastDayItStillDoes() {
    UUID familyId = qualify(newFamily());
    String childId = admit("党小安", today().minusYears(3));

    expireOn(familyId, today().minusDays(1));
    Response expired = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today()));
    assertRefused(expired, "familyId", "到期");
    assertNothingWritten(childId);

    expireOn(familyId, today());
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today())).status())
        .isEqualTo(201);
  }

  @Test
  void aChildOfEightIsPlacedOnlyWithTheConsentTheCaseworkerHeardASevenYearOldWithout() {
    UUID familyId = qualify(newFamily());
    String seven = admit("七岁", today().minusYears(8).plusDays(1));
    String eight = admit("八岁", today().minusYears(8));

    Response withoutConsent = post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(eight, familyId, today()));
    assertRefused(withoutConsent, "childConsent", "第十一条");
    assertNothingWritten(eight);
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(seven, familyId, today())).status())
        .isEqualTo(201);

    Response future = post(CASEWORKER_NANCHANG, "/api/children/" + eight + "/foster-consent",
        hearing(today().plusDays(1), true));
    assertRefused(future, "heardOn", "");
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + eight + "/foster-consent", hearing(today(), false))
        .status()).isEqualTo(201);
    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(eight, familyId, today())),
        "childConsent", "第十一条");

    Response heard = post(CASEWORKER_NANCHANG, "/api/children/" + eight + "/foster-consent", hearing(today(), true));
    assertThat(heard.status()).isEqualTo(201);
    assertThat(heard.body().path("heardByRole").asText()).isEqualTo("CASEWORKER");
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(eight, familyId, today())).status())
        .isEqualTo(201);
  }

  @Test
  void aFamilyOutsideTheRegisterAChildAlreadyPlacedAndAShortIntegrationAreRefused() {
    User applicant = newFamily();
    apply(applicant, Households.eligible());
    UUID notApproved = familyOf(applicant);
    String childId = admit("党小安", today().minusYears(3));

    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, UUID.randomUUID(), today())),
        "familyId", "名册");
    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, notApproved, today())),
        "familyId", "名册");
    UUID familyId = qualify(newFamily());
    Map<String, Object> short59 = proposal(childId, familyId, today());
    short59.put("integrationDays", 59);
    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", short59), "integrationDays", "第十四条");
    assertNothingWritten(childId);

    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today())).status())
        .isEqualTo(201);
    UUID otherFamily = qualify(newFamily());
    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, otherFamily, today())),
        "childId", "已有进行中的寄养安置");
  }

  @Test
  void afterTheIntegrationPeriodTheCaseworkerExtendsOrEndsItAndVisitsComeMonthly() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = admit("党小安", today().minusYears(3));
    placeActive(family, familyId, childId);
    LocalDate startedOn = today();
    // art. 14: 60 days counted from the day after the start, until 24:00 of the last one (Asia/Shanghai)
    assertThat(integrationEnds(childId)).isEqualTo(startedOn.plusDays(61).atStartOfDay(CHINA).toInstant());

    moveClockTo(integrationEnds(childId).plusSeconds(3600));
    JsonNode visit = childTask(CASEWORKER_NANCHANG, childId, "HomeVisit");
    assertThat(visit.path("dueDate").isNull()).as("a visit has a due date").isFalse();
    JsonNode assessment = childTask(CASEWORKER_NANCHANG, childId, "AssessIntegration");
    String key = assessment.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    Response noDays = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables",
        Map.of("integrationFindings", "仍在适应", "integrationDecision", "extend")));
    assertRefused(noDays, "extensionDays", "延长天数");
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables",
        Map.of("integrationFindings", "仍在适应", "integrationDecision", "extend", "extensionDays", 10))).status())
        .isEqualTo(204);
    assertThat(integrationEnds(childId)).isEqualTo(today().plusDays(11).atStartOfDay(CHINA).toInstant());

    moveClockTo(integrationEnds(childId).plusSeconds(3600));
    claimAndComplete(CASEWORKER_NANCHANG, childTask(CASEWORKER_NANCHANG, childId, "AssessIntegration"),
        Map.of("integrationFindings", "儿童无法适应，需回机构", "integrationDecision", "end"));

    assertThat(child(childId).path("currentPlacement").asText()).as("back in the institution's care")
        .isEqualTo("INSTITUTION");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId + "/foster-placements").body())
        .singleElement().satisfies(placement -> {
          assertThat(placement.path("status").asText()).isEqualTo("ENDED");
          assertThat(placement.path("endedOn").asText()).isEqualTo(today().toString());
        });
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childId).count())
        .as("the open visits close with the placement").isZero();
  }

  @Test
  void theAdoptionOfTheFosterChildEndsThePlacementAndItsVisits() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = admit("党小安", today().minusYears(3));
    String placementId = placeActive(family, familyId, childId);

    // the adoption journey's registration step (AdoptionJourneyApiTest walks it through the API)
    children.recordAdoption(UUID.fromString(childId), "王秀英家庭", "收登字TEST", today(), false);

    assertThat(get(family, "/api/portal/foster-placements").body()).singleElement().satisfies(placement -> {
      assertThat(placement.path("id").asText()).isEqualTo(placementId);
      assertThat(placement.path("status").asText()).isEqualTo("ENDED");
      assertThat(placement.path("endedOn").asText()).isEqualTo(today().toString());
    });
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childId)
        .processDefinitionKey("foster-placement").count()).as("no more visits").isZero();
    UUID secondChild = UUID.fromString(admit("党小宁", today().minusYears(4)));
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(secondChild.toString(), familyId, today()))
        .status()).as("the family's place is free again").isEqualTo(201);
  }

  @Test
  void aMonthlyVisitIsRecordedWithItsObservationsButNotWithADateAhead() {
    User family = newFamily();
    String childId = admit("党小安", today().minusYears(3));
    String placementId = placeActive(family, qualify(family), childId);

    moveClock(java.time.Duration.ofDays(32));
    JsonNode visit = childTask(CASEWORKER_NANCHANG, childId, "HomeVisit");
    String key = visit.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    Map<String, Object> observations = new HashMap<>(Map.of("childHealth", "体重增加，按时复诊",
        "childSchooling", "在社区幼儿园上小班", "childWellbeing", "与照料人亲近", "visitFindings", "无"));
    observations.put("homeVisitDate", today().plusDays(1).toString());
    assertRefused(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables", observations)),
        "homeVisitDate", "不能晚于今天");
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("visits")).as("a refused visit is not recorded").isEmpty();

    observations.put("homeVisitDate", today().toString());
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables", observations))
        .status()).isEqualTo(204);
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("visits")).singleElement().satisfies(recorded -> {
          assertThat(recorded.path("visitedOn").asText()).isEqualTo(today().toString());
          assertThat(recorded.path("schooling").asText()).isEqualTo("在社区幼儿园上小班");
          assertThat(recorded.path("visitor").asText()).isNotBlank();
        });
    String visitId = get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("visits").get(0).path("id").asText();
    byte[] photo = ("\u0089PNG\r\n\u001a\n照片：儿童在寄养家庭的书桌前").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Response uploaded = upload(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/visits/" + visitId
        + "/photos", "PHOTO", "visit.png", "image/png", photo);
    assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(201);
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("visits").get(0).path("photos")).extracting(JsonNode::asText)
        .containsExactly(uploaded.body().path("id").asText());
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId + "/documents").body())
        .as("on the child's file").extracting(document -> document.path("fileName").asText()).contains("visit.png");
    assertThat(upload(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/visits/" + UUID.randomUUID()
        + "/photos", "PHOTO", "visit.png", "image/png", photo).status()).as("no such visit").isEqualTo(404);
    assertThat(get(CASEWORKER_JIUJIANG, "/api/foster-placements/" + placementId + "/care-record").status())
        .as("another institution's placement does not exist for its staff").isEqualTo(404);
  }

  @Test
  void aFamilyAsksForARespiteOfAtMostThirtyDaysTheCaseworkerDecidesAndRecordsTheReturn() {
    User family = newFamily();
    String childId = admit("党小安", today().minusYears(3));
    String placementId = placeActive(family, qualify(family), childId);
    String requests = "/api/portal/foster-placements/" + placementId + "/respite-requests";
    LocalDate from = today().plusDays(1);

    assertRefused(post(family, requests, respite(from, from.plusDays(31))), "until", "30日");
    assertRefused(post(family, requests, respite(today().minusDays(1), from)), "from", "不能早于今天");
    assertRefused(post(family, requests, respite(from, from)), "until", "须晚于开始日期");
    assertThat(post(newFamily(), requests, respite(from, from.plusDays(7))).status())
        .as("another family's placement does not exist for it").isEqualTo(404);
    assertThat(respitesOf(placementId)).as("nothing written").isZero();

    Response asked = post(family, requests, respite(from, from.plusDays(30)));
    assertThat(asked.status()).as("30 days is the limit itself: %s", asked.body()).isEqualTo(201);
    assertThat(asked.body().path("status").asText()).isEqualTo("REQUESTED");
    assertThat(post(family, requests, respite(from, from.plusDays(3))).status()).as("one at a time").isEqualTo(409);

    claimAndComplete(CASEWORKER_NANCHANG, childTask(CASEWORKER_NANCHANG, childId, "DecideRespite"),
        Map.of("respiteDecision", "approve", "respiteNote", "同意，儿童回院照料"));
    assertThat(get(family, "/api/portal/foster-placements/" + placementId + "/care-record").body().path("respites"))
        .singleElement().satisfies(shown -> {
          assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
          assertThat(shown.path("decisionNote").asText()).isEqualTo("同意，儿童回院照料");
        });

    JsonNode back = childTask(CASEWORKER_NANCHANG, childId, "ReturnFromRespite");
    String key = back.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    assertRefused(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables",
        Map.of("respiteReturnedOn", today().toString(), "respiteNotes", "儿童情绪稳定"))), "respiteReturnedOn",
        from.toString());
    moveClock(java.time.Duration.ofDays(5));
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables",
        Map.of("respiteReturnedOn", today().toString(), "respiteNotes", "儿童情绪稳定"))).status()).isEqualTo(204);
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("respites")).singleElement().satisfies(ended -> {
          assertThat(ended.path("status").asText()).isEqualTo("ENDED");
          assertThat(ended.path("returnedOn").asText()).isEqualTo(today().toString());
        });
  }

  @Test
  void aRespiteTheInstitutionDecidedStartsAtOnceAndPastItsLimitGoesToTheDirector() {
    User family = newFamily();
    String childId = admit("党小安", today().minusYears(3));
    String placementId = placeActive(family, qualify(family), childId);

    Response decided = post(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/respites",
        respite(today(), today().plusDays(10)));
    assertThat(decided.status()).as("%s", decided.body()).isEqualTo(201);
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("respites").get(0).path("status").asText()).as("no decision step").isEqualTo("ACTIVE");
    assertThat(post(CASEWORKER_JIUJIANG, "/api/foster-placements/" + placementId + "/respites",
        respite(today(), today().plusDays(10))).status()).isEqualTo(404);

    moveClock(java.time.Duration.ofDays(29));
    assertThat(directorFollowUps(childId)).as("within 30 days").isZero();
    moveClock(java.time.Duration.ofDays(3));
    assertThat(directorFollowUps(childId)).as("past 30 days (art. 20)").isEqualTo(1);
  }

  @Test
  void theDirectorEndsAPlacementForAReasonOfTheArticlesAndTheCaseworkerFilesIt() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = admit("党小安", today().minusYears(3));
    String placementId = placeActive(family, familyId, childId);
    String termination = "/api/foster-placements/" + placementId + "/termination";

    assertRefused(post(DIRECTOR_NANCHANG, termination, Map.of("details", "无理由")), "reason", "");
    assertRefused(post(DIRECTOR_NANCHANG, termination, Map.of("reason", "FAMILY_REQUEST")), "reason", "门户");
    assertThat(post(CASEWORKER_NANCHANG, termination, Map.of("reason", "ABUSE")).status())
        .as("the director decides").isEqualTo(403);
    assertThat(child(childId).path("currentPlacement").asText()).isEqualTo("FOSTER");

    Response ended = post(DIRECTOR_NANCHANG, termination, Map.of("reason", "MAJOR_CHANGE", "details", "主要照料人重病住院"));
    assertThat(ended.status()).as("%s", ended.body()).isEqualTo(200);
    assertThat(ended.body().path("article").asText()).contains("第十八条");
    assertThat(child(childId).path("currentPlacement").asText()).as("back in the institution's care")
        .isEqualTo("INSTITUTION");
    assertThat(get(family, "/api/portal/foster-placements").body()).singleElement()
        .satisfies(placement -> assertThat(placement.path("status").asText()).isEqualTo("ENDED"));
    assertThat(post(DIRECTOR_NANCHANG, termination, Map.of("reason", "ABUSE")).status()).as("ended once")
        .isEqualTo(409);

    JsonNode filing = childTask(CASEWORKER_NANCHANG, childId, "FileTermination");
    String key = filing.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    assertRefused(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables",
        Map.of("terminationFiledOn", today().plusDays(1).toString(), "terminationFiledWith", "东湖区民政局"))),
        "terminationFiledOn", "不能晚于今天");
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables",
        Map.of("terminationFiledOn", today().toString(), "terminationFiledWith", "东湖区民政局"))).status())
        .isEqualTo(204);
    JsonNode recorded = get(CASEWORKER_NANCHANG, "/api/foster-placements/" + placementId + "/care-record").body()
        .path("termination");
    assertThat(recorded.path("reason").asText()).isEqualTo("MAJOR_CHANGE");
    assertThat(recorded.path("filedWith").asText()).isEqualTo("东湖区民政局");
    assertThat(recorded.path("filedOn").asText()).isEqualTo(today().toString());
    UUID secondChild = UUID.fromString(admit("党小宁", today().minusYears(4)));
    UUID thirdChild = UUID.fromString(admit("党小康", today().minusYears(5)));
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(secondChild.toString(), familyId, today()))
        .status()).isEqualTo(201);
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(thirdChild.toString(), familyId, today()))
        .status()).as("the ended placement no longer counts: two places are free").isEqualTo(201);
  }

  @Test
  void aFamilysWrittenRequestToEndThePlacementIsDecidedByTheDirector() {
    User family = newFamily();
    String childId = admit("党小安", today().minusYears(3));
    String placementId = placeActive(family, qualify(family), childId);
    String request = "/api/portal/foster-placements/" + placementId + "/termination-request";

    assertRefused(post(family, request, Map.of("reason", " ")), "reason", "");
    Response asked = post(family, request, Map.of("reason", "家中老人病重，无法继续照料"));
    assertThat(asked.status()).as("%s", asked.body()).isEqualTo(201);
    assertThat(post(family, request, Map.of("reason", "再次申请")).status()).as("asked once").isEqualTo(409);

    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "DecideTermination"),
        Map.of("terminationDecision", "keep", "terminationNote", "家庭经沟通后撤回申请"));
    assertThat(child(childId).path("currentPlacement").asText()).isEqualTo("FOSTER");
    assertThat(post(family, request, Map.of("reason", "老人仍需照料")).status()).as("may ask again")
        .isEqualTo(201);
    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "DecideTermination"),
        Map.of("terminationDecision", "terminate", "terminationNote", "同意解除"));

    assertThat(child(childId).path("currentPlacement").asText()).isEqualTo("INSTITUTION");
    JsonNode recorded = get(family, "/api/portal/foster-placements/" + placementId + "/care-record").body()
        .path("termination");
    assertThat(recorded.path("reason").asText()).isEqualTo("FAMILY_REQUEST");
    assertThat(recorded.path("requestText").asText()).isEqualTo("老人仍需照料");
    assertThat(recorded.path("endedOn").asText()).isEqualTo(today().toString());
    assertThat(childTask(CASEWORKER_NANCHANG, childId, "FileTermination").isMissingNode()).isFalse();
  }

  @Test
  void aChildNeedingLongTermProfessionalCareIsNotPlacedWithAFamily() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = admit("党小安", today().minusYears(3));
    JsonNode file = child(childId);
    Map<String, Object> record = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(file.path("record"),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    record.put("needsProfessionalCare", true);
    assertThat(put(CASEWORKER_NANCHANG, "/api/children/" + childId, record).status()).isEqualTo(200);

    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today())),
        "childId", "第七条");
    assertNothingWritten(childId);
  }

  @Test
  void siblingsArePlacedTogetherUnlessTheCaseworkerRecordsWhyNot() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String elder = admit("党小安", today().minusYears(5));
    String younger = admit("党小宁", today().minusYears(3));
    String stranger = admit("刘小乐", today().minusYears(4));
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + elder + "/siblings", Map.of("siblingId", younger))
        .status()).isEqualTo(204);

    assertRefused(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(elder, familyId, today())),
        "siblingsApartReason", "党小宁");
    assertNothingWritten(elder);
    Map<String, Object> withStranger = proposal(elder, familyId, today());
    withStranger.put("siblingIds", java.util.List.of(younger, stranger));
    Response tooMany = post(CASEWORKER_NANCHANG, "/api/foster-placements", withStranger);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().path("errors")).extracting(error -> error.path("field").asText())
        .contains("siblingIds", "familyId");
    assertNothingWritten(younger);

    Map<String, Object> together = proposal(elder, familyId, today());
    together.put("siblingIds", java.util.List.of(younger));
    Response proposed = post(CASEWORKER_NANCHANG, "/api/foster-placements", together);
    assertThat(proposed.status()).as("%s", proposed.body()).isEqualTo(201);
    assertThat(childTask(DIRECTOR_NANCHANG, younger, "ApproveMatch").isMissingNode()).isFalse();
    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-families/" + familyId + "/placements").body())
        .extracting(placement -> placement.path("childName").asText()).containsExactlyInAnyOrder("党小安", "党小宁");

    User otherFamily = newFamily();
    UUID otherFamilyId = qualify(otherFamily);
    String cousin = admit("党小康", today().minusYears(4));
    String cousinsBrother = admit("党小健", today().minusYears(2));
    post(CASEWORKER_NANCHANG, "/api/children/" + cousin + "/siblings", Map.of("siblingId", cousinsBrother));
    Map<String, Object> apart = proposal(cousin, otherFamilyId, today());
    apart.put("siblingsApartReason", "弟弟需要在机构接受康复治疗");
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", apart).status()).as("apart, with the reason")
        .isEqualTo(201);
  }

  @Test
  void aMatchStillAwaitingApprovalIsWithdrawnWhenTheChildIsAdopted() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = admit("党小安", today().minusYears(3));
    assertThat(post(CASEWORKER_NANCHANG, "/api/foster-placements", proposal(childId, familyId, today())).status())
        .isEqualTo(201);

    children.recordAdoption(UUID.fromString(childId), "李明家庭", "收登字TEST2", today(), false);

    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId + "/foster-placements").body())
        .singleElement().satisfies(placement -> {
          assertThat(placement.path("status").asText()).isEqualTo("WITHDRAWN");
          assertThat(placement.path("decisionNote").asText()).contains("收登字TEST2", "第二十三条");
        });
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("foster-placement")
        .processInstanceBusinessKey(childId).count()).as("the director's approval is no longer asked").isZero();
  }

  /** Proposed, approved and signed by both: the placement is active; returns its id. */
  private String placeActive(User family, UUID familyId, String childId) {
    return new FosterPlacementFixtures(this, jdbc).placeActive(bearer(family), bearer(CASEWORKER_NANCHANG),
        bearer(DIRECTOR_NANCHANG), familyId, childId);
  }

  private java.time.Instant integrationEnds(String childId) {
    var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("foster-placement")
        .processInstanceBusinessKey(childId).singleResult();
    return ((java.util.Date) engine.getRuntimeService().getVariable(instance.getId(), "integrationEnds")).toInstant();
  }

  private UUID qualify(User family) {
    qualifyFosterFamily(family, "nanchang-cwi", CASEWORKER_NANCHANG, ASSESSOR_DONGHU, DIRECTOR_NANCHANG);
    return familyOf(family);
  }

  private UUID familyOf(User family) {
    return jdbc.sql("select family_id from family_account where subject = :subject order by family_id limit 1")
        .param("subject", family.subject()).query(UUID.class).single();
  }

  /** A foundling of the Nanchang institution, born on that day (FosterPlacementFixtures#admit). */
  private String admit(String name, LocalDate birthDate) {
    return new FosterPlacementFixtures(this, jdbc).admit(bearer(CASEWORKER_NANCHANG), name, birthDate);
  }


  private static Map<String, Object> respite(LocalDate from, LocalDate until) {
    return Map.of("from", from.toString(), "until", until.toString(), "reason", "照料人住院手术");
  }

  private long respitesOf(String placementId) {
    return jdbc.sql("select count(*) from foster_respite where placement_id = :id")
        .param("id", UUID.fromString(placementId)).query(Long.class).single();
  }

  private long directorFollowUps(String childId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childId)
        .taskDefinitionKey("FollowUpRespite").count();
  }

  private static Map<String, Object> proposal(String childId, UUID familyId, LocalDate from) {
    return FosterPlacementFixtures.proposal(childId, familyId, from);
  }

  private static Map<String, Object> hearing(LocalDate heardOn, boolean consents) {
    return Map.of("heardOn", heardOn.toString(), "consents", consents, "childWords", "我愿意去王阿姨家");
  }

  private JsonNode child(String childId) {
    return get(CASEWORKER_NANCHANG, "/api/children/" + childId).body();
  }


  private static void assertRefused(Response response, String field, String text) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo(field);
      assertThat(error.path("message").asText()).contains(text);
    });
  }

  /** Nothing of a refused match is kept: no placement, no process for the child. */
  private void assertNothingWritten(String childId) {
    assertThat(jdbc.sql("select count(*) from foster_placement where child_id = :id")
        .param("id", UUID.fromString(childId)).query(Long.class).single()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("foster-placement")
        .processInstanceBusinessKey(childId).count()).isZero();
  }

  private void addChildToHousehold(UUID familyId, LocalDate birthDate) {
    jdbc.sql("""
            insert into household_member (id, family_id, position, name, resident_id, birth_date, sex, role, education)
            values (:id, :family, (select max(position) + 1 from household_member where family_id = :family), '李小宝',
                    :residentId, :birthDate, 'MALE', 'CHILD', 'NONE')""")
        .param("id", UUID.randomUUID()).param("family", familyId)
        .param("residentId", TestResidentIds.born(birthDate, true)).param("birthDate", birthDate)
        .update();
  }

  private void expireOn(UUID familyId, LocalDate expiresOn) {
    jdbc.sql("update foster_register_entry set expires_on = :day where family_id = :family")
        .param("day", expiresOn).param("family", familyId).update();
  }
}

package org.anjia.registry.fostering;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.FosterPlacementFixtures;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees what of a foster placement: the agreement PDF (家庭寄养管理办法 art. 12(5)) for the staff of
 * the child's institution and the family of that placement only, the institution's placement board
 * with the engine's dates, the rules with their articles, and the child's hearings (art. 11). The
 * refusals of the matching (under 6, capacity) are FosterPlacementApiTest's.
 */
class FosterAgreementAndBoardApiTest extends RegistryIntegrationTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @Autowired
  JdbcClient jdbc;

  private FosterPlacementFixtures fixtures;
  private final String caseworker = bearer(CASEWORKER_NANCHANG);
  private final String director = bearer(DIRECTOR_NANCHANG);

  @BeforeEach
  void fixtures() {
    fixtures = new FosterPlacementFixtures(this, jdbc);
  }

  private UUID qualify(User family) {
    return fixtures.qualify(bearer(family), caseworker, bearer(ASSESSOR_DONGHU), ASSESSOR_DONGHU.username(), director);
  }

  @Test
  void theAgreementNamesCaregiverPeriodAndSignaturesForTheInstitutionAndThatFamilyOnly() throws IOException {
    User family = newFamily();
    User neighbour = newFamily();
    UUID familyId = qualify(family);
    qualify(neighbour);
    String childId = fixtures.admit(caseworker, "党小安", today().minusYears(3));
    String placementId = fixtures.call(HttpMethod.POST, caseworker, "/api/foster-placements",
        FosterPlacementFixtures.proposal(childId, familyId, today()), 201).path("id").asText();
    String staffPath = "/api/foster-placements/" + placementId + "/agreement.pdf";
    String familyPath = "/api/portal/foster-placements/" + placementId + "/agreement.pdf";

    Pdf proposed = pdf(CASEWORKER_NANCHANG, staffPath);
    assertThat(proposed.status()).isEqualTo(200);
    assertThat(proposed.contentType()).startsWith("application/pdf");
    assertThat(proposed.text()).contains("家庭寄养协议", "南昌市儿童福利院", "王秀英家庭", "党小安", "主要照料人：王秀英",
        "自" + chinese(today()) + "起至" + chinese(today().plusYears(1)) + "止", "融合期为60日", "第十五条",
        "违反协议的一方承担相应责任", "以原文为准", "尚未签字");
    assertThat(pdf(family, familyPath).status()).as("not the family's before the director approves").isEqualTo(404);

    fixtures.completeTask(director, childId, "ApproveMatch", Map.of("matchDecision", "approve"));
    Pdf toSign = pdf(family, familyPath);
    assertThat(toSign.status()).isEqualTo(200);
    assertThat(toSign.text()).contains("主要照料人：王秀英", "自" + chinese(today()) + "起至", "乙方签字日期：尚未签字");
    assertThat(pdf(neighbour, familyPath).status()).as("another family's agreement does not exist for it").isEqualTo(404);
    assertThat(pdf(CASEWORKER_JIUJIANG, staffPath).status()).as("another institution's").isEqualTo(404);
    assertThat(pdf(family, staffPath).status()).as("the staff's address is not the family's").isEqualTo(403);

    fixtures.call(HttpMethod.POST, bearer(family), "/api/portal/foster-placements/" + placementId + "/signature", null,
        200);
    fixtures.completeTask(director, childId, "SignAgreement", Map.of("agreementDecision", "sign"));
    assertThat(pdf(DIRECTOR_NANCHANG, staffPath).text())
        .contains("乙方签字日期：" + chinese(today()), "甲方签字日期：" + chinese(today()));
  }

  @Test
  void theBoardShowsTheInstitutionsRegisterAndItsChildrenInFosterCareWithTheEnginesDates() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String placed = fixtures.admit(caseworker, "党小安", today().minusYears(3));
    String placementId = fixtures.placeActive(bearer(family), caseworker, director, familyId, placed);
    String proposed = fixtures.admit(caseworker, "党小宁", today().minusYears(4));
    fixtures.call(HttpMethod.POST, caseworker, "/api/foster-placements",
        FosterPlacementFixtures.proposal(proposed, familyId, today()), 201);

    JsonNode board = get(CASEWORKER_NANCHANG, "/api/foster-placements").body();

    assertThat(board.path("register")).filteredOn(entry -> entry.path("familyId").asText().equals(familyId.toString()))
        .singleElement().satisfies(entry -> {
          assertThat(entry.path("capacity").asInt()).isEqualTo(2);
          assertThat(entry.path("occupied").asInt()).as("the active one and the proposal").isEqualTo(2);
        });
    assertThat(board.path("placements")).filteredOn(p -> p.path("childId").asText().equals(placed))
        .singleElement().satisfies(placement -> {
          assertThat(placement.path("id").asText()).isEqualTo(placementId);
          assertThat(placement.path("status").asText()).isEqualTo("ACTIVE");
          assertThat(placement.path("familyName").asText()).isEqualTo("王秀英家庭");
          assertThat(placement.path("primaryCaregiver").asText()).isEqualTo("王秀英");
          // art. 14: 60 days from the day after the start, to 24:00 of the last (the engine's timer date)
          assertThat(Instant.parse(placement.path("integrationEnds").asText()))
              .isEqualTo(today().plusDays(61).atStartOfDay(CHINA).toInstant());
          // the monthly visit timer (arts. 16–17, local practice) started with the placement
          Instant nextVisit = Instant.parse(placement.path("nextVisitDue").asText());
          assertThat(nextVisit).isBetween(today().plusDays(27).atStartOfDay(CHINA).toInstant(),
              today().plusDays(32).atStartOfDay(CHINA).toInstant());
        });
    assertThat(board.path("placements")).filteredOn(p -> p.path("childId").asText().equals(proposed))
        .singleElement().satisfies(placement -> {
          assertThat(placement.path("status").asText()).isEqualTo("PROPOSED");
          assertThat(placement.path("integrationEnds").isNull()).as("nothing runs before both sign").isTrue();
          assertThat(placement.path("nextVisitDue").isNull()).isTrue();
        });

    assertThat(get(CASEWORKER_NANCHANG, "/api/foster-placements?status=PROPOSED").body().path("placements"))
        .extracting(p -> p.path("childId").asText()).contains(proposed).doesNotContain(placed);
    Response badStatus = get(CASEWORKER_NANCHANG, "/api/foster-placements?status=SOMEWHERE");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.contentType()).startsWith("application/problem+json");

    JsonNode jiujiang = get(CASEWORKER_JIUJIANG, "/api/foster-placements").body();
    assertThat(jiujiang.path("placements")).extracting(p -> p.path("childId").asText()).doesNotContain(placed, proposed);
    assertThat(jiujiang.path("register")).extracting(e -> e.path("familyId").asText())
        .doesNotContain(familyId.toString());
    assertThat(get(family, "/api/foster-placements").status()).as("families have their portal").isEqualTo(403);
  }

  @Test
  void theVisitDueIsTheOpenVisitsDueDateOnceItsTimerHasFired() {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = fixtures.admit(caseworker, "党小安", today().minusYears(3));
    fixtures.placeActive(bearer(family), caseworker, director, familyId, childId);
    Instant firstVisit = nextVisitDue(childId);

    moveClockTo(firstVisit.plus(1, ChronoUnit.HOURS));

    var visit = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childId)
        .taskDefinitionKey("HomeVisit").singleResult();
    assertThat(nextVisitDue(childId)).as("the open visit's due date, before the next timer")
        .isEqualTo(visit.getDueDate().toInstant()).isAfter(firstVisit);
  }

  @Test
  void theRulesComeWithTheirArticles() {
    JsonNode rules = get(CASEWORKER_NANCHANG, "/api/foster-placement-rules").body();

    assertThat(rules).anySatisfy(rule -> {
      assertThat(rule.path("name").asText()).isEqualTo("maxChildrenPerFamily");
      assertThat(rule.path("value").asInt()).isEqualTo(2);
      assertThat(rule.path("source").asText()).isEqualTo("art. 9");
    });
    assertThat(rules).anySatisfy(rule -> {
      assertThat(rule.path("name").asText()).isEqualTo("minIntegrationDays");
      assertThat(rule.path("value").asInt()).isEqualTo(60);
      assertThat(rule.path("source").asText()).isEqualTo("art. 14");
    });
    assertThat(rules).extracting(rule -> rule.path("name").asText())
        .contains("ownChildMinAge", "childConsentAge", "visitInterval");
  }

  @Test
  void theChildsHearingsAreReadByTheStaffOfItsInstitution() {
    String childId = fixtures.admit(caseworker, "八岁", today().minusYears(8));
    fixtures.call(HttpMethod.POST, caseworker, "/api/children/" + childId + "/foster-consent",
        Map.of("heardOn", today().toString(), "consents", true, "childWords", "我愿意去王阿姨家"), 201);

    assertThat(get(DIRECTOR_NANCHANG, "/api/children/" + childId + "/foster-consent").body())
        .singleElement().satisfies(hearing -> {
          assertThat(hearing.path("consents").asBoolean()).isTrue();
          assertThat(hearing.path("heardOn").asText()).isEqualTo(today().toString());
          assertThat(hearing.path("heardByRole").asText()).isEqualTo("CASEWORKER");
        });
    assertThat(get(CASEWORKER_JIUJIANG, "/api/children/" + childId + "/foster-consent").status()).isEqualTo(404);
  }

  @Test
  void aTerminatedPlacementHasAWrittenNoticeWithItsReasonAndArticleForTheInstitutionAndThatFamily() throws IOException {
    User family = newFamily();
    UUID familyId = qualify(family);
    String childId = fixtures.admit(caseworker, "党小安", today().minusYears(3));
    String placementId = fixtures.placeActive(bearer(family), caseworker, director, familyId, childId);
    String notice = "/api/foster-placements/" + placementId + "/termination-notice.pdf";
    assertThat(pdf(CASEWORKER_NANCHANG, notice).status()).as("nothing to notify before the end").isEqualTo(404);

    fixtures.call(HttpMethod.POST, director, "/api/foster-placements/" + placementId + "/termination",
        Map.of("reason", "RELATIONSHIP_BREAKDOWN", "details", "儿童与照料人多次冲突，经评估无法共同生活"), 200);

    Pdf forStaff = pdf(CASEWORKER_NANCHANG, notice);
    assertThat(forStaff.status()).isEqualTo(200);
    assertThat(forStaff.contentType()).startsWith("application/pdf");
    assertThat(forStaff.text()).contains("解除家庭寄养关系通知书", "党小安", "确实无法共同生活", "第十九条",
        "儿童与照料人多次冲突", today().format(CHINESE_DATE) + "起解除", "待备案");
    String ownNotice = "/api/portal/foster-placements/" + placementId + "/termination-notice.pdf";
    assertThat(pdf(family, ownNotice).text()).contains("第十九条");
    assertThat(pdf(newFamily(), ownNotice).status()).as("another family's does not exist for it").isEqualTo(404);
  }

  private Instant nextVisitDue(String childId) {
    JsonNode board = get(CASEWORKER_NANCHANG, "/api/foster-placements").body();
    for (JsonNode placement : board.path("placements")) {
      if (placement.path("childId").asText().equals(childId)) {
        return Instant.parse(placement.path("nextVisitDue").asText());
      }
    }
    throw new AssertionError("child " + childId + " is not on the board");
  }

  private record Pdf(int status, String contentType, byte[] content) {

    String text() throws IOException {
      try (var document = Loader.loadPDF(content)) {
        // a wrapped line is one text again: the checks read sentences, not the layout
        return new PDFTextStripper().getText(document).replaceAll("\\R", "");
      }
    }
  }

  private Pdf pdf(User user, String path) {
    return http.get().uri(path).header("Authorization", bearer(user))
        .exchange((request, response) -> new Pdf(response.getStatusCode().value(),
            String.valueOf(response.getHeaders().getContentType()), response.getBody().readAllBytes()));
  }

  private static String chinese(LocalDate day) {
    return day.format(CHINESE_DATE);
  }
}

package org.anjia.registry.familystyle;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The couple's side of 机构内家庭式养育 through the API: a call, the joint application (one spouse
 * alone refused, nothing written; the other spouse confirms from an own account), the qualification
 * steps on the worklist, the contract signed by both spouses and the director, and who may read it.
 */
class CoupleApplicationsApiTest extends RegistryIntegrationTest {

  private static final User DIRECTOR_JIUJIANG = new User("dir-jiujiang", "director", "jiujiang-cwi", null);

  @Autowired
  JdbcClient jdbc;

  @Test
  void oneSpouseAloneIsRefusedWithTheRuleAndNothingIsWritten() {
    String callId = openCall();
    User wife = newFamily();
    Map<String, Object> request = coupleRequest(callId);
    @SuppressWarnings("unchecked")
    Map<String, Object> family = new HashMap<>((Map<String, Object>) request.get("family"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> members = new ArrayList<>((List<Map<String, Object>>) family.get("members"));
    members.removeIf(member -> "SPOUSE".equals(member.get("role")));
    family.put("members", members);
    request.put("family", family);
    long applications = count("application");
    long families = count("family");
    long declarations = count("couple_declaration");

    Response refused = post(wife, "/api/family-style/applications", request);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("errors")).anySatisfy(error -> {
      assertThat(error.path("field").asText()).isEqualTo("family.members");
      assertThat(error.path("message").asText()).contains("依法登记结婚的夫妻共同申请").contains("西宁");
    });
    assertThat(count("application")).isEqualTo(applications);
    assertThat(count("family")).isEqualTo(families);
    assertThat(count("couple_declaration")).isEqualTo(declarations);
  }

  @Test
  void noMarriageDateAndAClosedCallAreRefusedFieldByField() {
    Map<String, Object> request = coupleRequest("00000000-0000-0000-0000-000000000000");
    request.remove("marriageRegisteredOn");
    long applications = count("application");

    Response refused = post(newFamily(), "/api/family-style/applications", request);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
        .contains("marriageRegisteredOn", "callId");
    assertThat(count("application")).isEqualTo(applications);
  }

  @Test
  void aCallNeedsAPeriodThatEndsAfterItStarts() {
    Response refused = post(DIRECTOR_NANCHANG, "/api/family-style/calls", Map.of("title", "招募", "opensOn",
        today().toString(), "closesOn", today().minusDays(1).toString(), "places", 2));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("closesOn");
    assertThat(post(AUDITOR, "/api/family-style/calls", Map.of()).status()).as("auditors read only").isEqualTo(403);
  }

  @Test
  void theCoupleAppliesQualifiesAndSignsTheContract() {
    String callId = openCall();
    assertThat(get(newFamily(), "/api/family-style/calls").body()).anySatisfy(call ->
        assertThat(call.path("id").asText()).isEqualTo(callId));

    // the wife applies for both; the application waits for her husband
    User wife = newFamily();
    Response created = post(wife, "/api/family-style/applications", coupleRequest(callId));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String id = created.body().path("id").asText();
    String number = created.body().path("number").asText();
    assertThat(number).startsWith("FS-");
    assertThat(created.body().path("status").asText()).isEqualTo("AWAITING_SPOUSE");
    assertThat(instances(id)).as("nothing starts before the spouse").isZero();
    assertThat(post(wife, "/api/portal/family-style/applications/" + id + "/confirm", null).status())
        .as("the applicant cannot confirm for the spouse").isEqualTo(409);
    User stranger = newFamily();
    assertThat(post(stranger, "/api/portal/family-style/applications/" + id + "/confirm", null).status())
        .as("another household").isEqualTo(404);

    User husband = newFamily();
    String code = post(wife, "/api/portal/family/invitations", null).body().path("code").asText();
    assertThat(post(husband, "/api/portal/family/join", Map.of("code", code)).status()).isEqualTo(204);
    JsonNode portal = get(husband, "/api/portal/family-style").body();
    assertThat(portal.path("applications").get(0).path("awaitingMyConfirmation").asBoolean()).isTrue();
    assertThat(post(husband, "/api/portal/family-style/applications/" + id + "/confirm", null).status()).isEqualTo(204);
    assertThat(instances(id)).isEqualTo(1);
    assertStatus(wife, id, "SUBMITTED");

    // the qualification on the worklist
    uploadDocuments(wife, id, List.of("MARRIAGE_CERTIFICATE", "ID_CARD", "HEALTH_CERTIFICATE"));
    assertThat(get(CASEWORKER_JIUJIANG, "/api/applications/" + id).status()).as("another institution").isEqualTo(404);
    qualifyOnTheWorklist(wife, id, number);
    // the director chooses the unit the couple moves into among the free ones
    String unitName = "一号家庭居所-" + id.substring(0, 6);
    String unitId = createUnit(unitName);
    String closedUnit = createUnit("已关闭居所-" + id.substring(0, 6));
    assertThat(put(DIRECTOR_NANCHANG, "/api/family-style/units/" + closedUnit, Map.of("state", "CLOSED")).status())
        .isEqualTo(200);
    JsonNode approval = openTask(DIRECTOR_NANCHANG, number, "CoupleDirectorApproval");
    JsonNode freeUnits = get(DIRECTOR_NANCHANG, "/api/tasks/" + approval.path("key").asText()).body()
        .path("variables").path("freeUnits");
    assertThat(freeUnits).extracting(unit -> unit.path("value").asText()).contains(unitId).doesNotContain(closedUnit);
    assertThat(freeUnits).anySatisfy(unit -> assertThat(unit.path("label").asText()).startsWith(unitName).contains("0/6"));
    String approvalKey = approval.path("key").asText();
    assertThat(post(DIRECTOR_NANCHANG, "/api/tasks/" + approvalKey + "/claim", null).status()).isEqualTo(204);
    for (String refusedUnit : new String[] {null, closedUnit}) {
      Map<String, Object> decision = new HashMap<>(Map.of("directorDecision", "approve"));
      decision.put("unitId", refusedUnit);
      Response refused = post(DIRECTOR_NANCHANG, "/api/tasks/" + approvalKey + "/complete", Map.of("variables", decision));
      assertThat(refused.status()).as("approving with unit %s", refusedUnit).isEqualTo(400);
      assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("unitId");
      assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("请选择夫妻入住的单元");
      assertStatus(wife, id, "TRAINED");
    }
    assertThat(post(DIRECTOR_NANCHANG, "/api/tasks/" + approvalKey + "/complete",
        Map.of("variables", Map.of("directorDecision", "approve", "unitId", unitId))).status()).isEqualTo(204);
    assertStatus(wife, id, "DIRECTOR_APPROVED");

    // the contract: both spouses and the director sign, in any order
    JsonNode contract = get(wife, "/api/portal/family-style").body().path("contracts").get(0);
    String contractId = contract.path("id").asText();
    assertThat(contract.path("unitName").asText()).isEqualTo(unitName);
    assertThat(contract.path("unitId").asText()).isEqualTo(unitId);
    assertThat(get(wife, "/api/portal/family-style").body().path("homes")).as("no home before the contract is in force")
        .isEmpty();
    assertThat(contract.path("termFrom").asText()).isEqualTo(today().toString());
    assertThat(contract.path("termUntil").asText()).isEqualTo(today().plusYears(3).minusDays(1).toString());
    assertThat(contract.path("mySignatureDue").asBoolean()).isTrue();

    Pdf pdf = pdf(wife, "/api/portal/family-style/contracts/" + contractId + ".pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    assertThat(pdf(stranger, "/api/portal/family-style/contracts/" + contractId + ".pdf").status()).isEqualTo(404);
    assertThat(post(stranger, "/api/portal/family-style/contracts/" + contractId + "/signature", null).status())
        .isEqualTo(404);
    assertThat(pdf(CASEWORKER_NANCHANG, "/api/family-style/contracts/" + contractId + ".pdf").status()).isEqualTo(200);
    assertThat(pdf(DIRECTOR_JIUJIANG, "/api/family-style/contracts/" + contractId + ".pdf").status())
        .as("staff of another institution").isEqualTo(404);
    assertThat(pdf(AUDITOR, "/api/family-style/contracts/" + contractId + ".pdf").status()).isEqualTo(200);
    assertThat(post(AUDITOR, "/api/portal/family-style/contracts/" + contractId + "/signature", null).status())
        .as("auditors read only").isEqualTo(403);

    assertThat(post(husband, "/api/portal/family-style/contracts/" + contractId + "/signature", null).status())
        .isEqualTo(204);
    assertThat(post(husband, "/api/portal/family-style/contracts/" + contractId + "/signature", null).status())
        .as("each spouse signs once").isEqualTo(409);
    claimAndComplete(DIRECTOR_NANCHANG, openTask(DIRECTOR_NANCHANG, number, "CoupleContractSignature"),
        Map.of("contractSignature", "sign"));
    assertStatus(wife, id, "DIRECTOR_APPROVED");
    assertThat(post(wife, "/api/portal/family-style/contracts/" + contractId + "/signature", null).status())
        .isEqualTo(204);

    assertStatus(wife, id, "APPROVED");
    JsonNode active = get(husband, "/api/portal/family-style").body().path("contracts").get(0);
    assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.path("applicantSigned").asBoolean()).isTrue();
    assertThat(active.path("spouseSigned").asBoolean()).isTrue();
    assertThat(active.path("directorSigned").asBoolean()).isTrue();
    assertThat(active.path("mySignatureDue").asBoolean()).isFalse();

    // in force: the unit shows its couple, the couple sees its unit's children and nobody else's
    assertThat(board(unitId).path("coupleApplicationId").asText()).isEqualTo(id);
    assertThat(board(unitId).path("couple").path("applicationNumber").asText()).isEqualTo(number);
    assertThat(board(unitId).path("couple").path("contractId").asText()).isEqualTo(contractId);
    Response admitted = post(CASEWORKER_NANCHANG, "/api/children", orphanOfNanchang("单元小敏", "FEMALE", "2018-03-01"));
    assertThat(admitted.status()).as("%s", admitted.body()).isEqualTo(201);
    String childId = admitted.body().path("id").asText();
    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units/" + unitId + "/children",
        Map.of("childIds", List.of(childId))).status()).isEqualTo(200);
    String otherUnit = createUnit("二号家庭居所-" + id.substring(0, 6));
    Response other = post(CASEWORKER_NANCHANG, "/api/children", orphanOfNanchang("别的单元小刚", "MALE", "2017-06-01"));
    assertThat(post(DIRECTOR_NANCHANG, "/api/family-style/units/" + otherUnit + "/children",
        Map.of("childIds", List.of(other.body().path("id").asText()))).status()).isEqualTo(200);
    JsonNode homes = get(husband, "/api/portal/family-style").body().path("homes");
    assertThat(homes).hasSize(1);
    assertThat(homes.get(0).path("name").asText()).isEqualTo(unitName);
    assertThat(homes.get(0).path("children")).extracting(c -> c.path("name").asText()).containsExactly("单元小敏");
    assertThat(homes.get(0).path("children").get(0).path("livesHereSince").asText()).isEqualTo(today().toString());
    assertThat(homes.get(0).path("nextReviewDue").isNull()).as("the quarterly review is scheduled").isFalse();
    assertThat(homes.get(0).toString()).doesNotContain("别的单元小刚").doesNotContain("residentId");

    // the term ends: the couple cannot exit while a child still lives in the unit
    assertThat(fireTimer("family-style-qualification", id, "ContractEnded"))
        .isEqualTo(today().plusYears(3).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    JsonNode decision = openTask(DIRECTOR_NANCHANG, number, "CoupleContractDecision");
    String decisionKey = decision.path("key").asText();
    assertThat(post(DIRECTOR_NANCHANG, "/api/tasks/" + decisionKey + "/claim", null).status()).isEqualTo(204);
    Response early = post(DIRECTOR_NANCHANG, "/api/tasks/" + decisionKey + "/complete",
        Map.of("variables", Map.of("contractDecision", "exit")));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().path("errors").get(0).path("field").asText()).isEqualTo("contractDecision");
    assertThat(early.body().path("errors").get(0).path("message").asText()).contains(unitName).contains("1名儿童");
    assertThat(board(unitId).path("coupleApplicationId").asText()).as("nothing changed").isEqualTo(id);

    // the child is back in the institution's own care (typed on the file): the unit lets her go, the couple exits
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/placements",
        Map.of("kind", "INSTITUTION", "from", today().toString(), "household", "南昌市儿童福利院")).status())
        .isEqualTo(200);
    assertThat(board(unitId).path("occupancy").asInt()).isZero();
    assertThat(post(DIRECTOR_NANCHANG, "/api/tasks/" + decisionKey + "/complete",
        Map.of("variables", Map.of("contractDecision", "exit"))).status()).isEqualTo(204);
    assertThat(get(wife, "/api/portal/family-style").body().path("contracts").get(0).path("status").asText())
        .isEqualTo("ENDED");
    assertThat(get(wife, "/api/portal/family-style").body().path("homes")).isEmpty();
    assertThat(board(unitId).path("coupleApplicationId").isNull()).as("the unit is free again").isTrue();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String createUnit(String name) {
    Response created = post(DIRECTOR_NANCHANG, "/api/family-style/units", Map.of("name", name, "place", "院内东楼"));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  private JsonNode board(String unitId) {
    for (JsonNode unit : get(DIRECTOR_NANCHANG, "/api/family-style/units").body().path("units")) {
      if (unit.path("id").asText().equals(unitId)) {
        return unit;
      }
    }
    throw new AssertionError("unit " + unitId + " not on the board");
  }

  @Test
  void aRenewalNeedsAPassingRecheckOfBothSpousesInTheTerm() {
    Couple couple = contractInForce();
    assertThat(contract(couple).path("recheck").asText()).as("before the first reminder").isEqualTo("NOT_YET_OPEN");
    fireTimer(PROCESS, couple.id(), "ContractFirstReminder");
    assertThat(contract(couple).path("recheck").asText()).isEqualTo("DUE");
    JsonNode recheck = openTask(CASEWORKER_NANCHANG, couple.number(), "CoupleRecheck");

    // the term ends before the re-check is done: the director cannot renew yet, nothing changes
    fireTimer(PROCESS, couple.id(), "ContractEnded");
    JsonNode decision = openTask(DIRECTOR_NANCHANG, couple.number(), "CoupleContractDecision");
    assertThat(get(DIRECTOR_NANCHANG, "/api/tasks/" + decision.path("key").asText()).body()
        .path("variables").path("recheckSummary").asText()).contains("尚未完成续签复查");
    Response early = complete(DIRECTOR_NANCHANG, decision, Map.of("contractDecision", "renew"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().path("errors").get(0).path("field").asText()).isEqualTo("contractDecision");
    assertThat(early.body().path("errors").get(0).path("message").asText()).contains("复查任务尚未完成").contains("第九十八条");
    assertThat(contract(couple).path("termUntil").asText()).isEqualTo(today().plusYears(3).minusDays(1).toString());

    // a re-check dated before it opened or in the future is refused next to its date; then it passes
    for (String refusedDate : List.of(today().minusDays(1).toString(), today().plusDays(1).toString())) {
      Response refused = complete(CASEWORKER_NANCHANG, recheck, recheck(refusedDate, "clear"));
      assertThat(refused.status()).as("re-checked on %s", refusedDate).isEqualTo(400);
      assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("recheckedOn");
    }
    assertThat(rechecks(couple)).as("nothing written").isZero();
    assertThat(complete(CASEWORKER_NANCHANG, recheck, recheck(today().toString(), "clear")).status()).isEqualTo(204);
    assertThat(contract(couple).path("recheck").asText()).isEqualTo("PASSED");
    assertThat(get(DIRECTOR_NANCHANG, "/api/tasks/" + decision.path("key").asText()).body()
        .path("variables").path("recheckSummary").asText()).contains("无违法犯罪记录").contains("通过，可以续签");

    // renewed: the next term starts the day after, and needs a re-check of its own
    assertThat(complete(DIRECTOR_NANCHANG, decision, Map.of("contractDecision", "renew")).status()).isEqualTo(204);
    JsonNode renewed = contract(couple);
    assertThat(renewed.path("termFrom").asText()).isEqualTo(today().plusYears(3).toString());
    assertThat(renewed.path("termUntil").asText()).isEqualTo(today().plusYears(6).minusDays(1).toString());
    assertThat(renewed.path("recheck").asText()).isEqualTo("NOT_YET_OPEN");
    assertThat(rechecks(couple)).isEqualTo(1);
  }

  @Test
  void aFailedRecheckLeavesOnlyTheExit() {
    Couple couple = contractInForce();
    fireTimer(PROCESS, couple.id(), "ContractFirstReminder");
    assertThat(complete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, couple.number(), "CoupleRecheck"),
        recheck(today().toString(), "found")).status()).isEqualTo(204);
    assertThat(contract(couple).path("recheck").asText()).as("the couple sees it").isEqualTo("FAILED");

    fireTimer(PROCESS, couple.id(), "ContractEnded");
    JsonNode decision = openTask(DIRECTOR_NANCHANG, couple.number(), "CoupleContractDecision");
    Response renew = complete(DIRECTOR_NANCHANG, decision, Map.of("contractDecision", "renew"));
    assertThat(renew.status()).isEqualTo(400);
    assertThat(renew.body().path("errors").get(0).path("message").asText()).contains("未通过").contains("有违法犯罪记录");
    assertThat(contract(couple).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(complete(DIRECTOR_NANCHANG, decision, Map.of("contractDecision", "exit")).status()).isEqualTo(204);
    assertThat(contract(couple).path("status").asText()).isEqualTo("ENDED");
  }

  private static final String PROCESS = "family-style-qualification";

  private record Couple(User wife, User husband, String id, String number) {}

  /** A couple of its own whose contract is in force, in a fresh unit of Nanchang. */
  private Couple contractInForce() {
    User wife = newFamily();
    Response created = post(wife, "/api/family-style/applications", coupleRequest(openCall()));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String id = created.body().path("id").asText();
    String number = created.body().path("number").asText();
    User husband = newFamily();
    String code = post(wife, "/api/portal/family/invitations", null).body().path("code").asText();
    assertThat(post(husband, "/api/portal/family/join", Map.of("code", code)).status()).isEqualTo(204);
    assertThat(post(husband, "/api/portal/family-style/applications/" + id + "/confirm", null).status()).isEqualTo(204);
    uploadDocuments(wife, id, List.of("MARRIAGE_CERTIFICATE", "ID_CARD", "HEALTH_CERTIFICATE"));
    qualifyOnTheWorklist(wife, id, number);
    claimAndComplete(DIRECTOR_NANCHANG, openTask(DIRECTOR_NANCHANG, number, "CoupleDirectorApproval"),
        Map.of("directorDecision", "approve", "unitId", createUnit("续签居所-" + id.substring(0, 6))));
    String contractId = get(wife, "/api/portal/family-style").body().path("contracts").get(0).path("id").asText();
    for (User spouse : List.of(wife, husband)) {
      assertThat(post(spouse, "/api/portal/family-style/contracts/" + contractId + "/signature", null).status())
          .isEqualTo(204);
    }
    claimAndComplete(DIRECTOR_NANCHANG, openTask(DIRECTOR_NANCHANG, number, "CoupleContractSignature"),
        Map.of("contractSignature", "sign"));
    assertStatus(wife, id, "APPROVED");
    return new Couple(wife, husband, id, number);
  }

  /** The caseworker's qualification steps, each passed: the couple is TRAINED, waiting for the director. */
  private void qualifyOnTheWorklist(User applicant, String id, String number) {
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CoupleCheckDocuments"),
        Map.of("documentsDecision", "complete"));
    assertStatus(applicant, id, "DOCUMENTS_CHECKED");
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CoupleBackgroundCheck"),
        Map.of("applicantRecord", "clear", "spouseRecord", "clear", "backgroundCheckedOn", today().toString()));
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CoupleInterview"),
        Map.of("interviewDate", today().toString(), "interviewFindings", "动机明确，分工清楚",
            "interviewRecommendation", "recommend"));
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CoupleHomeLifeAssessment"),
        Map.of("homeLifeAssessedOn", today().toString(), "homeLifeFindings", "夫妻和睦，作息规律",
            "homeLifeRecommendation", "recommend"));
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CoupleTraining"),
        Map.of("trainingHours", 40, "trainingCompletedOn", today().toString()));
    assertStatus(applicant, id, "TRAINED");
    assertThat(get(applicant, "/api/portal/family-style").body().path("applications").get(0).path("statusLabel").asText())
        .as("in the couple's words, not the foster caregiver's").isEqualTo("夫妻岗前培训完成");
  }

  private static Map<String, Object> recheck(String checkedOn, String spouseRecord) {
    return Map.of("recheckApplicantRecord", "clear", "recheckSpouseRecord", spouseRecord,
        "recheckApplicantHealth", "fit", "recheckSpouseHealth", "fit", "recheckedOn", checkedOn);
  }

  /** Claims the task (again, when the user holds it already) and completes it with the variables. */
  private Response complete(User user, JsonNode task, Map<String, Object> variables) {
    String key = task.path("key").asText();
    assertThat(post(user, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    return post(user, "/api/tasks/" + key + "/complete", Map.of("variables", variables));
  }

  private JsonNode contract(Couple couple) {
    return get(couple.wife(), "/api/portal/family-style").body().path("contracts").get(0);
  }

  private long rechecks(Couple couple) {
    return jdbc.sql("""
            select count(*) from family_style_recheck r join family_style_contract c on c.id = r.contract_id
            where c.application_id = cast(:id as uuid)""")
        .param("id", couple.id()).query(Long.class).single();
  }

  private String openCall() {
    Response call = post(DIRECTOR_NANCHANG, "/api/family-style/calls", Map.of("title", "家庭式养育夫妻招募",
        "opensOn", today().toString(), "closesOn", today().plusDays(30).toString(), "places", 2));
    assertThat(call.status()).as(String.valueOf(call.body())).isEqualTo(201);
    return call.body().path("id").asText();
  }

  /** The wife (primary caregiver, 40) applies with her husband (42), married in 2010; she cares full time. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> coupleRequest(String callId) {
    Map<String, Object> household = Households.household(40, "JUNIOR_MIDDLE", null, true, 120, 12000, false);
    Map<String, Object> family = (Map<String, Object>) household.get("family");
    String wifeId = (String) ((List<Map<String, Object>>) family.get("members")).get(0).get("residentId");
    Map<String, Object> request = new HashMap<>();
    request.put("callId", callId);
    request.put("marriageRegisteredOn", "2010-05-01");
    request.put("fullTimePartnerResidentId", wifeId);
    request.put("motivation", "愿意以家庭方式养育孩子");
    request.put("family", family);
    return request;
  }

  private record Pdf(int status, String contentType) {}

  private Pdf pdf(User user, String path) {
    return http.get().uri(path).header("Authorization", bearer(user))
        .exchange((request, response) -> new Pdf(response.getStatusCode().value(),
            String.valueOf(response.getHeaders().getContentType())));
  }

  private long instances(String applicationId) {
    return jdbc.sql("select count(*) from act_hi_procinst where business_key_ = :id and proc_def_key_ = :key")
        .param("id", applicationId).param("key", "family-style-qualification").query(Long.class).single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}

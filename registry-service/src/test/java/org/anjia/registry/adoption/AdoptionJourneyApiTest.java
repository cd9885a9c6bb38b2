package org.anjia.registry.adoption;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole adoptions through the service on the real engine: the institution places a child whose
 * parents are dead (no public notice), a family applies and follows its way on the portal, the
 * registrar, assessor and caseworker work their steps, the 30-day integration period passes on the
 * engine clock, the registrar registers; then follow-up visits and the dissolution (民法典 arts.
 * 1114–1117) — registered for a confidential adoption of a 5-year-old, refused for a 9-year-old who
 * does not consent.
 */
class AdoptionJourneyApiTest extends AdoptionIntegrationTest {

  @Test
  void aConfidentialAdoptionIsRegisteredSealedVisitedAndDissolved() {
    Adoption adoption = registeredAdoption(child(5), adoption(true), (journey, task) -> { });
    String id = adoption.id();

    JsonNode registered = get(REGISTRAR_DONGHU, "/api/applications/" + id + "?reason=核对收养登记").body();
    assertThat(registered.path("sealed").asBoolean()).as("民法典 art. 1110").isTrue();
    assertThat(registered.path("history")).extracting(h -> h.path("status").asText())
        .contains("DOCUMENTS_CHECKED", "ASSESSMENT_CONSENTED", "ASSESSED", "MATCHED", "INTEGRATION_ASSESSED",
            "REPORTED", "REGISTERED");
    JsonNode documents = registered.path("documents");
    JsonNode certificate = documents.get(documents.size() - 1);
    assertThat(certificate.path("type").asText()).as("issued after the adopters' documents").isEqualTo("ADOPTION_CERTIFICATE");
    assertThat(lastNote(registered)).matches("收登字\\d{4}第\\d{6}号");
    byte[] pdf = http.get().uri("/api/documents/" + certificate.path("id").asText() + "/content?reason=打印证书")
        .header("Authorization", bearer(REGISTRAR_DONGHU)).retrieve().body(byte[].class);
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

    // sealed: the institution and the auditor no longer see the records; the registrar does, with a reason
    assertThat(get(CASEWORKER_NANCHANG, "/api/applications/" + id).status()).isEqualTo(404);
    assertThat(get(AUDITOR, "/api/applications/" + id).status()).isEqualTo(404);
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + adoption.childId()).status()).isEqualTo(404);
    JsonNode file = get(REGISTRAR_DONGHU, "/api/children/" + adoption.childId() + "?reason=核对收养登记").body();
    assertThat(file.path("currentPlacement").asText()).isEqualTo("ADOPTION");
    assertThat(file.path("dischargeReason").asText()).isEqualTo("ADOPTED");

    // the first follow-up visit falls due 3 months after registration; only the registrar sees a sealed case
    moveClock(Duration.ofDays(95));
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, adoption.number(), "FollowUpVisit"), Map.of(
        "followUpVisitDate", today().toString(), "followUpWellbeing", "well", "followUpFindings", "生活适应良好"));

    // dissolution by agreement before majority (art. 1114); a date in the future changes nothing
    Response future = post(family, "/api/portal/applications/" + id + "/dissolution",
        dissolution(today().plusDays(3), null));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body().path("errors").get(0).path("field").asText()).isEqualTo("agreementSignedOn");
    assertThat(get(family, "/api/applications/" + id).body().path("status").asText()).isEqualTo("REGISTERED");

    Response requested = post(family, "/api/portal/applications/" + id + "/dissolution",
        dissolution(today(), null));
    assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
    assertThat(requested.body().path("status").asText()).isEqualTo("DISSOLUTION_REQUESTED");
    assertThat(post(family, "/api/portal/applications/" + id + "/dissolution", dissolution(today(), null))
        .status()).as("one dissolution at a time").isEqualTo(409);
    JsonNode waiting = journey(id);
    assertThat(waiting.path("nextDeadline").isObject()).as("the dissolution's deadline on the portal").isTrue();
    assertThat(waiting.path("nextDeadline").path("code").asText()).isEqualTo("DISSOLUTION_REGISTRATION");
    assertThat(waiting.path("nextDeadline").path("article").asText()).contains("第十条");
    assertThat(stepStates(waiting)).containsEntry("DISSOLUTION_REQUESTED", "DONE").containsEntry("DISSOLVED", "CURRENT");

    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, adoption.number(), "RegisterDissolution"), Map.of(
        "dissolutionBasis", "agreement_minor", "dissolutionChildConsent", "under_8",
        "dissolutionDecision", "register", "dissolutionRegisteredOn", today().toString(),
        "dissolutionNotes", "书面协议经双方签字"));
    JsonNode dissolved = assertStatus(family, id, "DISSOLVED");
    assertThat(lastNote(dissolved)).matches("解收字\\d{4}第\\d{6}号");
    JsonNode afterDissolution = get(family, "/api/applications/" + id).body().path("documents");
    assertThat(afterDissolution).extracting(d -> d.path("type").asText()).as("the adopters' documents and both certificates")
        .containsExactlyInAnyOrderElementsOf(Stream.concat(ADOPTION_DOCUMENTS.stream(),
            Stream.of("ADOPTION_CERTIFICATE", "DISSOLUTION_CERTIFICATE")).toList());
    JsonNode ended = journey(id);
    assertThat(ended.path("dissolutionCertificateNumber").asText()).isEqualTo(lastNote(dissolved));
    assertThat(ended.path("certificateNumber").asText()).as("the registration stays on record").matches("收登字.*");

    // art. 1117: the child returns to the institution, whose staff keep the file again
    JsonNode returned = get(CASEWORKER_NANCHANG, "/api/children/" + adoption.childId()).body();
    assertThat(returned.path("currentPlacement").asText()).isEqualTo("INSTITUTION");
    assertThat(returned.path("adoptionStatus").asText()).isEqualTo("DISSOLVED");
    assertThat(returned.path("dischargeReason").isNull() || returned.path("dischargeReason").isMissingNode()).isTrue();

    // the visits still pending end with the adoption
    String instance = processInstance(id, "adoption");
    assertThat(processEnded(instance)).as("the adoption's process ended with the dissolution").isTrue();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey("FollowUpVisit").list())
        .as("only the visit before the dissolution").hasSize(1);
  }

  @Test
  void theFamilyFollowsEachStepAndItsDeadlineAndAnAdopteeOf9MustConsentToADissolution() {
    List<JsonNode> seen = new ArrayList<>();
    List<JsonNode> tasks = new ArrayList<>();
    Adoption adoption = registeredAdoption(child(9), adoption(false), (journey, openTask) -> {
      seen.add(journey);
      tasks.add(openTask);
      if (openTask != null && openTask.path("elementId").asText().equals("ReviewByRegistrar")) {
        theChildOf9IsHeardBeforeRegistration(journey.path("applicationId").asText(), openTask);
      }
    });
    String id = adoption.id();

    JsonNode submitted = seen.get(0);
    assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(submitted.path("familyActs").asBoolean()).as("the family brings its documents").isTrue();
    assertThat(submitted.path("now").asText()).contains("体检证明");
    assertThat(stepStates(submitted)).containsEntry("SUBMITTED", "DONE").containsEntry("DOCUMENTS_CHECKED", "CURRENT")
        .containsEntry("REGISTERED", "UPCOMING");
    assertThat(submitted.path("steps").get(0).path("article").asText()).contains("第六条");
    assertThat(submitted.path("nextDeadline").isNull()).as("no legal clock runs yet").isTrue();

    JsonNode consented = seen.get(1);
    assertThat(consented.path("nextDeadline").path("code").asText()).isEqualTo("ASSESSMENT_REPORT");
    assertThat(consented.path("nextDeadline").path("article").asText()).contains("第九条");
    assertThat(instant(consented.path("nextDeadline").path("dueAt"))).as("the engine's own deadline")
        .isEqualTo(instant(tasks.get(1).path("dueDate")));

    JsonNode matched = seen.get(2);
    assertThat(matched.path("familyActs").asBoolean()).as("the child lives with the family").isTrue();
    assertThat(matched.path("nextDeadline").path("code").asText()).isEqualTo("INTEGRATION_PERIOD");
    assertThat(matched.path("nextDeadline").path("article").asText()).contains("第八条");
    assertThat(instant(matched.path("nextDeadline").path("dueAt"))).as("the date the engine's timer waits for")
        .isEqualTo(((java.util.Date) adoptionVariable(id, "integrationEnds")).toInstant());

    JsonNode reported = seen.get(3);
    assertThat(reported.path("nextDeadline").path("code").asText()).isEqualTo("REGISTRAR_REVIEW");
    assertThat(reported.path("nextDeadline").path("article").asText()).contains("第八条");
    assertThat(instant(reported.path("nextDeadline").path("dueAt"))).isEqualTo(instant(tasks.get(3).path("dueDate")));

    JsonNode after = journey(id);
    assertThat(after.path("familyActs").asBoolean()).isFalse();
    assertThat(after.path("certificateNumber").asText()).matches("收登字\\d{4}第\\d{6}号");
    assertThat(submitted.path("certificateNumber").isNull()).isTrue();
    assertThat(stepStates(after).values()).as("every step done").containsOnly("DONE");
    assertThat(after.path("nextDeadline").path("code").asText()).isEqualTo("FOLLOW_UP_VISIT");
    assertThat(after.path("nextDeadline").path("lastDay").asText())
        .isEqualTo(today().plusMonths(3).toString());

    Response placedAfterAdoption = post(CASEWORKER_NANCHANG, "/api/children/" + adoption.childId() + "/placements",
        Map.of("kind", "KIN", "from", today().toString()));
    assertThat(placedAfterAdoption.status()).as("an adopted child has left the institution's care").isEqualTo(409);
    assertThat(placedAfterAdoption.body().path("detail").asText()).contains("离院");

    Response withoutConsent = post(family, "/api/portal/applications/" + id + "/dissolution",
        dissolution(today(), null));
    assertThat(withoutConsent.status()).isEqualTo(400);
    assertThat(withoutConsent.body().path("errors").get(0).path("field").asText()).isEqualTo("childConsents");
    assertThat(withoutConsent.body().path("errors").get(0).path("message").asText()).contains("第一千一百一十四条");
    assertThat(journey(id).path("status").asText()).as("nothing changed").isEqualTo("REGISTERED");

    assertThat(post(family, "/api/portal/applications/" + id + "/dissolution", dissolution(today(), true))
        .status()).isEqualTo(201);
    // in person the adoptee says no: whatever the registrar ticks, nothing is registered (art. 1114)
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, adoption.number(), "RegisterDissolution"), Map.of(
        "dissolutionBasis", "agreement_minor", "dissolutionChildConsent", "does_not_consent",
        "dissolutionDecision", "register", "dissolutionRegisteredOn", today().toString()));
    JsonNode refused = get(family, "/api/applications/" + id).body();
    assertThat(lastNote(refused)).as("the refusal recorded").contains("第一千一百一十四条");
    assertThat(refused.path("status").asText()).isEqualTo("REGISTERED");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + adoption.childId()).body().path("currentPlacement").asText())
        .isEqualTo("ADOPTION");
  }

  @Test
  void aMarriedApplicantWithoutTheSpouseIsRefusedWithArticle1101AndThePortalSaysWhy() {
    Map<String, Object> request = new HashMap<>(adoption(false));
    request.put("childId", availableChild(child(4)));
    request.put("maritalStatus", "MARRIED");

    JsonNode refused = assertStatus(family, apply(family, "/api/adoption-applications", request).path("id").asText(),
        "REJECTED");

    assertThat(refused.path("rejectionReasons")).singleElement().satisfies(reason -> {
      assertThat(reason.path("rule").asText()).isEqualTo("JOINT_ADOPTION");
      assertThat(reason.path("article").asText()).isEqualTo("民法典 第一千一百零一条");
    });
    JsonNode journey = journey(refused.path("id").asText());
    assertThat(stepStates(journey)).as("refused at the eligibility decision, not at the documents")
        .containsEntry("SUBMITTED", "DONE").containsEntry("ELIGIBILITY", "REFUSED")
        .containsEntry("DOCUMENTS_CHECKED", "UPCOMING");
    assertThat(journey.path("rejectionReasons")).extracting(r -> r.path("article").asText())
        .containsExactly("民法典 第一千一百零一条");
  }

  @Test
  void aSpouseListedByAnUnmarriedApplicantIsRefusedAndNothingIsWritten() {
    Map<String, Object> request = new HashMap<>(coupleAdoption(availableChild(child(4))));
    request.put("maritalStatus", "UNMARRIED");

    Response invalid = post(family, "/api/adoption-applications", request);

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("errors").get(0).path("field").asText()).isEqualTo("maritalStatus");
    assertThat(invalid.body().path("errors").get(0).path("message").asText()).contains("第一千一百零一条");
    assertThat(get(family, "/api/portal/applications").body()).as("no application, no household").isEmpty();
    assertThat(post(family, "/api/portal/family/invitations", null).status()).isEqualTo(404);
  }

  @Test
  void spousesActOnOneHouseholdAndItHasOneOpenApplicationPerChild() {
    User husband = newFamily();
    String firstChild = availableChild(child(4));
    JsonNode first = apply(family, "/api/adoption-applications", coupleAdoption(firstChild));
    assertThat(first.path("status").asText()).isEqualTo("AWAITING_SPOUSE");
    String code = post(family, "/api/portal/family/invitations", null).body().path("code").asText();
    assertThat(post(husband, "/api/portal/family/join", Map.of("code", code)).status()).isEqualTo(204);
    assertThat(post(husband, "/api/portal/applications/" + first.path("id").asText() + "/confirm", null).status())
        .isEqualTo(204);

    // the husband applies for another child: the same household, and his wife confirms without a new invitation
    String secondChild = availableChild(child(3));
    JsonNode second = apply(husband, "/api/adoption-applications", coupleAdoption(secondChild));
    assertThat(second.path("family").path("id").asText()).as("one household").isEqualTo(first.path("family").path("id").asText());
    assertThat(post(family, "/api/portal/applications/" + second.path("id").asText() + "/confirm", null).status())
        .isEqualTo(204);
    assertThat(get(family, "/api/applications/" + second.path("id").asText()).body().path("status").asText())
        .isNotEqualTo("AWAITING_SPOUSE");

    // the same child again, from either spouse: the open application answers, no second one is made
    Response again = post(family, "/api/adoption-applications", coupleAdoption(secondChild));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asText()).contains(second.path("number").asText(), "无需重复提交");
    assertThat(again.body().path("applicationId").asText()).isEqualTo(second.path("id").asText());
    assertThat(post(husband, "/api/adoption-applications", coupleAdoption(firstChild)).status()).isEqualTo(409);
    assertThat(get(husband, "/api/portal/applications").body()).hasSize(2);
  }

  /** A married couple (40 and 42, no children) applying together for the child. */
  private static Map<String, Object> coupleAdoption(String childId) {
    Map<String, Object> request = new HashMap<>(adoption(false));
    request.put("family", Households.household(40, "BACHELOR", null, true, 120, 15000, false).get("family"));
    request.put("maritalStatus", "MARRIED");
    request.put("childId", childId);
    return request;
  }

  /**
   * 民法典 art. 1104: no registration of a child of 8 or more without the consent an official heard;
   * the family cannot record it, a refusal recorded keeps it impossible, a consent makes it possible.
   */
  private void theChildOf9IsHeardBeforeRegistration(String applicationId, JsonNode review) {
    String key = review.path("key").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    Response unheard = post(REGISTRAR_DONGHU, "/api/tasks/" + key + "/complete",
        Map.of("variables", Map.of("registrarDecision", "register")));
    assertThat(unheard.status()).isEqualTo(400);
    assertThat(unheard.body().path("errors").get(0).path("field").asText()).isEqualTo("registrarDecision");
    assertThat(unheard.body().path("errors").get(0).path("message").asText()).contains("9周岁", "第一千一百零四条");
    assertThat(get(REGISTRAR_DONGHU, "/api/tasks/" + key).body().path("state").asText())
        .as("nothing reached the engine").isEqualTo("CREATED");

    String path = "/api/applications/" + applicationId + "/child-consent";
    assertThat(post(family, path, hearing(true)).status()).as("the applicants cannot declare it").isEqualTo(403);
    Response tomorrow = post(REGISTRAR_DONGHU, path, Map.of("heardOn", today().plusDays(1).toString(),
        "consents", true, "childWords", "我愿意"));
    assertThat(tomorrow.status()).isEqualTo(400);
    assertThat(tomorrow.body().path("errors").get(0).path("field").asText()).isEqualTo("heardOn");
    assertThat(get(REGISTRAR_DONGHU, path).body()).as("a refused hearing writes nothing").isEmpty();

    assertThat(post(ASSESSOR_DONGHU, path, hearing(false)).status()).isEqualTo(201);
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + key + "/complete",
        Map.of("variables", Map.of("registrarDecision", "register"))).status())
        .as("the child said no").isEqualTo(400);

    Response heard = post(REGISTRAR_DONGHU, path, hearing(true));
    assertThat(heard.status()).isEqualTo(201);
    JsonNode hearings = get(AUDITOR, path).body();
    assertThat(hearings).hasSize(2);
    assertThat(hearings.get(0).path("consents").asBoolean()).as("latest first").isTrue();
    assertThat(hearings.get(0).path("heardByRole").asText()).isEqualTo("REGISTRAR");
    assertThat(hearings.get(0).path("childWords").asText()).isEqualTo("我想和妈妈一起生活");
    assertThat(hearings.get(1).path("heardByRole").asText()).isEqualTo("ASSESSOR");
    assertThat(get(family, "/api/applications/" + applicationId + "/journey").body().path("childHeardOn").asText())
        .as("the family sees that the child was heard, not the child's words").isEqualTo(today().toString());
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + key + "/unclaim", null).status()).isEqualTo(204);
  }

  private static Map<String, Object> hearing(boolean consents) {
    return Map.of("heardOn", today().toString(), "consents", consents,
        "childWords", consents ? "我想和妈妈一起生活" : "我还想再想一想");
  }

  @Test
  void incompleteMaterialsOrDocumentsAreRefusedWithTheMissingFilesAndTheirArticle() {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", child(4)).body().path("id").asText();
    post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null);
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, List.of("ADMISSION_RECORD"));
    JsonNode materials = childTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials");
    String materialsKey = materials.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey + "/claim", null).status()).isEqualTo(204);
    Response withoutDeathProof = post(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey + "/complete",
        Map.of("variables", Map.of()));
    assertThat(withoutDeathProof.status()).as("an orphan's placement needs the proof of death").isEqualTo(400);
    JsonNode materialsProblem = withoutDeathProof.body().path("errors").get(0);
    assertThat(materialsProblem.path("field").asText()).isEqualTo("documents.PARENTS_DEATH_PROOF");
    assertThat(materialsProblem.path("message").asText()).contains("父母死亡证明", "第七条");
    assertThat(get(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey).body().path("state").asText())
        .as("nothing reached the engine").isEqualTo("CREATED");
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, List.of("PARENTS_DEATH_PROOF"));
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey + "/complete", Map.of("variables",
        Map.of())).status()).isEqualTo(204);
    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "ApproveByDirector"),
        Map.of("placementDecision", "approve"));
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body().path("adoptionStatus").asText())
        .as("the child available").isEqualTo("AVAILABLE");

    Map<String, Object> request = new HashMap<>(adoption(false));
    request.put("childId", childId);
    JsonNode application = apply(family, "/api/adoption-applications", request);
    String applicationId = application.path("id").asText();
    assertThat(application.path("uploadTypes")).extracting(JsonNode::asText)
        .as("登记办法 art. 6").contains("MARITAL_STATUS_PROOF", "CHILDREN_STATEMENT", "BIRTH_STATUS_PROOF");
    uploadDocuments(family, applicationId, without(ADOPTION_DOCUMENTS, "HUKOU_BOOK"));
    String documentsKey = openTask(REGISTRAR_DONGHU, application.path("number").asText(), "CheckAdoptionDocuments")
        .path("key").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/claim", null).status()).isEqualTo(204);
    Response withoutHukou = post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/complete", Map.of("variables",
        Map.of("documentsDecision", "complete")));
    assertThat(withoutHukou.status()).isEqualTo(400);
    assertThat(withoutHukou.body().path("errors")).singleElement().satisfies(error -> assertThat(
        error.path("message").asText()).contains("户口簿", "第六条"));
    assertThat(get(family, "/api/applications/" + applicationId).body().path("status").asText())
        .isEqualTo("SUBMITTED");

    // the adopters brought it in person: the registrar uploads it for them, recorded as the registrar's
    Response byRegistrar = upload(REGISTRAR_DONGHU, "/api/applications/" + applicationId + "/documents", "HUKOU_BOOK",
        "户口簿.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
    assertThat(byRegistrar.status()).isEqualTo(201);
    assertThat(byRegistrar.body().path("uploadedBy").asText()).isEqualTo("南昌市东湖区民政局 收养登记员 周丽");
    assertThat(byRegistrar.body().path("uploadedByStaff").asBoolean()).isTrue();
    String number = application.path("number").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/complete", Map.of("variables", Map.of(
        "documentsDecision", "complete"))).status()).isEqualTo(204);

    // assessors are people the registry knows, and for an adoption those the applicants consented to
    String assessors = "/api/applications/" + applicationId + "/assessors";
    Response beforeConsent = post(REGISTRAR_DONGHU, assessors, Map.of("assessor", ASSESSOR_DONGHU.username()));
    assertThat(beforeConsent.status()).isEqualTo(400);
    assertThat(beforeConsent.body().path("errors").get(0).path("message").asText()).contains("第九条");
    JsonNode consent = openTask(REGISTRAR_DONGHU, number, "RecordConsent");
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + consent.path("key").asText() + "/claim", null).status())
        .isEqualTo(204);
    Response unknownAssessor = post(REGISTRAR_DONGHU, "/api/tasks/" + consent.path("key").asText() + "/complete",
        Map.of("variables", Map.of("consentSignedOn", today().toString(), "assessmentBy", "civil-affairs",
            "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "刘评估"), Map.of("name", "as-lianxi")))));
    assertThat(unknownAssessor.status()).isEqualTo(400);
    assertThat(unknownAssessor.body().path("errors").get(0).path("field").asText()).isEqualTo("assessors");
    assertThat(unknownAssessor.body().path("errors").get(0).path("message").asText())
        .contains("刘评估", "as-lianxi", "东湖区").doesNotContain("as-donghu、");
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + consent.path("key").asText() + "/complete",
        Map.of("variables", Map.of("consentSignedOn", today().toString(), "assessmentBy", "civil-affairs",
            "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "郑红"))))).status()).isEqualTo(204);
    JsonNode offered = get(REGISTRAR_DONGHU, assessors).body();
    assertThat(offered.path("candidates")).extracting(c -> c.path("username").asText())
        .containsExactly("as-donghu", "as-donghu2");
    assertThat(post(REGISTRAR_DONGHU, assessors, Map.of("assessor", ASSESSOR_DONGHU.username())).status())
        .isEqualTo(204);
    assertThat(get(AUDITOR, assessors).body().path("assigned")).singleElement()
        .satisfies(assigned -> assertThat(assigned.path("name").asText()).isEqualTo("吴强"));
    String assessmentKey = openTask(ASSESSOR_DONGHU, number, "AssessFamily").path("key").asText();
    assertThat(post(ASSESSOR_DONGHU, "/api/tasks/" + assessmentKey + "/claim", null).status()).isEqualTo(204);
    Response partial = post(ASSESSOR_DONGHU, "/api/tasks/" + assessmentKey + "/complete", Map.of("variables", Map.of(
        "homeVisitDate", today().toString(),
        "assessmentItems", List.of("motive", "morals", "education", "health", "financesAndHousing"),
        "assessmentFindings", "初步评估", "redFlag", "none")));
    assertThat(partial.status()).isEqualTo(400);
    assertThat(partial.body().path("errors").get(0).path("message").asText())
        .contains("婚姻家庭关系", "社区环境", "第八条").doesNotContain("收养动机");
  }

  /** 登记办法 art. 7 for a child of each kind: the one material without a file is named, nothing changes. */
  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource({"orphan, ADMISSION_RECORD", "orphan, PARENTS_DEATH_PROOF", "foundling, FOUNDLING_POLICE_REPORT",
      "disabled orphan, DISABILITY_CERTIFICATE"})
  void placementMaterialsWithoutTheFileOfOneAreRefused(String kind, String missing) {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", child(kind)).body().path("id").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null).status())
        .isEqualTo(200);
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, without(materials(kind), missing));
    String key = childTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials").path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);

    Response refused = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables", Map.of()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo("documents." + missing);
      assertThat(error.path("message").asText()).contains("第七条");
    });
    JsonNode stillOpen = get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body();
    assertThat(stillOpen.path("state").asText()).as("nothing reached the engine").isEqualTo("CREATED");
    assertThat(stillOpen.path("documents").path("documents")).extracting(d -> d.path("type").asText())
        .containsExactlyElementsOf(materials(kind));
  }

  static Stream<Arguments> adoptionDocuments() {
    return Stream.concat(ADOPTION_DOCUMENTS.stream().map(type -> Arguments.of("orphan", type)),
        Stream.of(Arguments.of("foundling", "BIRTH_STATUS_PROOF")));
  }

  /**
   * 登记办法 art. 6 (for a foundling also the adopters' 生育情况证明): the one document without a file is
   * named, whatever the registrar declares; the application stays where it was.
   */
  @ParameterizedTest(name = "{0}: without {1}")
  @MethodSource("adoptionDocuments")
  void adoptionDocumentsWithoutTheFileOfOneAreRefused(String kind, String missing) {
    Map<String, Object> request = new HashMap<>(adoption(false));
    request.put("childId", availableChild(child(kind), materials(kind)));
    JsonNode application = apply(family, "/api/adoption-applications", request);
    List<String> required = new ArrayList<>(ADOPTION_DOCUMENTS);
    if (kind.equals("foundling")) {
      required.add("BIRTH_STATUS_PROOF");
    }
    uploadDocuments(family, application.path("id").asText(), without(required, missing));
    String key = openTask(REGISTRAR_DONGHU, application.path("number").asText(), "CheckAdoptionDocuments")
        .path("key").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);

    Response refused = post(REGISTRAR_DONGHU, "/api/tasks/" + key + "/complete",
        Map.of("variables", Map.of("documentsDecision", "complete")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo("documents." + missing);
      assertThat(error.path("message").asText()).contains("第六条");
    });
    assertThat(get(family, "/api/applications/" + application.path("id").asText()).body().path("status").asText())
        .isEqualTo("SUBMITTED");
    assertThat(get(REGISTRAR_DONGHU, "/api/tasks/" + key).body().path("documents").path("documents"))
        .extracting(d -> d.path("type").asText()).containsExactlyElementsOf(required);
  }
  /** A child of 4 of that kind: "orphan" (parents dead), "foundling", "disabled orphan". */
  private static Map<String, Object> child(String kind) {
    Map<String, Object> child = child(4);
    if (kind.equals("foundling")) {
      child.put("admissionReason", "FOUNDLING");
      child.put("admissionRecord", "由东湖区公安分局送来，附捡拾报案证明");
    }
    if (kind.startsWith("disabled")) {
      child.put("disabilityType", "肢体残疾");
      child.put("disabilityGrade", 3);
    }
    return child;
  }

  /** The materials of 登记办法 art. 7 for a child of that kind, in the order the task page lists them. */
  private static List<String> materials(String kind) {
    List<String> materials = new ArrayList<>(List.of("ADMISSION_RECORD"));
    materials.add(kind.equals("foundling") ? "FOUNDLING_POLICE_REPORT" : "PARENTS_DEATH_PROOF");
    if (kind.startsWith("disabled")) {
      materials.add("DISABILITY_CERTIFICATE");
    }
    return materials;
  }

  private static List<String> without(List<String> types, String missing) {
    return types.stream().filter(type -> !type.equals(missing)).toList();
  }

  private static Instant instant(JsonNode dateTime) {
    return OffsetDateTime.parse(dateTime.asText()).toInstant();
  }
}

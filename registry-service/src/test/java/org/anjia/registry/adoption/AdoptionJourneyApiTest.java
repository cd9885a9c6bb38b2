package org.anjia.registry.adoption;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
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
import org.junit.jupiter.api.Test;

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
    Adoption adoption = registeredAdoption(child(5), adoption(true, null), (journey, task) -> { });
    String id = adoption.id();

    JsonNode registered = get(REGISTRAR_DONGHU, "/api/applications/" + id + "?reason=核对收养登记").body();
    assertThat(registered.path("sealed").asBoolean()).as("民法典 art. 1110").isTrue();
    assertThat(registered.path("history")).extracting(h -> h.path("status").asText())
        .contains("DOCUMENTS_CHECKED", "ASSESSMENT_CONSENTED", "ASSESSED", "MATCHED", "INTEGRATION_ASSESSED",
            "REPORTED", "REGISTERED");
    JsonNode certificate = registered.path("documents").get(0);
    assertThat(certificate.path("type").asText()).isEqualTo("ADOPTION_CERTIFICATE");
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
    Response future = post(FAMILY_WANG, "/api/portal/applications/" + id + "/dissolution",
        dissolution(today().plusDays(3), null));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body().path("errors").get(0).path("field").asText()).isEqualTo("agreementSignedOn");
    assertThat(get(FAMILY_WANG, "/api/applications/" + id).body().path("status").asText()).isEqualTo("REGISTERED");

    Response requested = post(FAMILY_WANG, "/api/portal/applications/" + id + "/dissolution",
        dissolution(today(), null));
    assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
    assertThat(requested.body().path("status").asText()).isEqualTo("DISSOLUTION_REQUESTED");
    assertThat(post(FAMILY_WANG, "/api/portal/applications/" + id + "/dissolution", dissolution(today(), null))
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
    JsonNode dissolved = assertStatus(FAMILY_WANG, id, "DISSOLVED");
    assertThat(lastNote(dissolved)).matches("解收字\\d{4}第\\d{6}号");
    JsonNode certificates = get(FAMILY_WANG, "/api/applications/" + id).body().path("documents");
    assertThat(certificates).extracting(d -> d.path("type").asText())
        .containsExactlyInAnyOrder("ADOPTION_CERTIFICATE", "DISSOLUTION_CERTIFICATE");
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
    Adoption adoption = registeredAdoption(child(9), adoption(false, true), (journey, openTask) -> {
      seen.add(journey);
      tasks.add(openTask);
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
        Map.of("kind", "FOSTER", "from", today().toString()));
    assertThat(placedAfterAdoption.status()).as("an adopted child has left the institution's care").isEqualTo(409);
    assertThat(placedAfterAdoption.body().path("detail").asText()).contains("离院");

    Response withoutConsent = post(FAMILY_WANG, "/api/portal/applications/" + id + "/dissolution",
        dissolution(today(), null));
    assertThat(withoutConsent.status()).isEqualTo(400);
    assertThat(withoutConsent.body().path("errors").get(0).path("field").asText()).isEqualTo("childConsents");
    assertThat(withoutConsent.body().path("errors").get(0).path("message").asText()).contains("第一千一百一十四条");
    assertThat(journey(id).path("status").asText()).as("nothing changed").isEqualTo("REGISTERED");

    assertThat(post(FAMILY_WANG, "/api/portal/applications/" + id + "/dissolution", dissolution(today(), true))
        .status()).isEqualTo(201);
    // in person the adoptee says no: whatever the registrar ticks, nothing is registered (art. 1114)
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, adoption.number(), "RegisterDissolution"), Map.of(
        "dissolutionBasis", "agreement_minor", "dissolutionChildConsent", "does_not_consent",
        "dissolutionDecision", "register", "dissolutionRegisteredOn", today().toString()));
    JsonNode refused = get(FAMILY_WANG, "/api/applications/" + id).body();
    assertThat(lastNote(refused)).as("the refusal recorded").contains("第一千一百一十四条");
    assertThat(refused.path("status").asText()).isEqualTo("REGISTERED");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + adoption.childId()).body().path("currentPlacement").asText())
        .isEqualTo("ADOPTION");
  }

  @Test
  void incompleteMaterialsOrDocumentsAreRefusedWithTheMissingItemsAndTheirArticle() {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", child(4)).body().path("id").asText();
    post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null);
    JsonNode materials = openChildTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials");
    String materialsKey = materials.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey + "/claim", null).status()).isEqualTo(204);
    Response withoutDeathProof = post(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey + "/complete",
        Map.of("variables", Map.of("placementMaterials", List.of("admissionRecord"))));
    assertThat(withoutDeathProof.status()).as("an orphan's placement needs the proof of death").isEqualTo(400);
    JsonNode materialsProblem = withoutDeathProof.body().path("errors").get(0);
    assertThat(materialsProblem.path("field").asText()).isEqualTo("placementMaterials");
    assertThat(materialsProblem.path("message").asText()).contains("生父母死亡", "第七条");
    assertThat(get(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey).body().path("state").asText())
        .as("nothing reached the engine").isEqualTo("CREATED");
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + materialsKey + "/complete", Map.of("variables",
        Map.of("placementMaterials", List.of("admissionRecord", "parentsDeathProof")))).status()).isEqualTo(204);
    claimAndComplete(DIRECTOR_NANCHANG, openChildTask(DIRECTOR_NANCHANG, childId, "ApproveByDirector"),
        Map.of("placementDecision", "approve"));
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body().path("adoptionStatus").asText())
        .as("the child available").isEqualTo("AVAILABLE");

    Map<String, Object> request = new HashMap<>(adoption(false, null));
    request.put("childId", childId);
    JsonNode application = apply(FAMILY_WANG, "/api/adoption-applications", request);
    assertThat(application.path("uploadTypes")).extracting(JsonNode::asText)
        .as("登记办法 art. 6").contains("MARITAL_STATUS_PROOF", "CHILDREN_STATEMENT", "BIRTH_STATUS_PROOF");
    assertThat(upload(FAMILY_WANG, "/api/applications/" + application.path("id").asText() + "/documents",
        "CHILDREN_STATEMENT", "无子女声明.pdf", "application/pdf", "%PDF-1.4 无子女".getBytes()).status()).isEqualTo(201);
    String documentsKey = openTask(REGISTRAR_DONGHU, application.path("number").asText(), "CheckAdoptionDocuments")
        .path("key").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/claim", null).status()).isEqualTo(204);
    Response withoutHukou = post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/complete", Map.of("variables", Map.of(
        "documentChecklist", List.of("applicationForm", "idCard", "maritalAndCapacityProof", "childrenStatement",
            "healthCertificate"),
        "documentsDecision", "complete")));
    assertThat(withoutHukou.status()).isEqualTo(400);
    assertThat(withoutHukou.body().path("errors").get(0).path("message").asText()).contains("户口簿", "第六条")
        .doesNotContain("身份证");
    assertThat(get(FAMILY_WANG, "/api/applications/" + application.path("id").asText()).body().path("status").asText())
        .isEqualTo("SUBMITTED");

    // an assessment that finds no red flag covers every item of 评估办法 art. 8
    String number = application.path("number").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/complete", Map.of("variables", Map.of(
        "documentChecklist", List.of("applicationForm", "hukouBook", "idCard", "maritalAndCapacityProof",
            "childrenStatement", "healthCertificate"),
        "documentsDecision", "complete"))).status()).isEqualTo(204);
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, number, "RecordConsent"), Map.of(
        "consentSignedOn", today().toString(), "assessmentBy", "civil-affairs",
        "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "刘评估"))));
    post(REGISTRAR_DONGHU, "/api/applications/" + application.path("id").asText() + "/assessors",
        Map.of("assessor", ASSESSOR_DONGHU.username()));
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

  private static Instant instant(JsonNode dateTime) {
    return OffsetDateTime.parse(dateTime.asText()).toInstant();
  }
}

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.families.TestResidentIds;
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
class AdoptionJourneyApiTest extends RegistryIntegrationTest {


  private record Adoption(String id, String number, String childId) {}

  @Test
  void aConfidentialAdoptionIsRegisteredSealedVisitedAndDissolved() {
    Adoption adoption = registeredAdoption(child(5), adoption(true, null), (journey, task) -> { });
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
    JsonNode afterDissolution = get(FAMILY_WANG, "/api/applications/" + id).body().path("documents");
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
  void incompleteMaterialsOrDocumentsAreRefusedWithTheMissingFilesAndTheirArticle() {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", child(4)).body().path("id").asText();
    post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null);
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, List.of("ADMISSION_RECORD"));
    JsonNode materials = openChildTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials");
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
    claimAndComplete(DIRECTOR_NANCHANG, openChildTask(DIRECTOR_NANCHANG, childId, "ApproveByDirector"),
        Map.of("placementDecision", "approve"));
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body().path("adoptionStatus").asText())
        .as("the child available").isEqualTo("AVAILABLE");

    Map<String, Object> request = new HashMap<>(adoption(false, null));
    request.put("childId", childId);
    JsonNode application = apply(FAMILY_WANG, "/api/adoption-applications", request);
    String applicationId = application.path("id").asText();
    assertThat(application.path("uploadTypes")).extracting(JsonNode::asText)
        .as("登记办法 art. 6").contains("MARITAL_STATUS_PROOF", "CHILDREN_STATEMENT", "BIRTH_STATUS_PROOF");
    uploadDocuments(FAMILY_WANG, applicationId, without(ADOPTION_DOCUMENTS, "HUKOU_BOOK"));
    String documentsKey = openTask(REGISTRAR_DONGHU, application.path("number").asText(), "CheckAdoptionDocuments")
        .path("key").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/claim", null).status()).isEqualTo(204);
    Response withoutHukou = post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/complete", Map.of("variables",
        Map.of("documentsDecision", "complete")));
    assertThat(withoutHukou.status()).isEqualTo(400);
    assertThat(withoutHukou.body().path("errors")).singleElement().satisfies(error -> assertThat(
        error.path("message").asText()).contains("户口簿", "第六条"));
    assertThat(get(FAMILY_WANG, "/api/applications/" + applicationId).body().path("status").asText())
        .isEqualTo("SUBMITTED");

    // the adopters brought it in person: the registrar uploads it for them, recorded as the registrar's
    Response byRegistrar = upload(REGISTRAR_DONGHU, "/api/applications/" + applicationId + "/documents", "HUKOU_BOOK",
        "户口簿.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
    assertThat(byRegistrar.status()).isEqualTo(201);
    assertThat(byRegistrar.body().path("uploadedBy").asText()).isEqualTo("reg-donghu");
    assertThat(byRegistrar.body().path("uploadedByStaff").asBoolean()).isTrue();
    String number = application.path("number").asText();
    assertThat(post(REGISTRAR_DONGHU, "/api/tasks/" + documentsKey + "/complete", Map.of("variables", Map.of(
        "documentsDecision", "complete"))).status()).isEqualTo(204);

    // an assessment that finds no red flag covers every item of 评估办法 art. 8
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, number, "RecordConsent"), Map.of(
        "consentSignedOn", today().toString(), "assessmentBy", "civil-affairs",
        "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "刘评估"))));
    post(REGISTRAR_DONGHU, "/api/applications/" + applicationId + "/assessors",
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

  /** 登记办法 art. 7 for a child of each kind: the one material without a file is named, nothing changes. */
  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource({"orphan, ADMISSION_RECORD", "orphan, PARENTS_DEATH_PROOF", "foundling, FOUNDLING_POLICE_REPORT",
      "disabled orphan, DISABILITY_CERTIFICATE"})
  void placementMaterialsWithoutTheFileOfOneAreRefused(String kind, String missing) {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", child(kind)).body().path("id").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null).status())
        .isEqualTo(200);
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, without(materials(kind), missing));
    String key = openChildTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials").path("key").asText();
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
    Map<String, Object> request = new HashMap<>(adoption(false, null));
    request.put("childId", availableChild(child(kind), materials(kind)));
    JsonNode application = apply(FAMILY_WANG, "/api/adoption-applications", request);
    List<String> required = new ArrayList<>(ADOPTION_DOCUMENTS);
    if (kind.equals("foundling")) {
      required.add("BIRTH_STATUS_PROOF");
    }
    uploadDocuments(FAMILY_WANG, application.path("id").asText(), without(required, missing));
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
    assertThat(get(FAMILY_WANG, "/api/applications/" + application.path("id").asText()).body().path("status").asText())
        .isEqualTo("SUBMITTED");
    assertThat(get(REGISTRAR_DONGHU, "/api/tasks/" + key).body().path("documents").path("documents"))
        .extracting(d -> d.path("type").asText()).containsExactlyElementsOf(required);
  }

  /**
   * A child placed for adoption (送养) with its materials on file and the director's approval; a
   * foundling's public notice published and run out unclaimed (登记办法 art. 8).
   */
  private String availableChild(Map<String, Object> childRecord, List<String> materials) {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", childRecord).body().path("id").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null).status())
        .isEqualTo(200);
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, materials);
    claimAndComplete(CASEWORKER_NANCHANG, openChildTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials"), Map.of());
    claimAndComplete(DIRECTOR_NANCHANG, openChildTask(DIRECTOR_NANCHANG, childId, "ApproveByDirector"),
        Map.of("placementDecision", "approve"));
    if ("FOUNDLING".equals(childRecord.get("admissionReason"))) {
      claimAndComplete(REGISTRAR_DONGHU, openChildTask(REGISTRAR_DONGHU, childId, "PublishNotice"), Map.of(
          "noticePublishedOn", today().toString(), "noticeMedium", "newspaper", "noticeReference", "江西日报公告"));
      Object noticeEnds = engine.getRuntimeService()
          .getVariable(processInstance(childId, "child-adoption-placement"), "noticeEnds");
      moveClockTo(((java.util.Date) noticeEnds).toInstant().plusSeconds(3600));
    }
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body().path("adoptionStatus").asText())
        .as("the child available").isEqualTo("AVAILABLE");
    return childId;
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

  /**
   * The whole way to registration through the API, calling {@code checkpoint} with the family's
   * journey view and the task then open (or null) after submission, consent, matching and report.
   */
  private Adoption registeredAdoption(Map<String, Object> childRecord, Map<String, Object> request,
      BiConsumer<JsonNode, JsonNode> checkpoint) {
    String childId = availableChild(childRecord, List.of("ADMISSION_RECORD", "PARENTS_DEATH_PROOF"));

    Map<String, Object> body = new HashMap<>(request);
    body.put("childId", childId);
    JsonNode application = apply(FAMILY_WANG, "/api/adoption-applications", body);
    String id = application.path("id").asText();
    String number = application.path("number").asText();
    assertThat(number).startsWith("AD-");
    checkpoint.accept(journey(id), null);

    uploadDocuments(FAMILY_WANG, id, ADOPTION_DOCUMENTS);
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, number, "CheckAdoptionDocuments"),
        Map.of("documentsDecision", "complete"));
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, number, "RecordConsent"), Map.of(
        "consentSignedOn", today().toString(), "assessmentBy", "civil-affairs",
        "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "刘评估"))));
    assertThat(post(REGISTRAR_DONGHU, "/api/applications/" + id + "/assessors",
        Map.of("assessor", ASSESSOR_DONGHU.username())).status()).isEqualTo(204);
    JsonNode assessment = openTask(ASSESSOR_DONGHU, number, "AssessFamily");
    assertThat(assessment.path("dueDate").asText()).as("60 days from consent (评估办法 art. 9)").isNotBlank();
    checkpoint.accept(journey(id), assessment);
    claimAndComplete(ASSESSOR_DONGHU, assessment, Map.of(
        "homeVisitDate", today().toString(),
        "assessmentItems", List.of("motive", "morals", "education", "health", "financesAndHousing",
            "familyRelations", "householdViews", "parentingPlan", "neighbours", "community"),
        "assessmentFindings", "收养动机端正，家庭经济与居住条件良好",
        "redFlag", "none"));
    JsonNode matching = openTask(CASEWORKER_NANCHANG, number, "MatchChild");
    claimAndComplete(CASEWORKER_NANCHANG, matching, Map.of("matchAgreed", true,
        "integrationStartsOn", today().toString()));
    // the integration timer starts with the completion, in its transaction
    assertTaskClosed(CASEWORKER_NANCHANG, matching.path("key").asText());
    JsonNode integrating = journey(id);
    assertThat(integrating.path("nextDeadline").path("code").asText()).as("the integration period's end on the portal")
        .isEqualTo("INTEGRATION_PERIOD");
    checkpoint.accept(integrating, null);

    passIntegrationPeriod(id);
    claimAndComplete(ASSESSOR_DONGHU, openTask(ASSESSOR_DONGHU, number, "AssessIntegration"), Map.of(
        "integrationVisitDate", today().toString(), "integrationFindings", "儿童与收养人相处融洽"));
    claimAndComplete(ASSESSOR_DONGHU, openTask(ASSESSOR_DONGHU, number, "WriteReport"), Map.of(
        "reportDate", today().toString(), "conclusion", "recommend", "score", 92, "reportSummary", "建议收养"));
    JsonNode review = openTask(REGISTRAR_DONGHU, number, "ReviewByRegistrar");
    checkpoint.accept(journey(id), review);
    claimAndComplete(REGISTRAR_DONGHU, review, Map.of("registrarDecision", "register"));
    assertThat(get(REGISTRAR_DONGHU, "/api/applications/" + id + "?reason=核对收养登记").body().path("status").asText())
        .as("the adoption registered").isEqualTo("REGISTERED");
    return new Adoption(id, number, childId);
  }

  private JsonNode journey(String applicationId) {
    Response journey = get(FAMILY_WANG, "/api/applications/" + applicationId + "/journey");
    assertThat(journey.status()).as("%s", journey.body()).isEqualTo(200);
    return journey.body();
  }

  private static Map<String, String> stepStates(JsonNode journey) {
    Map<String, String> states = new LinkedHashMap<>();
    journey.path("steps").forEach(step -> states.put(step.path("code").asText(), step.path("state").asText()));
    return states;
  }

  private static Instant instant(JsonNode dateTime) {
    return OffsetDateTime.parse(dateTime.asText()).toInstant();
  }

  private static String lastNote(JsonNode application) {
    JsonNode history = application.path("history");
    return history.get(history.size() - 1).path("note").asText();
  }

  private static Map<String, Object> dissolution(LocalDate signedOn, Boolean childConsents) {
    Map<String, Object> request = new HashMap<>();
    request.put("agreementSignedOn", signedOn.toString());
    request.put("reason", "双方协商一致解除");
    request.put("childConsents", childConsents);
    return request;
  }


  private JsonNode apply(User family, String path, Map<String, Object> body) {
    Response created = post(family, path, body);
    assertThat(created.status()).as("application: %s", created.body()).isEqualTo(201);
    return created.body();
  }

  private JsonNode openChildTask(User user, String childId, String elementId) {
    JsonNode page = get(user, "/api/worklist?size=200").body();
    for (JsonNode task : page.path("content")) {
      if (task.path("elementId").asText().equals(elementId) && task.path("child").path("id").asText().equals(childId)) {
        return task;
      }
    }
    throw new AssertionError(elementId + " of child " + childId + " is not on the worklist of " + user.username()
        + ": " + page.path("content"));
  }

  private static Map<String, Object> child(int age) {
    Map<String, Object> child = new HashMap<>();
    child.put("name", "林小禾");
    child.put("sex", "FEMALE");
    child.put("birthDate", today().minusYears(age).minusDays(10).toString());
    child.put("birthDateEstimated", false);
    child.put("category", "INSTITUTION_RAISED");
    child.put("admissionReason", "PARENTS_DEAD");
    child.put("admissionDate", "2023-05-10");
    child.put("admissionRecord", "父母因交通事故死亡，经东湖区民政局送入福利院");
    child.put("guardian", "南昌市儿童福利院");
    return child;
  }

  /**
   * A single woman of 40 adopting a girl: same sex (art. 1102 does not apply); a girl of 8 or more
   * consents (art. 1104).
   */
  private static Map<String, Object> adoption(boolean confidential, Boolean childConsents) {
    Map<String, Object> household = new HashMap<>(Households.household(40, "BACHELOR", null, true, 120, 15000, false));
    @SuppressWarnings("unchecked")
    Map<String, Object> family = new HashMap<>((Map<String, Object>) household.get("family"));
    family.put("members", List.of(Map.of("name", "王秀英", "residentId", TestResidentIds.ofAge(40, false),
        "role", "PRIMARY_CAREGIVER", "education", "BACHELOR")));
    Map<String, Object> request = new HashMap<>();
    request.put("confidential", confidential);
    request.put("canRaiseAndProtect", true);
    request.put("childConsents", childConsents);
    request.put("motivation", "希望给孩子一个家");
    request.put("family", family);
    return request;
  }
}

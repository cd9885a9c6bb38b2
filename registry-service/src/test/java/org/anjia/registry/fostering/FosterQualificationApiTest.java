package org.anjia.registry.fostering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import static org.anjia.registry.TestIdentityProvider.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The foster-family qualification through the API, against the real engine and database. */
class FosterQualificationApiTest extends RegistryIntegrationTest {

  /** A household of its own for each test (one open application of a kind per household). */
  private final User family = newFamily();

  @Autowired
  JdbcClient jdbc;

  @Test
  void submittedApplicationReachesTheCaseworkersWorklist() {
    Response created = post(family, "/api/foster-applications", Households.eligible());

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(created.body().path("statusLabel").asText()).isEqualTo("已提交");
    String number = created.body().path("number").asText();
    assertThat(number).matches("FQ-\\d{4}-\\d{6}");

    JsonNode task = openTask(CASEWORKER_NANCHANG, number, "CheckDocuments");
    assertThat(task.path("name").asText()).contains("材料审核");
    assertThat(task.path("family").path("displayName").asText()).isEqualTo("王秀英家庭");
    assertThat(task.path("dueDate").isNull()).isFalse();
    assertThat(task.path("overdue").asBoolean()).isFalse();
  }

  @Test
  void invalidResidentIdIsRefusedWithTheFieldAndNothingIsStored() {
    Map<String, Object> request = Households.eligible();
    @SuppressWarnings("unchecked")
    var members = (List<Map<String, Object>>) ((Map<String, Object>) request.get("family")).get("members");
    Map<String, Object> caregiver = new HashMap<>(members.get(0));
    String valid = (String) caregiver.get("residentId");
    char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
    caregiver.put("residentId", valid.substring(0, 17) + wrongCheck);
    var changedMembers = new ArrayList<>(members);
    changedMembers.set(0, caregiver);
    var household = new HashMap<>((Map<String, Object>) request.get("family"));
    household.put("members", changedMembers);
    long applicationsBefore = count("application");
    long familiesBefore = count("family");

    Response refused = post(family, "/api/foster-applications", Map.of("institutionCode", "nanchang-cwi", "family", household));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("errors")).anySatisfy(error -> {
      assertThat(error.path("field").asText()).isEqualTo("family.members[0].residentId");
      assertThat(error.path("message").asText()).contains("身份证号码无效");
    });
    assertThat(count("application")).isEqualTo(applicationsBefore);
    assertThat(count("family")).isEqualTo(familiesBefore);
  }

  @Test
  void errorsComeInEnglishWhenAskedFor() {
    Map<String, Object> request = Households.eligible();
    var household = new HashMap<>((Map<String, Object>) request.get("family"));
    household.put("address", "");

    JsonNode problem = http.post().uri("/api/foster-applications").header("Accept-Language", "en")
        .header("Authorization", bearer(family))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(Map.of("institutionCode", "nanchang-cwi", "family", household))
        .exchange((req, res) -> res.bodyTo(JsonNode.class));

    assertThat(problem.path("title").asText()).isEqualTo("Invalid input");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("family.address");
  }

  @Test
  void completionMissingARequiredFieldIsRefusedAndTheEngineIsUntouched() {
    String number = apply(family, Households.eligible()).path("number").asText();
    JsonNode task = openTask(CASEWORKER_NANCHANG, number, "CheckDocuments");
    String key = task.path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);

    Response refused = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete",
        Map.of("variables", Map.of("documentsNotes", "户口簿待补交")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("errors")).anySatisfy(error -> {
      assertThat(error.path("field").asText()).isEqualTo("documentsDecision");
      assertThat(error.path("message").asText()).isEqualTo("此项为必填项");
    });
    assertThat(jdbc.sql("select count(*) from task_submission where task_id = ?")
        .param(key).query(Long.class).single()).isZero();
    JsonNode stillOpen = get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body();
    assertThat(stillOpen.path("state").asText()).isEqualTo("CREATED");
    assertThat(stillOpen.path("assignee").asText()).isEqualTo("cw-nanchang");
  }

  @Test
  void completingUnclaimedTaskAsksToClaimFirst() {
    String number = apply(family, Households.eligible()).path("number").asText();
    String key = openTask(CASEWORKER_NANCHANG, number, "CheckDocuments").path("key").asText();

    Response refused = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete",
        Map.of("variables", documentsComplete()));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asText()).contains("认领");
  }

  @Test
  void wholeJourneyEndsInTheFosterRegister() {
    JsonNode created = apply(family, Households.eligible());
    String id = created.path("id").asText();
    String number = created.path("number").asText();

    uploadDocuments(family, id, FOSTER_DOCUMENTS);
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CheckDocuments"),
        documentsComplete());
    assignAssessor(id);
    claimAndComplete(ASSESSOR_DONGHU, openTask(ASSESSOR_DONGHU, number, "AssessHome"), Map.of(
        "visitDate", "2026-11-20",
        "assessmentFindings", "住房宽敞整洁，家庭关系和睦，照料经验丰富",
        "backgroundCheckFindings", "无犯罪记录，邻里和社区评价良好",
        "assessmentRecommendation", "recommend"));
    JsonNode review = openTask(DIRECTOR_NANCHANG, number, "ReviewByDirector");
    JsonNode shownToDirector = get(DIRECTOR_NANCHANG, "/api/tasks/" + review.path("key").asText()).body()
        .path("variables");
    assertThat(shownToDirector.path("assessmentFindings").asText()).contains("住房宽敞");
    assertThat(shownToDirector.has("household")).as("the household's facts are not part of the review form").isFalse();
    claimAndComplete(DIRECTOR_NANCHANG, review, Map.of("directorDecision", "approve", "directorComments", "同意"));
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "TrainCaregiver"), Map.of(
        "trainingHours", 24, "trainingCompletedOn", "2026-11-21", "trainingTopics", "儿童照料、安全与急救"));

    JsonNode approved = assertStatus(family, id, "APPROVED");
    assertThat(approved.path("history")).extracting(h -> h.path("status").asText())
        .containsExactly("SUBMITTED", "DOCUMENTS_CHECKED", "HOME_ASSESSED", "DIRECTOR_APPROVED", "TRAINED", "APPROVED");
    JsonNode register = get(CASEWORKER_NANCHANG, "/api/foster-register").body();
    assertThat(register).anySatisfy(entry -> {
      assertThat(entry.path("applicationNumber").asText()).isEqualTo(number);
      assertThat(entry.path("primaryCaregiver").asText()).isEqualTo("王秀英");
      assertThat(entry.path("trainingHours").asDouble()).isEqualTo(24.0);
      assertThat(java.time.LocalDate.parse(entry.path("expiresOn").asText()))
          .isEqualTo(java.time.LocalDate.parse(entry.path("approvedOn").asText()).plusYears(1));
    });
  }

  @Test
  void ineligibleFamilyIsRejectedWithTheRuleAndItsArticle() {
    JsonNode created = apply(family, Households.household(29, "JUNIOR_MIDDLE", 10, true, 120, 12000, false));

    JsonNode rejected = assertStatus(family, created.path("id").asText(), "REJECTED");

    assertThat(rejected.path("rejectionReasons")).singleElement().satisfies(reason -> {
      assertThat(reason.path("rule").asText()).isEqualTo("CAREGIVER_AGE");
      assertThat(reason.path("article").asText()).contains("第八条");
      assertThat(reason.path("reason").asText()).contains("30");
    });
  }

  @Test
  void directorRejectionIsRecordedWithTheDirectorsReason() {
    JsonNode created = apply(family, Households.eligible());
    String number = created.path("number").asText();
    uploadDocuments(family, created.path("id").asText(), FOSTER_DOCUMENTS);
    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, number, "CheckDocuments"),
        documentsComplete());
    assignAssessor(created.path("id").asText());
    claimAndComplete(ASSESSOR_DONGHU, openTask(ASSESSOR_DONGHU, number, "AssessHome"), Map.of(
        "visitDate", "2026-11-20", "assessmentFindings", "居住条件一般",
        "backgroundCheckFindings", "邻居反映家庭矛盾较多", "assessmentRecommendation", "not_recommend"));
    claimAndComplete(DIRECTOR_NANCHANG, openTask(DIRECTOR_NANCHANG, number, "ReviewByDirector"),
        Map.of("directorDecision", "reject", "directorComments", "家庭关系不和睦，不符合第八条第(四)项"));

    JsonNode rejected = assertStatus(family, created.path("id").asText(), "REJECTED");

    assertThat(rejected.path("rejectionReasons")).singleElement().satisfies(reason -> {
      assertThat(reason.path("rule").asText()).isEqualTo("DIRECTOR_REVIEW");
      assertThat(reason.path("reason").asText()).isEqualTo("家庭关系不和睦，不符合第八条第(四)项");
    });
  }

  @Test
  void onlyAnAssessorOfTheJurisdictionAsKeycloakKnowsThemIsAssigned() {
    JsonNode application = apply(family, Households.eligible()); // Nanchang: 东湖区 360102
    String assessors = "/api/applications/" + application.path("id").asText() + "/assessors";

    JsonNode offered = get(CASEWORKER_NANCHANG, assessors).body();
    assertThat(offered.path("candidates")).extracting(c -> c.path("username").asText() + " " + c.path("name").asText())
        .containsExactly("as-donghu 吴强", "as-donghu2 郑红");
    for (String refused : List.of("as-lianxi", "nobody-here", "cw-nanchang")) {
      Response answer = post(CASEWORKER_NANCHANG, assessors, Map.of("assessor", refused));
      assertThat(answer.status()).as(refused).isEqualTo(400);
      assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("assessor");
      assertThat(answer.body().path("errors").get(0).path("message").asText()).contains(refused, "东湖区", "评估人员");
    }
    assertThat(get(CASEWORKER_NANCHANG, assessors).body().path("assigned")).as("nothing changed").isEmpty();
    assertThat(get(ASSESSOR_DONGHU, "/api/applications/" + application.path("id").asText()).status()).isEqualTo(404);

    assignAssessor(application.path("id").asText());

    assertThat(get(AUDITOR, assessors).body().path("assigned")).singleElement().satisfies(assigned -> {
      assertThat(assigned.path("username").asText()).isEqualTo("as-donghu");
      assertThat(assigned.path("name").asText()).isEqualTo("吴强");
    });
    assertThat(get(AUDITOR, assessors).body().path("candidates")).as("auditors read, they do not assign").isEmpty();
    assertThat(get(ASSESSOR_DONGHU, "/api/applications/" + application.path("id").asText()).status()).isEqualTo(200);
  }

  static Stream<String> fosterDocuments() {
    return FOSTER_DOCUMENTS.stream();
  }

  /** 寄养办法 art. 12(1): a document without a file is missing, whatever anyone says; nothing changes. */
  @ParameterizedTest
  @MethodSource("fosterDocuments")
  void documentsDeclaredCompleteWithoutTheFileOfOneAreRefusedAndNothingChanges(String missing) {
    JsonNode created = apply(family, Households.eligible());
    String id = created.path("id").asText();
    uploadDocuments(family, id, FOSTER_DOCUMENTS.stream().filter(type -> !type.equals(missing)).toList());
    String key = openTask(CASEWORKER_NANCHANG, created.path("number").asText(), "CheckDocuments").path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);
    JsonNode listed = required(get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body(), missing);
    assertThat(listed.path("present").asBoolean()).as("listed as missing on the task page").isFalse();

    Response refused = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete",
        Map.of("variables", documentsComplete()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo("documents." + missing);
      assertThat(error.path("message").asText())
          .isEqualTo("缺少" + listed.path("label").asText() + "：尚未上传文件（《家庭寄养管理办法》第十二条第（一）项）");
    });
    assertThat(jdbc.sql("select count(*) from task_submission where task_id = ?").param(key).query(Long.class).single())
        .isZero();
    assertThat(get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body().path("state").asText()).isEqualTo("CREATED");
    assertStatus(family, id, "SUBMITTED");
  }

  @Test
  void withNoFileEveryDocumentIsNamedInEnglishTooAndARefusalNeedsNone() {
    JsonNode created = apply(family, Households.eligible());
    String key = openTask(CASEWORKER_NANCHANG, created.path("number").asText(), "CheckDocuments").path("key").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(204);

    JsonNode refused = http.post().uri("/api/tasks/" + key + "/complete").header("Accept-Language", "en")
        .header("Authorization", bearer(CASEWORKER_NANCHANG))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(Map.of("variables", documentsComplete()))
        .exchange((request, response) -> response.bodyTo(JsonNode.class));

    assertThat(refused.path("errors")).extracting(error -> error.path("field").asText())
        .containsExactlyElementsOf(FOSTER_DOCUMENTS.stream().map(type -> "documents." + type).toList());
    assertThat(refused.path("errors").get(1).path("message").asText())
        .isEqualTo("Household register is missing: no file uploaded (Foster Care Measures art. 12(1))");
    completeClaimed(key, Map.of("documentsDecision", "reject", "documentsNotes", "未提交任何材料"));
    assertStatus(family, created.path("id").asText(), "REJECTED");
  }

  /**
   * The family uploads five documents, the caseworker the sixth for it (recorded as staff's, audited);
   * the task page lists each with its file, which opens; then the check passes.
   */
  @Test
  void staffUploadTheMissingDocumentForTheFamilyAndTheCheckPasses() {
    JsonNode created = apply(family, Households.eligible());
    String id = created.path("id").asText();
    uploadDocuments(family, id, FOSTER_DOCUMENTS.subList(0, 5));
    String key = openTask(CASEWORKER_NANCHANG, created.path("number").asText(), "CheckDocuments").path("key").asText();
    JsonNode checklist = get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body().path("documents");
    assertThat(checklist.path("article").asText()).isEqualTo("《家庭寄养管理办法》第十二条第（一）项");
    assertThat(checklist.path("documents")).extracting(d -> d.path("type").asText())
        .containsExactlyElementsOf(FOSTER_DOCUMENTS);

    Response uploaded = upload(CASEWORKER_NANCHANG, "/api/applications/" + id + "/documents", "MEMBERS_CONSENT",
        "家庭成员同意书.pdf", "application/pdf", "%PDF-1.4 同意寄养".getBytes());

    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.body().path("uploadedBy").asText()).as("by name and role, not login").isEqualTo("南昌市儿童福利院 社工 张敏");
    assertThat(uploaded.body().path("uploadedByStaff").asBoolean()).isTrue();
    String documentId = uploaded.body().path("id").asText();
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where action = 'CREATE' and object_type = 'DOCUMENT'
            and object_id = ? and actor = 'cw-nanchang' and fields like '%uploadedByStaff%'""")
        .param(documentId).query(Long.class).single()).isEqualTo(1);
    JsonNode page = get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body();
    assertThat(page.path("documents").path("documents")).allSatisfy(d -> assertThat(d.path("present").asBoolean()).isTrue());
    JsonNode byFamily = required(page, "ID_CARD").path("files").get(0);
    assertThat(byFamily.path("uploadedByStaff").asBoolean()).as("the family's own upload").isFalse();
    JsonNode byStaff = required(page, "MEMBERS_CONSENT").path("files").get(0);
    assertThat(byStaff.path("byStaff").asBoolean()).isTrue();
    assertThat(byStaff.path("fileName").asText()).isEqualTo("家庭成员同意书.pdf");
    byte[] opened = http.get().uri(byStaff.path("href").asText()).header("Authorization", bearer(CASEWORKER_NANCHANG))
        .retrieve().body(byte[].class);
    assertThat(new String(opened, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 同意寄养");

    claimAndComplete(CASEWORKER_NANCHANG, openTask(CASEWORKER_NANCHANG, created.path("number").asText(),
        "CheckDocuments"), documentsComplete());
    assertStatus(family, id, "DOCUMENTS_CHECKED");
  }

  private void completeClaimed(String key, Map<String, Object> variables) {
    assertThat(post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/complete", Map.of("variables", variables)).status())
        .isEqualTo(204);
  }

  /** The required document of that type as the task page lists it. */
  private static JsonNode required(JsonNode taskPage, String type) {
    for (JsonNode document : taskPage.path("documents").path("documents")) {
      if (document.path("type").asText().equals(type)) {
        return document;
      }
    }
    throw new AssertionError(type + " not required on the task page: " + taskPage.path("documents"));
  }

  private void assignAssessor(String applicationId) {
    assertThat(post(CASEWORKER_NANCHANG, "/api/applications/" + applicationId + "/assessors",
        Map.of("assessor", ASSESSOR_DONGHU.username())).status()).isEqualTo(204);
  }

  /** The caseworker's word that the documents are complete: it holds only with a file for each. */
  static Map<String, Object> documentsComplete() {
    return Map.of("documentsDecision", "complete");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}

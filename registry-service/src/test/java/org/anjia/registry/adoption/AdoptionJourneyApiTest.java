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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.families.TestResidentIds;
import org.anjia.runtime.ExportedRecords;
import org.junit.jupiter.api.Test;

/**
 * A whole adoption through the service on the real engine: the institution places a child whose
 * parents are dead (no public notice), a family applies, the registrar, assessor and caseworker
 * work their steps, the 30-day integration period passes on the engine clock, the registrar
 * registers, and a confidential adoption seals both records.
 */
class AdoptionJourneyApiTest extends RegistryIntegrationTest {

  @Test
  void aConfidentialAdoptionIsRegisteredWithACertificateAndSealed() {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", child()).body().path("id").asText();
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null).status())
        .isEqualTo(200);
    claimAndComplete(CASEWORKER_NANCHANG, awaitChildTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials"),
        Map.of("placementMaterials", List.of("admissionRecord", "parentsDeathProof")));
    claimAndComplete(DIRECTOR_NANCHANG, awaitChildTask(DIRECTOR_NANCHANG, childId, "ApproveByDirector"),
        Map.of("placementDecision", "approve"));
    ExportedRecords.await(() -> "AVAILABLE".equals(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body()
        .path("adoptionStatus").asText()) ? Optional.of(true) : Optional.empty(), "the child available");

    JsonNode application = apply(FAMILY_WANG, "/api/adoption-applications", adoption(childId));
    String id = application.path("id").asText();
    String number = application.path("number").asText();
    assertThat(number).startsWith("AD-");

    claimAndComplete(REGISTRAR_DONGHU, awaitTask(REGISTRAR_DONGHU, number, "CheckAdoptionDocuments"), Map.of(
        "documentChecklist", List.of("applicationForm", "hukouBook", "idCard", "maritalAndCapacityProof",
            "childrenStatement", "healthCertificate"),
        "documentsDecision", "complete"));
    claimAndComplete(REGISTRAR_DONGHU, awaitTask(REGISTRAR_DONGHU, number, "RecordConsent"), Map.of(
        "consentSignedOn", "2026-11-22", "assessmentBy", "civil-affairs",
        "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "刘评估"))));
    assertThat(post(REGISTRAR_DONGHU, "/api/applications/" + id + "/assessors",
        Map.of("assessor", ASSESSOR_DONGHU.username())).status()).isEqualTo(204);
    JsonNode assessment = awaitTask(ASSESSOR_DONGHU, number, "AssessFamily");
    assertThat(assessment.path("dueDate").asText()).as("60 days from consent (评估办法 art. 9)").isNotBlank();
    claimAndComplete(ASSESSOR_DONGHU, assessment, Map.of(
        "homeVisitDate", "2026-11-25",
        "assessmentItems", List.of("motive", "morals", "education", "health", "financesAndHousing",
            "familyRelations", "householdViews", "parentingPlan", "neighbours", "community"),
        "assessmentFindings", "收养动机端正，家庭经济与居住条件良好",
        "redFlag", "none"));
    JsonNode matching = awaitTask(CASEWORKER_NANCHANG, number, "MatchChild");
    claimAndComplete(CASEWORKER_NANCHANG, matching, Map.of("matchAgreed", true, "integrationStartsOn", "2026-11-28"));
    // the integration timer starts when the engine has the completion (it reaches it through the outbox)
    awaitTaskClosed(CASEWORKER_NANCHANG, matching.path("key").asText());

    STACK.advanceClock(Duration.ofDays(31)); // the integration period (评估办法 art. 8)
    claimAndComplete(ASSESSOR_DONGHU, awaitTask(ASSESSOR_DONGHU, number, "AssessIntegration"), Map.of(
        "integrationVisitDate", "2026-12-28", "integrationFindings", "儿童与收养人相处融洽"));
    claimAndComplete(ASSESSOR_DONGHU, awaitTask(ASSESSOR_DONGHU, number, "WriteReport"), Map.of(
        "reportDate", "2026-12-29", "conclusion", "recommend", "score", 92, "reportSummary", "建议收养"));
    claimAndComplete(REGISTRAR_DONGHU, awaitTask(REGISTRAR_DONGHU, number, "ReviewByRegistrar"), Map.of(
        "registrarDecision", "register"));

    JsonNode registered = ExportedRecords.await(() -> {
      JsonNode read = get(REGISTRAR_DONGHU, "/api/applications/" + id + "?reason=核对收养登记").body();
      return "REGISTERED".equals(read.path("status").asText()) ? Optional.of(read) : Optional.empty();
    }, "the adoption registered");
    assertThat(registered.path("sealed").asBoolean()).as("民法典 art. 1110").isTrue();
    assertThat(registered.path("history")).extracting(h -> h.path("status").asText())
        .contains("DOCUMENTS_CHECKED", "ASSESSMENT_CONSENTED", "ASSESSED", "MATCHED", "INTEGRATION_ASSESSED",
            "REPORTED", "REGISTERED");
    JsonNode certificate = registered.path("documents").get(0);
    assertThat(certificate.path("type").asText()).isEqualTo("ADOPTION_CERTIFICATE");
    assertThat(registered.path("history").get(registered.path("history").size() - 1).path("note").asText())
        .matches("收登字\\d{4}第\\d{6}号");
    byte[] pdf = http.get().uri("/api/documents/" + certificate.path("id").asText() + "/content?reason=打印证书")
        .header("Authorization", bearer(REGISTRAR_DONGHU)).retrieve().body(byte[].class);
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

    // sealed: the institution and the auditor no longer see the records; the registrar does, with a reason
    assertThat(get(CASEWORKER_NANCHANG, "/api/applications/" + id).status()).isEqualTo(404);
    assertThat(get(AUDITOR, "/api/applications/" + id).status()).isEqualTo(404);
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).status()).isEqualTo(404);
    JsonNode file = get(REGISTRAR_DONGHU, "/api/children/" + childId + "?reason=核对收养登记").body();
    assertThat(file.path("currentPlacement").asText()).isEqualTo("ADOPTION");
    assertThat(file.path("dischargeReason").asText()).isEqualTo("ADOPTED");
  }

  private JsonNode apply(User family, String path, Map<String, Object> body) {
    Response created = post(family, path, body);
    assertThat(created.status()).as("application: %s", created.body()).isEqualTo(201);
    return created.body();
  }

  private JsonNode awaitChildTask(User user, String childId, String elementId) {
    return ExportedRecords.await(() -> {
      for (JsonNode task : get(user, "/api/worklist?size=200").body().path("content")) {
        if (task.path("elementId").asText().equals(elementId) && task.path("child").path("id").asText().equals(childId)) {
          return Optional.of(task);
        }
      }
      return Optional.empty();
    }, elementId + " of child " + childId);
  }

  private static Map<String, Object> child() {
    Map<String, Object> child = new HashMap<>();
    child.put("name", "林小禾");
    child.put("sex", "FEMALE");
    child.put("birthDate", java.time.LocalDate.now().minusYears(5).toString());
    child.put("birthDateEstimated", false);
    child.put("category", "INSTITUTION_RAISED");
    child.put("admissionReason", "PARENTS_DEAD");
    child.put("admissionDate", "2023-05-10");
    child.put("admissionRecord", "父母因交通事故死亡，经东湖区民政局送入福利院");
    child.put("guardian", "南昌市儿童福利院");
    return child;
  }

  /** A single woman of 40 adopting a girl of 5: same sex (art. 1102 does not apply), no consent needed (art. 1104). */
  private static Map<String, Object> adoption(String childId) {
    Map<String, Object> household = new HashMap<>(Households.household(40, "BACHELOR", null, true, 120, 15000, false));
    @SuppressWarnings("unchecked")
    Map<String, Object> family = new HashMap<>((Map<String, Object>) household.get("family"));
    family.put("members", List.of(Map.of("name", "王秀英", "residentId", TestResidentIds.ofAge(40, false),
        "role", "PRIMARY_CAREGIVER", "education", "BACHELOR")));
    return Map.of("childId", childId, "confidential", true, "canRaiseAndProtect", true,
        "motivation", "希望给孩子一个家", "family", family);
  }
}

package org.anjia.registry.adoption;

import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.families.TestResidentIds;

/**
 * Adoptions walked through the API by their people, for the tests that need one at a given step:
 * the institution places a child whose parents are dead, a family of its own applies, the registrar,
 * assessor and caseworker work their steps, the integration period passes on the engine clock, the
 * registrar registers; and the dissolution registered by agreement.
 */
public abstract class AdoptionIntegrationTest extends RegistryIntegrationTest {

  /** A household of its own for each test (one open application of a kind per household). */
  protected final User family = newFamily();

  /** A registered adoption: the application's id and number, and the child's file. */
  protected record Adoption(String id, String number, String childId) {}

  /** A 5-year-old girl adopted by a single woman of 40, confidential (民法典 art. 1110) or not. */
  protected Adoption registeredAdoption(boolean confidential) {
    return registeredAdoption(child(5), adoption(confidential), (journey, task) -> { });
  }

  /**
   * The adopters apply to dissolve the adoption of a child under 8 by agreement (民法典 art. 1114) and
   * the registrar registers it today; returns the number of the 解除收养关系证明.
   */
  protected String registeredDissolution(Adoption adoption) {
    Response requested = post(family, "/api/portal/applications/" + adoption.id() + "/dissolution",
        dissolution(today(), null));
    assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, adoption.number(), "RegisterDissolution"), Map.of(
        "dissolutionBasis", "agreement_minor", "dissolutionChildConsent", "under_8",
        "dissolutionDecision", "register", "dissolutionRegisteredOn", today().toString(),
        "dissolutionNotes", "书面协议经双方签字"));
    return lastNote(assertStatus(family, adoption.id(), "DISSOLVED"));
  }

  /** The certificate PDF of that type (ADOPTION_CERTIFICATE, DISSOLUTION_CERTIFICATE), downloaded by the adopters. */
  protected byte[] certificatePdf(Adoption adoption, String type) {
    JsonNode documents = get(family, "/api/applications/" + adoption.id()).body().path("documents");
    String documentId = null;
    for (JsonNode document : documents) {
      if (document.path("type").asText().equals(type)) {
        documentId = document.path("id").asText();
      }
    }
    assertThat(documentId).as("%s among %s", type, documents).isNotNull();
    return http.get().uri("/api/documents/" + documentId + "/content").header("Authorization", bearer(family))
        .retrieve().body(byte[].class);
  }

  /**
   * The whole way to registration through the API, calling {@code checkpoint} with the family's
   * journey view and the task then open (or null) after submission, consent, matching and report.
   */
  protected Adoption registeredAdoption(Map<String, Object> childRecord, Map<String, Object> request,
      BiConsumer<JsonNode, JsonNode> checkpoint) {
    String childId = availableChild(childRecord);

    Map<String, Object> body = new HashMap<>(request);
    body.put("childId", childId);
    JsonNode application = apply(family, "/api/adoption-applications", body);
    String id = application.path("id").asText();
    String number = application.path("number").asText();
    assertThat(number).startsWith("AD-");
    checkpoint.accept(journey(id), null);

    uploadDocuments(family, id, ADOPTION_DOCUMENTS);
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, number, "CheckAdoptionDocuments"),
        Map.of("documentsDecision", "complete"));
    claimAndComplete(REGISTRAR_DONGHU, openTask(REGISTRAR_DONGHU, number, "RecordConsent"), Map.of(
        "consentSignedOn", today().toString(), "assessmentBy", "civil-affairs",
        "assessors", List.of(Map.of("name", "as-donghu"), Map.of("name", "as-donghu2"))));
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

  /** A child of the Nanchang institution whose parents are dead, placed for adoption (送养) and available. */
  protected String availableChild(Map<String, Object> childRecord) {
    return availableChild(childRecord, List.of("ADMISSION_RECORD", "PARENTS_DEATH_PROOF"));
  }

  /**
   * A child placed for adoption (送养) with its materials on file and the director's approval; a
   * foundling's public notice published and run out unclaimed (登记办法 art. 8).
   */
  protected String availableChild(Map<String, Object> childRecord, List<String> materials) {
    String childId = post(CASEWORKER_NANCHANG, "/api/children", childRecord).body().path("id").asText();
    placeForAdoption(childId, childRecord, materials);
    return childId;
  }

  /** The same for a child already on file (e.g. one living with a foster family). */
  protected void placeForAdoption(String childId, Map<String, Object> childRecord, List<String> materials) {
    assertThat(post(CASEWORKER_NANCHANG, "/api/children/" + childId + "/adoption-placement", null).status())
        .isEqualTo(200);
    uploadChildDocuments(CASEWORKER_NANCHANG, childId, materials);
    claimAndComplete(CASEWORKER_NANCHANG, childTask(CASEWORKER_NANCHANG, childId, "PrepareMaterials"), Map.of());
    claimAndComplete(DIRECTOR_NANCHANG, childTask(DIRECTOR_NANCHANG, childId, "ApproveByDirector"),
        Map.of("placementDecision", "approve"));
    if ("FOUNDLING".equals(childRecord.get("admissionReason"))) {
      claimAndComplete(REGISTRAR_DONGHU, childTask(REGISTRAR_DONGHU, childId, "PublishNotice"), Map.of(
          "noticePublishedOn", today().toString(), "noticeMedium", "newspaper", "noticeReference", "江西日报公告"));
      Object noticeEnds = engine.getRuntimeService()
          .getVariable(processInstance(childId, "child-adoption-placement"), "noticeEnds");
      moveClockTo(((java.util.Date) noticeEnds).toInstant().plusSeconds(3600));
    }
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body().path("adoptionStatus").asText())
        .as("the child available").isEqualTo("AVAILABLE");
  }

  protected JsonNode journey(String applicationId) {
    Response journey = get(family, "/api/applications/" + applicationId + "/journey");
    assertThat(journey.status()).as("%s", journey.body()).isEqualTo(200);
    return journey.body();
  }

  protected static Map<String, String> stepStates(JsonNode journey) {
    Map<String, String> states = new LinkedHashMap<>();
    journey.path("steps").forEach(step -> states.put(step.path("code").asText(), step.path("state").asText()));
    return states;
  }

  protected static String lastNote(JsonNode application) {
    JsonNode history = application.path("history");
    return history.get(history.size() - 1).path("note").asText();
  }

  protected static Map<String, Object> dissolution(LocalDate signedOn, Boolean childConsents) {
    Map<String, Object> request = new HashMap<>();
    request.put("agreementSignedOn", signedOn.toString());
    request.put("reason", "双方协商一致解除");
    request.put("childConsents", childConsents);
    return request;
  }


  protected JsonNode apply(User family, String path, Map<String, Object> body) {
    Response created = post(family, path, body);
    assertThat(created.status()).as("application: %s", created.body()).isEqualTo(201);
    return created.body();
  }


  protected static Map<String, Object> child(int age) {
    return orphanOfNanchang("林小禾", "FEMALE", today().minusYears(age).minusDays(10).toString());
  }

  /** A single woman of 40 adopting a girl: same sex (art. 1102 does not apply). */
  protected static Map<String, Object> adoption(boolean confidential) {
    Map<String, Object> household = new HashMap<>(Households.household(40, "BACHELOR", null, true, 120, 15000, false));
    @SuppressWarnings("unchecked")
    Map<String, Object> family = new HashMap<>((Map<String, Object>) household.get("family"));
    family.put("members", List.of(Map.of("name", "王秀英", "residentId", TestResidentIds.ofAge(40, false),
        "role", "PRIMARY_CAREGIVER", "education", "BACHELOR")));
    Map<String, Object> request = new HashMap<>();
    request.put("confidential", confidential);
    request.put("canRaiseAndProtect", true);
    request.put("maritalStatus", "UNMARRIED");
    request.put("motivation", "希望给孩子一个家");
    request.put("family", family);
    return request;
  }
}

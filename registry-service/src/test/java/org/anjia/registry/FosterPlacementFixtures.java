package org.anjia.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.RegistryIntegrationTest.Response;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The way to a foster placement through the API, shared by the API and browser tests: a family of
 * Nanchang's register, a child admitted to the institution, a match, its approval and both
 * signatures. Every caller is named by an Authorization header's value, so the same steps run with
 * the tests' own tokens ({@link RegistryIntegrationTest#bearer}) or a real Keycloak's (browser tests).
 */
public final class FosterPlacementFixtures {

  private final RegistryIntegrationTest test;
  private final JdbcClient jdbc;

  public FosterPlacementFixtures(RegistryIntegrationTest test, JdbcClient jdbc) {
    this.test = test;
    this.jdbc = jdbc;
  }

  /**
   * The family applies to Nanchang and is qualified by its staff (document check, home assessment by
   * {@code assessorName}, director's review, training) into the foster register; returns its family id.
   */
  public UUID qualify(String family, String caseworker, String assessor, String assessorName, String director) {
    JsonNode application = call(HttpMethod.POST, family, "/api/foster-applications",
        RegistryIntegrationTest.Households.eligible(), 201);
    String id = application.path("id").asText();
    test.uploadDocuments(family, id, RegistryIntegrationTest.FOSTER_DOCUMENTS);
    completeTask(caseworker, id, "CheckDocuments", Map.of("documentsDecision", "complete"));
    call(HttpMethod.POST, caseworker, "/api/applications/" + id + "/assessors", Map.of("assessor", assessorName), 204);
    completeTask(assessor, id, "AssessHome", Map.of(
        "visitDate", RegistryIntegrationTest.today().toString(),
        "assessmentFindings", "住房宽敞整洁，家庭关系和睦",
        "backgroundCheckFindings", "无犯罪记录，邻里评价良好",
        "assessmentRecommendation", "recommend"));
    completeTask(director, id, "ReviewByDirector", Map.of("directorDecision", "approve", "directorComments", "同意"));
    completeTask(caseworker, id, "TrainCaregiver", Map.of("trainingHours", 24,
        "trainingCompletedOn", RegistryIntegrationTest.today().toString(), "trainingTopics", "儿童照料、安全与急救"));
    return jdbc.sql("select family_id from application where id = :id").param("id", UUID.fromString(id))
        .query(UUID.class).single();
  }

  /** A foundling of the Nanchang institution born on that day, with the care notes a foster family needs. */
  public String admit(String caseworker, String name, LocalDate birthDate) {
    Map<String, Object> child = new HashMap<>();
    child.put("name", name);
    child.put("sex", "FEMALE");
    child.put("birthDate", birthDate.toString());
    child.put("birthDateEstimated", false);
    child.put("category", "INSTITUTION_RAISED");
    child.put("admissionReason", "FOUNDLING");
    child.put("admissionDate", RegistryIntegrationTest.today().toString());
    child.put("admissionRecord", "由东湖区公安分局送来，附捡拾报案证明");
    child.put("healthNotes", "先天性心脏病术后");
    child.put("educationNotes", "在读幼儿园中班");
    child.put("guardian", "南昌市儿童福利院");
    return call(HttpMethod.POST, caseworker, "/api/children", child, 201).path("id").asText();
  }

  /** The agreement's terms as the child's page sends them: a year from {@code from}, 王秀英 as caregiver, 60 days. */
  public static Map<String, Object> proposal(String childId, UUID familyId, LocalDate from) {
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("childId", childId);
    proposal.put("familyId", familyId.toString());
    proposal.put("from", from.toString());
    proposal.put("until", from.plusYears(1).toString());
    proposal.put("primaryCaregiver", "王秀英");
    proposal.put("integrationDays", 60);
    proposal.put("liability", "违反协议的一方承担相应责任，机构可以解除协议");
    return proposal;
  }

  /** Proposed from today, approved and signed by both: the placement is active; returns its id. */
  public String placeActive(String family, String caseworker, String director, UUID familyId, String childId) {
    String placementId = call(HttpMethod.POST, caseworker, "/api/foster-placements",
        proposal(childId, familyId, RegistryIntegrationTest.today()), 201).path("id").asText();
    completeTask(director, childId, "ApproveMatch", Map.of("matchDecision", "approve", "matchComments", "同意"));
    call(HttpMethod.POST, family, "/api/portal/foster-placements/" + placementId + "/signature", null, 200);
    completeTask(director, childId, "SignAgreement", Map.of("agreementDecision", "sign"));
    return placementId;
  }

  /** Claims and completes the open task of that element in the case (an application's or a child's id). */
  public void completeTask(String authorization, String caseId, String elementId, Map<String, Object> variables) {
    String task = test.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(elementId).singleResult().getId();
    call(HttpMethod.POST, authorization, "/api/tasks/" + task + "/claim", null, 204);
    call(HttpMethod.POST, authorization, "/api/tasks/" + task + "/complete", Map.of("variables", variables), 204);
  }

  /** Calls the API; fails with the answer unless it has the expected status. */
  public JsonNode call(HttpMethod method, String authorization, String path, Object body, int expected) {
    var request = test.http.method(method).uri(path).header("Authorization", authorization);
    if (method != HttpMethod.GET) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body);
    }
    Response response = request.exchange((req, answer) -> new Response(answer.getStatusCode().value(),
        answer.bodyTo(JsonNode.class), String.valueOf(answer.getHeaders().getContentType())));
    if (response.status() != expected) {
      throw new AssertionError(method + " " + path + " answered " + response.status() + " " + response.body());
    }
    return response.body();
  }
}

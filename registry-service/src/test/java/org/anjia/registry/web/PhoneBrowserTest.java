package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The portal, application, worklist, task and foster-register pages on a phone (390×844): nothing
 * scrolls sideways and a real case's step, status and deadline, and a real approval's dates, are
 * inside the screen. The cases are made through the API with the realm's users: one application
 * waiting for 材料审核, one walked into the foster register.
 */
class PhoneBrowserTest extends BrowserIntegrationTest {

  @Test
  void theFamilysAndTheCaseworkersPagesFitAPhone() throws Exception {
    String username = newKeycloakFamily();
    String family = keycloakToken(username);
    // one open application per household: the first is in the register before the second is made
    JsonNode approved = call(family, "/api/foster-applications", Households.eligible());
    qualify(approved.path("id").asText());
    JsonNode pending = call(family, "/api/foster-applications", Households.eligible());

    String output = browser("phone.mjs", DEMO_PASSWORD, username, pending.path("id").asText(),
        pending.path("number").asText(), approved.path("number").asText());

    assertThat(output)
        .contains("portal at 390×844: no sideways scroll")
        .contains("application at 390×844: no sideways scroll")
        .contains("worklist at 390×844: no sideways scroll; step \"材料审核\"")
        .contains("task at 390×844: no sideways scroll; step \"材料审核\"")
        .contains("register at 390×844: no sideways scroll")
        .contains("phone pages passed");
  }

  /** The qualification's four steps by Nanchang's staff, through the API, into the foster register. */
  private void qualify(String applicationId) throws IOException, InterruptedException {
    String caseworker = keycloakToken("cw-nanchang");
    uploadDocuments("Bearer " + caseworker, applicationId, FOSTER_DOCUMENTS);
    complete(caseworker, applicationId, "CheckDocuments", Map.of("documentsDecision", "complete"));
    call(caseworker, "/api/applications/" + applicationId + "/assessors", Map.of("assessor", "as-donghu"));
    complete(keycloakToken("as-donghu"), applicationId, "AssessHome", Map.of(
        "visitDate", today().toString(),
        "assessmentFindings", "住房宽敞整洁，家庭关系和睦",
        "backgroundCheckFindings", "无犯罪记录，邻里评价良好",
        "assessmentRecommendation", "recommend"));
    complete(keycloakToken("dir-nanchang"), applicationId, "ReviewByDirector",
        Map.of("directorDecision", "approve", "directorComments", "同意"));
    complete(caseworker, applicationId, "TrainCaregiver", Map.of(
        "trainingHours", 24, "trainingCompletedOn", today().toString(), "trainingTopics", "儿童照料、安全与急救"));
  }

  private void complete(String token, String applicationId, String elementId, Map<String, Object> variables) {
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId)
        .taskDefinitionKey(elementId).singleResult().getId();
    call(token, "/api/tasks/" + task + "/claim", null);
    call(token, "/api/tasks/" + task + "/complete", Map.of("variables", variables));
  }

  /** POSTs as the token's user; fails unless the service accepts. */
  private JsonNode call(String token, String path, Object body) {
    return http.post().uri(path).header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body)
        .exchange((request, response) -> {
          assertThat(response.getStatusCode().is2xxSuccessful())
              .as("POST %s answered %s", path, response.getStatusCode()).isTrue();
          return response.bodyTo(JsonNode.class);
        });
  }
}

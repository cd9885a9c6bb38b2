package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A director hands a task to a colleague, checked against the real Keycloak (its admin API through
 * the read-only service account): a caseworker of the institution takes it; a caseworker of another
 * institution, an unknown name and a caseworker asking for it are refused, and nothing changes.
 */
class TaskReassignmentTest extends BrowserIntegrationTest {

  @Test
  void aDirectorGivesATaskToACaseworkerOfTheInstitutionOnly() throws Exception {
    String director = keycloakToken("dir-nanchang");
    String caseworker = keycloakToken("cw-nanchang");
    String family = keycloakToken(newKeycloakFamily());
    JsonNode application = http.post().uri("/api/foster-applications").header("Authorization", "Bearer " + family)
        .contentType(MediaType.APPLICATION_JSON).body(Households.eligible())
        .exchange((request, response) -> response.bodyTo(JsonNode.class));
    String task = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(application.path("id").asText()).taskDefinitionKey("CheckDocuments")
        .singleResult().getId();

    Refusal otherInstitution = reassign(director, task, "cw-jiujiang");
    assertThat(otherInstitution.status()).isEqualTo(400);
    assertThat(otherInstitution.body().path("errors").get(0).path("field").asText()).isEqualTo("assignee");
    assertThat(otherInstitution.body().path("errors").get(0).path("message").asText()).contains("cw-jiujiang", "不是本机构");
    assertThat(reassign(director, task, "nobody-here").status()).isEqualTo(400);
    assertThat(reassign(caseworker, task, "cw-nanchang").status()).as("only a director reassigns").isEqualTo(403);
    assertThat(assignee(task)).as("nothing changed").isNull();

    assertThat(reassign(director, task, "cw-nanchang").status()).isEqualTo(204);
    assertThat(assignee(task)).isEqualTo("cw-nanchang");
  }

  private record Refusal(int status, JsonNode body) {}

  private Refusal reassign(String token, String task, String assignee) {
    return http.post().uri("/api/tasks/" + task + "/assignee").header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("assignee", assignee))
        .exchange((request, response) -> new Refusal(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class)));
  }

  private String assignee(String task) {
    return engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee();
  }
}

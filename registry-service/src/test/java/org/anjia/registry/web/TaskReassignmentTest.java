package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;

/**
 * A director hands a task to a colleague, checked against the real Keycloak (its admin API through
 * the read-only service account): a caseworker of the institution takes it; a caseworker of another
 * institution, an unknown name and a caseworker asking for it are refused, and nothing changes. Whoever
 * holds a task is shown by the name Keycloak knows them by, not by their login.
 */
class TaskReassignmentTest extends BrowserIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void aDirectorGivesATaskToACaseworkerOfTheInstitutionOnly() throws Exception {
    String director = keycloakToken("dir-nanchang");
    String caseworker = keycloakToken("cw-nanchang");
    String task = newCheckDocumentsTask();
    forgetName("cw-nanchang");

    Refusal otherInstitution = reassign(director, task, "cw-jiujiang");
    assertThat(otherInstitution.status()).isEqualTo(400);
    assertThat(otherInstitution.body().path("errors").get(0).path("field").asText()).isEqualTo("assignee");
    assertThat(otherInstitution.body().path("errors").get(0).path("message").asText()).contains("cw-jiujiang", "不是本机构");
    assertThat(reassign(director, task, "nobody-here").status()).isEqualTo(400);
    assertThat(reassign(caseworker, task, "cw-nanchang").status()).as("only a director reassigns").isEqualTo(403);
    assertThat(assignee(task)).as("nothing changed").isNull();

    assertThat(reassign(director, task, "cw-nanchang").status()).isEqualTo(204);
    assertThat(assignee(task)).isEqualTo("cw-nanchang");
    JsonNode shown = taskAs(caseworker, task);
    assertThat(shown.path("assignee").asText()).isEqualTo("cw-nanchang");
    assertThat(shown.path("assigneeName").asText()).as("the name from Keycloak's directory").isEqualTo("张敏");
  }

  @Test
  void whoeverClaimsATaskIsShownByTheNameInTheirToken() throws Exception {
    String caseworker = keycloakToken("cw-nanchang");
    String task = newCheckDocumentsTask();
    forgetName("cw-nanchang");
    assertThat(taskAs(caseworker, task).path("assigneeName").textValue()).as("nobody holds it").isNull();

    int claimed = http.post().uri("/api/tasks/" + task + "/claim").header("Authorization", "Bearer " + caseworker)
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(claimed).isEqualTo(204);

    assertThat(taskAs(caseworker, task).path("assigneeName").asText()).isEqualTo("张敏");
    // the worklist's rows of the tasks they hold (other tests' too) carry the name as well
    JsonNode listed = http.get().uri("/api/worklist?candidateGroup=caseworker&assignee=cw-nanchang&size=200")
        .header("Authorization", "Bearer " + caseworker).retrieve().body(JsonNode.class).path("content");
    assertThat(listed.size()).isPositive();
    listed.forEach(row -> assertThat(row.path("assigneeName").asText()).isEqualTo("张敏"));
  }

  private String newCheckDocumentsTask() throws Exception {
    String family = keycloakToken(newKeycloakFamily());
    JsonNode application = http.post().uri("/api/foster-applications").header("Authorization", "Bearer " + family)
        .contentType(MediaType.APPLICATION_JSON).body(Households.eligible())
        .exchange((request, response) -> response.bodyTo(JsonNode.class));
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(application.path("id").asText()).taskDefinitionKey("CheckDocuments")
        .singleResult().getId();
  }

  /** Other tests' claims record names too: each test starts from a person with none recorded. */
  private void forgetName(String username) {
    jdbc.sql("delete from staff_name where username = :username").param("username", username).update();
  }

  private JsonNode taskAs(String token, String task) {
    return http.get().uri("/api/tasks/" + task).header("Authorization", "Bearer " + token).retrieve()
        .body(JsonNode.class);
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

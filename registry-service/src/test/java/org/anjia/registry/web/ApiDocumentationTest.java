package org.anjia.registry.web;

import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names the API, its version and how to get a token, and groups operations by module. */
class ApiDocumentationTest extends RegistryIntegrationTest {

  @Test
  void theDocumentSaysWhatTheApiIsAndHowToSignIn() {
    Response docs = get(CASEWORKER_NANCHANG, "/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    JsonNode info = docs.body().path("info");
    assertThat(info.path("title").asText()).contains("Anjia");
    assertThat(info.path("version").asText()).isEqualTo(ApiDocumentation.API_VERSION);
    assertThat(info.path("description").asText()).contains("Authorization: Bearer")
        .contains("/protocol/openid-connect/token");
    assertThat(docs.body().path("components").path("securitySchemes").path("keycloak").path("scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void everyOperationIsTaggedWithItsModule() {
    JsonNode paths = get(CASEWORKER_NANCHANG, "/v3/api-docs").body().path("paths");
    Set<String> tags = new HashSet<>();
    paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      JsonNode operationTags = operation.getValue().path("tags");
      assertThat(operationTags.size()).as("tags of %s %s", operation.getKey(), path.getKey()).isEqualTo(1);
      tags.add(operationTags.get(0).asText());
    }));
    assertThat(tags).contains("worklist", "adoption", "fostering", "children", "applications", "identity")
        .allMatch(tag -> !tag.endsWith("-controller"));
  }
}

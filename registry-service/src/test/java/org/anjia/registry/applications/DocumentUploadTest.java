package org.anjia.registry.applications;

import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** What a family or caseworker may upload to an application. */
class DocumentUploadTest extends RegistryIntegrationTest {

  @Test
  void nobodyUploadsAnAdoptionCertificateOnlyTheRegistrationIssuesIt() {
    String id = apply(FAMILY_WANG, Households.eligible()).path("id").asText();

    Upload forged = upload(id, "ADOPTION_CERTIFICATE");

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body().path("errors").get(0).path("field").asText()).isEqualTo("type");
    assertThat(get(FAMILY_WANG, "/api/applications/" + id).body().path("documents")).isEmpty();
    assertThat(upload(id, "ID_CARD").status()).isEqualTo(201);
  }

  private record Upload(int status, JsonNode body) {}

  private Upload upload(String applicationId, String type) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("type", type);
    form.add("file", new ByteArrayResource("%PDF-1.4 伪造".getBytes()) {
      @Override
      public String getFilename() {
        return "certificate.pdf";
      }
    });
    return http.post().uri("/api/applications/" + applicationId + "/documents")
        .header("Authorization", bearer(FAMILY_WANG))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((request, response) -> new Upload(response.getStatusCode().value(), response.bodyTo(JsonNode.class)));
  }
}

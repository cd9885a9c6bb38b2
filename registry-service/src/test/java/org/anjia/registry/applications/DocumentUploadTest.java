package org.anjia.registry.applications;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;

/** What a family or caseworker may upload to an application: its journey's documents, never a certificate. */
class DocumentUploadTest extends RegistryIntegrationTest {

  /** A household of its own for each test (one open application of a kind per household). */
  private final User family = newFamily();

  @Test
  void nobodyUploadsAnAdoptionCertificateOnlyTheRegistrationIssuesIt() {
    String id = apply(family, Households.eligible()).path("id").asText();

    Response forged = upload(id, "ADOPTION_CERTIFICATE");

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body().path("errors").get(0).path("field").asText()).isEqualTo("type");
    assertThat(get(family, "/api/applications/" + id).body().path("documents")).isEmpty();
    assertThat(upload(id, "ID_CARD").status()).isEqualTo(201);
  }

  @Test
  void aFosterApplicationTakesTheFosterDocumentsNotTheAdoptionOnes() {
    String id = apply(family, Households.eligible()).path("id").asText();
    assertThat(get(family, "/api/applications/" + id).body().path("uploadTypes")).extracting(t -> t.asText())
        .contains("INCOME_PROOF", "MEMBERS_CONSENT").doesNotContain("CHILDREN_STATEMENT", "ADOPTION_CERTIFICATE");

    Response misplaced = upload(id, "CHILDREN_STATEMENT");

    assertThat(misplaced.status()).isEqualTo(400);
    assertThat(misplaced.body().path("errors").get(0).path("message").asText()).isEqualTo("此类材料不属于这类申请");
    assertThat(get(family, "/api/applications/" + id).body().path("documents")).isEmpty();
  }

  @Test
  void aTextFileRenamedPdfIsRefusedByItsContentNotItsName() {
    String id = apply(family, Households.eligible()).path("id").asText();

    Response disguised = upload(family, "/api/applications/" + id + "/documents", "ID_CARD", "身份证.pdf",
        "application/pdf", "#!/bin/sh 不是扫描件".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(disguised.status()).isEqualTo(400);
    assertThat(disguised.contentType()).startsWith("application/problem+json");
    assertThat(disguised.body().path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertThat(disguised.body().path("errors").get(0).path("message").asText()).startsWith("文件内容不是 PDF 格式");
    assertThat(get(family, "/api/applications/" + id).body().path("documents")).isEmpty();
  }

  private Response upload(String applicationId, String type) {
    return upload(family, "/api/applications/" + applicationId + "/documents", type, "document.pdf",
        "application/pdf", "%PDF-1.4 测试".getBytes());
  }
}

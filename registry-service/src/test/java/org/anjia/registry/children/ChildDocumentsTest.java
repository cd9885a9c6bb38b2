package org.anjia.registry.children;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_LIANXI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The documents on a child's file (入院登记, 捡拾报案证明 …): uploaded by the staff of the child's
 * institution, read by whoever may read the file, each read audited; a sealed file's documents are
 * sealed with it.
 */
class ChildDocumentsTest extends RegistryIntegrationTest {

  private static final byte[] SCAN = "%PDF-1.7 南昌市儿童福利院 入院登记表".getBytes(StandardCharsets.UTF_8);

  @Autowired
  Children children;

  @Test
  void theInstitutionUploadsADocumentThatReadersListAndDownloadIntact() throws Exception {
    String id = admit();

    Response uploaded = uploadToFile(CASEWORKER_NANCHANG, id, "ADMISSION_RECORD", "入院登记表.pdf", "application/pdf", SCAN);

    assertThat(uploaded.status()).isEqualTo(201);
    JsonNode document = uploaded.body();
    assertThat(document.path("typeLabel").asText()).isEqualTo("入院登记");
    assertThat(document.path("fileName").asText()).isEqualTo("入院登记表.pdf");
    assertThat(document.path("size").asLong()).isEqualTo(SCAN.length);
    assertThat(document.path("sha256").asText()).isEqualTo(sha256(SCAN));
    assertThat(document.path("uploadedBy").asText()).as("by name and role, not login").isEqualTo("南昌市儿童福利院 社工 张敏");
    assertThat(get(REGISTRAR_DONGHU, "/api/children/" + id + "/documents").body()).singleElement()
        .satisfies(d -> assertThat(d.path("id").asText()).isEqualTo(document.path("id").asText()));

    Download download = download(AUDITOR, id, document.path("id").asText(), null);

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.content()).isEqualTo(SCAN);
    assertThat(download.headers().getFirst("X-Content-SHA256")).isEqualTo(sha256(SCAN));
    assertThat(download.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(ContentDisposition.parse(download.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
        .isEqualTo("入院登记表.pdf");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id + "/history").body())
        .filteredOn(c -> c.path("field").asText().equals("documents"))
        .extracting(c -> c.path("newValue").asText())
        .containsExactly("ADMISSION_RECORD: 入院登记表.pdf");
    JsonNode reads = get(AUDITOR, "/api/audit?objectType=CHILD_DOCUMENT&action=READ&objectId="
        + document.path("id").asText()).body();
    assertThat(reads).singleElement().satisfies(entry -> assertThat(entry.path("actor").asText()).isEqualTo("auditor"));
  }

  @Test
  void aWrongTypeAnEmptyFileOrAnUnacceptedFormatIsRefusedAndChangesNothing() {
    String id = admit();

    Response unknownType = uploadToFile(CASEWORKER_NANCHANG, id, "BIRTH_CHART", "scan.pdf", "application/pdf", SCAN);
    Response empty = uploadToFile(CASEWORKER_NANCHANG, id, "PHOTO", "photo.jpg", "image/jpeg", new byte[0]);
    Response program = uploadToFile(DIRECTOR_NANCHANG, id, "OTHER", "setup.exe", "application/x-msdownload", SCAN);

    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.contentType()).isEqualTo("application/problem+json");
    assertThat(unknownType.body().path("errors")).singleElement()
        .satisfies(e -> assertThat(e.path("field").asText()).isEqualTo("type"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).isEqualTo("application/problem+json");
    assertThat(empty.body().path("errors")).singleElement().satisfies(e -> {
      assertThat(e.path("field").asText()).isEqualTo("file");
      assertThat(e.path("message").asText()).isEqualTo("请选择要上传的文件");
    });
    assertThat(program.status()).isEqualTo(400);
    assertThat(program.body().path("errors")).singleElement().satisfies(e -> {
      assertThat(e.path("field").asText()).isEqualTo("file");
      assertThat(e.path("message").asText()).contains("PDF", "JPEG", "PNG");
    });
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id + "/documents").body()).isEmpty();
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id + "/history").body())
        .noneSatisfy(c -> assertThat(c.path("field").asText()).isEqualTo("documents"));
  }

  @Test
  void outsideTheFilesScopeItsDocumentsDoNotExist() {
    String id = admit();
    String documentId = uploadToFile(CASEWORKER_NANCHANG, id, "MEDICAL_REPORT", "体检报告.pdf", "application/pdf", SCAN)
        .body().path("id").asText();

    assertThat(uploadToFile(CASEWORKER_JIUJIANG, id, "PHOTO", "photo.png", "image/png", SCAN).status()).isEqualTo(404);
    assertThat(get(CASEWORKER_JIUJIANG, "/api/children/" + id + "/documents").status()).isEqualTo(404);
    assertThat(download(CASEWORKER_JIUJIANG, id, documentId, null).status()).isEqualTo(404);
    assertThat(download(REGISTRAR_LIANXI, id, documentId, null).status()).isEqualTo(404);
    // a document is reached through its own file only
    String otherChild = admit();
    assertThat(download(CASEWORKER_NANCHANG, otherChild, documentId, null).status()).isEqualTo(404);
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id + "/documents").body()).hasSize(1);
    assertThat(get(AUDITOR, "/api/audit?objectType=CHILD&action=DENIED&objectId=" + id).body())
        .filteredOn(entry -> entry.path("actor").asText().equals("cw-jiujiang")).hasSize(3);
  }

  @Test
  void aSealedFilesDocumentsOpenOnlyToItsRegistrarWithAReason() {
    String id = admit();
    String documentId = uploadToFile(CASEWORKER_NANCHANG, id, "FOUNDLING_POLICE_REPORT", "捡拾报案证明.pdf",
        "application/pdf", SCAN).body().path("id").asText();
    // a confidential adoption (民法典 art. 1110) seals the file when it is registered
    children.recordAdoption(java.util.UUID.fromString(id), "李建国、王秀英家庭", "收登字2026第0042号",
        LocalDate.of(2026, 11, 2), true);

    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id + "/documents").status()).isEqualTo(404);
    assertThat(download(CASEWORKER_NANCHANG, id, documentId, null).status()).isEqualTo(404);
    assertThat(uploadToFile(CASEWORKER_NANCHANG, id, "PHOTO", "photo.png", "image/png", SCAN).status()).isEqualTo(404);
    assertThat(get(AUDITOR, "/api/children/" + id + "/documents").status()).isEqualTo(404);
    assertThat(download(AUDITOR, id, documentId, null).status()).isEqualTo(404);
    Response withoutReason = get(REGISTRAR_DONGHU, "/api/children/" + id + "/documents");
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(withoutReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    assertThat(download(REGISTRAR_DONGHU, id, documentId, null).status()).isEqualTo(400);

    assertThat(get(REGISTRAR_DONGHU, "/api/children/" + id + "/documents?reason=核查送养材料").body())
        .singleElement().satisfies(d -> assertThat(d.path("typeLabel").asText()).isEqualTo("捡拾报案证明"));
    Download read = download(REGISTRAR_DONGHU, id, documentId, "核查送养材料");

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.content()).isEqualTo(SCAN);
    assertThat(get(AUDITOR, "/api/audit?objectType=CHILD_DOCUMENT&action=READ&objectId=" + documentId).body())
        .singleElement().satisfies(entry -> {
          assertThat(entry.path("actor").asText()).isEqualTo(REGISTRAR_DONGHU.username());
          assertThat(entry.path("reason").asText()).isEqualTo("核查送养材料");
        });
  }

  private String admit() {
    return post(CASEWORKER_NANCHANG, "/api/children", ChildFileTest.foundling()).body().path("id").asText();
  }

  private Response uploadToFile(User user, String childId, String type, String fileName, String contentType,
      byte[] content) {
    return upload(user, "/api/children/" + childId + "/documents", type, fileName, contentType, content);
  }

  private record Download(int status, HttpHeaders headers, byte[] content) {}

  private Download download(User user, String childId, String documentId, String reason) {
    String query = reason == null ? "" : "?reason=" + reason;
    return http.get().uri("/api/children/" + childId + "/documents/" + documentId + "/content" + query)
        .header("Authorization", bearer(user))
        .exchange((request, response) -> new Download(response.getStatusCode().value(), response.getHeaders(),
            response.getBody().readAllBytes()));
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}

package org.anjia.registry.web;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.audit.AuditChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Refusals Spring itself raises before a controller runs (found by {@link BadInputTest}): each is
 * problem+json in the caller's language, and names the field when one field is to blame.
 */
class RefusalProblemsTest extends RegistryIntegrationTest {

  @Autowired
  private AuditChain auditChain;

  @Autowired
  private JdbcClient jdbc;

  @Test
  void aBodyThatIsNotJsonIsRefusedInChinese() {
    Answer refused = raw(HttpMethod.POST, "/api/foster-applications", MediaType.APPLICATION_JSON, "申请");

    assertProblem(refused, 400, "输入有误");
    assertThat(refused.body().path("detail").asText()).isEqualTo("提交的内容不是有效的 JSON，请检查后重新提交。");
  }

  @Test
  void aValueOfTheWrongTypeIsAProblemOfItsField() {
    Map<String, Object> household = new HashMap<>(Households.eligible());
    Map<String, Object> family = new HashMap<>(castMap(household.get("family")));
    family.put("livingSpaceM2", "一百二十");
    household.put("family", family);

    Response refused = post(FAMILY_WANG, "/api/foster-applications", household);

    assertProblem(refused, 400, "输入有误");
    assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("family.livingSpaceM2");
    assertThat(refused.body().path("errors").get(0).path("message").asText()).isEqualTo("取值无效");
  }

  @Test
  void aMissingParameterOrFilePartIsARequiredField() {
    Response noReason = post(REGISTRAR_DONGHU, "/api/applications/" + UUID.randomUUID() + "/seal", null);
    assertProblem(noReason, 400, "输入有误");
    assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    assertThat(noReason.body().path("errors").get(0).path("message").asText()).isEqualTo("此项为必填项");

    var form = new LinkedMultiValueMap<String, Object>();
    form.add("type", "ID_CARD");
    Answer noFile = http.post().uri("/api/applications/" + UUID.randomUUID() + "/documents")
        .header("Authorization", bearer(FAMILY_WANG)).contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((request, response) -> new Answer(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
    assertProblem(noFile, 400, "输入有误");
    assertThat(noFile.body().path("errors").get(0).path("field").asText()).isEqualTo("file");
  }

  @Test
  void aBodyInAnotherFormatIsRefusedInChinese() {
    assertProblem(raw(HttpMethod.POST, "/api/foster-applications", MediaType.TEXT_PLAIN, "申请"), 415,
        "提交格式不受支持");
  }

  /** The refusal's audit entry once failed on an id longer than its column: a 500 instead of a 404. */
  @Test
  void aClaimOfAnOverLongTaskKeyIsRefusedAndAudited() {
    String key = "k".repeat(2000);

    Response refused = post(CASEWORKER_NANCHANG, "/api/tasks/" + key + "/claim", null);

    assertProblem(refused, 404, "未找到");
    assertThat(auditChain.verify().valid()).isTrue();
  }

  /** Method validation of a parameter threw past the handlers: a 500 for a negative page number. */
  @Test
  void aParameterOutOfRangeIsAProblemOfThatParameter() {
    Response refused = get(AUDITOR, "/api/audit?page=-1");

    assertProblem(refused, 400, "输入有误");
    assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("page");
  }

  /**
   * A parameter with a NUL character, which PostgreSQL can neither store nor compare: a read's reason had
   * answered 500 (its audit entry refused), later an auditor's search for such an object id (found by
   * {@link BadInputTest}). Now each is a wrong value of that parameter, and the read is not audited as made.
   */
  @Test
  void aParameterWithANulCharacterIsAWrongValueOfThatParameter() {
    String application = apply(newFamily(), Households.eligible()).path("id").asText();
    long entries = auditEntriesOf(application);

    Response read = get(CASEWORKER_NANCHANG, "/api/applications/" + application + "?reason=查\u0000阅");
    Response search = get(AUDITOR, "/api/audit?objectId=\u0000");

    assertProblem(read, 400, "输入有误");
    assertThat(read.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    assertProblem(search, 400, "输入有误");
    assertThat(search.body().path("errors").get(0).path("field").asText()).isEqualTo("objectId");
    assertThat(auditEntriesOf(application)).as("the refused read is not audited as made").isEqualTo(entries);
  }

  private long auditEntriesOf(String objectId) {
    return jdbc.sql("select count(*) from audit_entry where object_id = :id").param("id", objectId)
        .query(Long.class).single();
  }

  /** Sealing a record (民法典 art. 1110) needs a stated reason: a blank one is refused, the record stays open. */
  @Test
  void aBlankReasonSealsNothing() {
    String application = apply(newFamily(), Households.eligible()).path("id").asText();

    Response refused = post(REGISTRAR_DONGHU, "/api/applications/" + application + "/seal?reason= ", null);

    assertProblem(refused, 400, "输入有误");
    assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    assertThat(get(CASEWORKER_NANCHANG, "/api/applications/" + application).status()).isEqualTo(200);
  }

  private record Answer(int status, JsonNode body, String contentType) {}

  private Answer raw(HttpMethod method, String path, MediaType type, String body) {
    var request = http.method(method).uri(path).header("Authorization", bearer(FAMILY_WANG)).contentType(type);
    if (body != null) {
      request.body(body.getBytes(StandardCharsets.UTF_8));
    }
    return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
        response.bodyTo(JsonNode.class), String.valueOf(response.getHeaders().getContentType())));
  }

  private static void assertProblem(Response response, int status, String title) {
    assertProblem(new Answer(response.status(), response.body(), response.contentType()), status, title);
  }

  private static void assertProblem(Answer response, int status, String title) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(response.body().path("title").asText()).isEqualTo(title);
    assertThat(response.body().path("detail").asText()).containsPattern("\\p{IsHan}");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}

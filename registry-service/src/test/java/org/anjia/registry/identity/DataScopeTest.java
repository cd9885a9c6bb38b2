package org.anjia.registry.identity;

import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_LIANXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data scopes enforced by the service: outside one's institution, jurisdiction or household an
 * object does not exist (404), and the attempt is audited; sealed records open only to the
 * registrar of their jurisdiction, with a reason.
 */
class DataScopeTest extends RegistryIntegrationTest {

  /** A household of its own for each test (one open application of a kind per household). */
  private final User family = newFamily();
  private final User otherFamily = newFamily();

  @Autowired
  JdbcClient jdbc;

  @Test
  void caseworkerOfAnotherInstitutionCanNeitherListNorReadNorClaimNorComplete() {
    JsonNode application = apply(family, Households.eligible());
    JsonNode task = openTask(CASEWORKER_NANCHANG, application.path("number").asText(), "CheckDocuments");
    String key = task.path("key").asText();

    JsonNode jiujiangWorklist = get(CASEWORKER_JIUJIANG, "/api/worklist?size=200").body();
    assertThat(jiujiangWorklist.path("content")).noneSatisfy(t ->
        assertThat(t.path("key").asText()).isEqualTo(key));
    assertThat(get(CASEWORKER_JIUJIANG, "/api/applications/" + application.path("id").asText()).status())
        .isEqualTo(404);
    assertThat(get(CASEWORKER_JIUJIANG, "/api/tasks/" + key).status()).isEqualTo(404);
    assertThat(post(CASEWORKER_JIUJIANG, "/api/tasks/" + key + "/claim", null).status()).isEqualTo(404);
    assertThat(post(CASEWORKER_JIUJIANG, "/api/tasks/" + key + "/complete", Map.of("variables", Map.of())).status())
        .isEqualTo(404);
    // the task is untouched for its own institution
    assertThat(get(CASEWORKER_NANCHANG, "/api/tasks/" + key).body().path("assignee").isNull()).isTrue();
  }

  @Test
  void anotherFamilyCannotReadTheApplicationItsDocumentsOrTasksAndTheAttemptIsAudited() {
    JsonNode application = apply(family, Households.eligible());
    String id = application.path("id").asText();
    JsonNode document = upload(id);
    String taskKey = openTask(CASEWORKER_NANCHANG, application.path("number").asText(), "CheckDocuments")
        .path("key").asText();

    Response read = get(otherFamily, "/api/applications/" + id);
    Response content = get(otherFamily, "/api/documents/" + document.path("id").asText() + "/content");
    Response task = get(otherFamily, "/api/tasks/" + taskKey);

    assertThat(read.status()).isEqualTo(404);
    assertThat(read.body().path("detail").asText()).doesNotContain(id);
    assertThat(content.status()).isEqualTo(404);
    assertThat(task.status()).isEqualTo(404);
    assertThat(jdbc.sql("""
            select count(*) from audit_entry
            where action = 'DENIED' and actor = :actor and object_type = 'APPLICATION' and object_id = :id""")
        .param("actor", otherFamily.username()).param("id", id).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    // its own family reads it, and the read is audited
    assertThat(get(family, "/api/applications/" + id).status()).isEqualTo(200);
    assertThat(get(family, "/api/portal/applications").body()).anySatisfy(a ->
        assertThat(a.path("id").asText()).isEqualTo(id));
  }

  @Test
  void registrarsSeeTheirJurisdictionOnly() {
    String id = apply(family, Households.eligible()).path("id").asText(); // Nanchang → 360102

    assertThat(get(REGISTRAR_DONGHU, "/api/applications/" + id).status()).isEqualTo(200);
    assertThat(get(REGISTRAR_LIANXI, "/api/applications/" + id).status()).isEqualTo(404);
  }

  @Test
  void sealedRecordOpensOnlyToItsRegistrarWithAReasonAndToItsOwnFamilyAndTheReadIsAudited() {
    String id = apply(family, Households.eligible()).path("id").asText();
    Integer sealed = http.post().uri("/api/applications/" + id + "/seal?reason=当事人要求保守收养秘密")
        .header("Authorization", bearer(REGISTRAR_DONGHU))
        .exchange((req, res) -> res.getStatusCode().value());
    assertThat(sealed).isEqualTo(204);

    assertThat(get(CASEWORKER_NANCHANG, "/api/applications/" + id).status()).isEqualTo(404);
    assertThat(get(AUDITOR, "/api/applications/" + id).status()).isEqualTo(404);
    assertThat(get(REGISTRAR_LIANXI, "/api/applications/" + id + "?reason=x").status()).isEqualTo(404);
    assertThat(get(family, "/api/applications/" + id).status())
        .as("the secret is kept for the adopters, not from them").isEqualTo(200);
    Response withoutReason = get(REGISTRAR_DONGHU, "/api/applications/" + id);
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(withoutReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");

    Response withReason = get(REGISTRAR_DONGHU, "/api/applications/" + id + "?reason=核查登记材料");

    assertThat(withReason.status()).isEqualTo(200);
    assertThat(withReason.body().path("sealed").asBoolean()).isTrue();
    JsonNode reads = get(AUDITOR, "/api/audit?objectType=APPLICATION&action=READ&objectId=" + id).body();
    assertThat(reads).anySatisfy(entry -> {
      assertThat(entry.path("actor").asText()).isEqualTo(REGISTRAR_DONGHU.username());
      assertThat(entry.path("reason").asText()).isEqualTo("核查登记材料");
      assertThat(entry.path("roles").asText()).contains("REGISTRAR");
    });
  }

  @Test
  void theAuditChainVerifiesAndAnEditedRowBreaksItThere() {
    apply(family, Households.eligible());
    JsonNode intact = get(AUDITOR, "/api/audit/verify").body();
    assertThat(intact.path("valid").asBoolean()).isTrue();
    assertThat(intact.path("checked").asLong()).isPositive();

    long target = jdbc.sql("select min(id) from audit_entry where action = 'CREATE'").query(Long.class).single();
    assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x' where id = :id").param("id", target).update())
        .as("the application cannot change the log").hasMessageContaining("append-only");
    tamper(target);

    JsonNode broken = get(AUDITOR, "/api/audit/verify").body();
    assertThat(broken.path("valid").asBoolean()).isFalse();
    assertThat(broken.path("firstBrokenId").asLong()).isEqualTo(target);
    var printed = new java.io.ByteArrayOutputStream();
    int exit = org.anjia.registry.audit.AuditChainCommand.run(STACK.jdbcUrl(), "postgres", "",
        new java.io.PrintStream(printed));
    assertThat(exit).as("the command line verifier agrees").isEqualTo(1);
    assertThat(printed.toString()).contains("BROKEN at entry " + target);
    untamper(target);
  }

  /** What an attacker with database superuser rights could do: bypass the append-only trigger. */
  private void tamper(long id) {
    jdbc.sql("""
            begin;
            set local session_replication_role = replica;
            update audit_entry set fields = fields || ',forged' where id = %d;
            commit;""".formatted(id)).update();
  }

  private void untamper(long id) {
    jdbc.sql("""
            begin;
            set local session_replication_role = replica;
            update audit_entry set fields = regexp_replace(fields, ',forged$', '') where id = %d;
            commit;""".formatted(id)).update();
  }

  private JsonNode upload(String applicationId) {
    Response uploaded = upload(family, "/api/applications/" + applicationId + "/documents", "ID_CARD", "id-card.pdf",
        "application/pdf", "%PDF-1.4 身份证复印件".getBytes());
    assertThat(uploaded.status()).isEqualTo(201);
    return uploaded.body();
  }
}

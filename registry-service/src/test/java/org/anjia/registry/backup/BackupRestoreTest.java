package org.anjia.registry.backup;

import static org.anjia.registry.TestIdentityProvider.ADMIN;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.anjia.registry.AnjiaApplication;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' backup drill, with the real scripts ({@code infra/ops/backup}, {@code restore},
 * {@code verify-restore}) on two real PostgreSQL servers: records, documents and audit entries made
 * through the service's API on the source are backed up, restored into a fresh server, verified
 * (counts, documents' SHA-256, the audit chain) and served by the service started on the restored
 * database; a damaged document, a missing one, a damaged dump and a non-empty target are refused.
 * Both servers are PostgreSQL 15 (zonky's, {@code backup-test-postgres.version}): the scripts need a
 * pg_dump at least as new as the server, and Debian 12's client tools are 15.
 */
class BackupRestoreTest extends RegistryIntegrationTest {

  private static final byte[] SCAN = "%PDF-1.7 南昌市儿童福利院 入院登记表".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ID_CARD = "%PDF-1.4 居民身份证".getBytes(StandardCharsets.UTF_8);

  /** The shared service's settings: the restored services take its token issuer and staff directory. */
  @Autowired
  Environment shared;

  @TempDir
  Path temp;

  @Test
  void aBackupRestoredIntoAFreshPostgresqlVerifiesAndServesEveryRecordAndDocument() throws Exception {
    try (EmbeddedPostgres source = postgres15(); EmbeddedPostgres target = postgres15()) {
      User family = newFamily();
      String applicationId;
      String applicationDocument;
      String childId;
      String childDocument;
      try (ConfigurableApplicationContext service = service(source)) {
        http = clientOf(port(service));
        applicationId = apply(family, Households.eligible()).path("id").asText();
        applicationDocument = upload(family, "/api/applications/" + applicationId + "/documents", "ID_CARD",
            "身份证.pdf", "application/pdf", ID_CARD).body().path("id").asText();
        childId = post(CASEWORKER_NANCHANG, "/api/children", orphanOfNanchang("李安", "FEMALE", "2019-04-01"))
            .body().path("id").asText();
        childDocument = upload(CASEWORKER_NANCHANG, "/api/children/" + childId + "/documents", "ADMISSION_RECORD",
            "入院登记表.pdf", "application/pdf", SCAN).body().path("id").asText();
        assertThat(get(AUDITOR, "/api/applications/" + applicationId).status()).isEqualTo(200);
      }
      Path backup = temp.resolve("backup");

      Script backedUp = script("backup", source, "postgres", backup.toString());

      assertThat(backedUp.exit()).as(backedUp.output()).isZero();
      List<String> manifest = Files.readAllLines(backup.resolve("manifest.txt"));
      assertThat(manifest).contains("count application 1", "count document 1", "count child 1",
          "count child_document 1");
      assertThat(manifest).anySatisfy(line -> assertThat(line)
          .isEqualTo("document document " + applicationDocument + " " + sha256(ID_CARD) + " " + sha256(ID_CARD)));
      assertThat(manifest).anySatisfy(line -> assertThat(line)
          .isEqualTo("document child_document " + childDocument + " " + sha256(SCAN) + " " + sha256(SCAN)));
      long auditEntries = JdbcClient.create(source.getPostgresDatabase())
          .sql("select count(*) from audit_entry").query(Long.class).single();
      assertThat(auditEntries).as("applying, uploading, admitting and reading are audited").isGreaterThanOrEqualTo(5);
      assertThat(manifest).contains("count audit_entry " + auditEntries);
      assertThat(manifest).anySatisfy(line -> assertThat(line).startsWith("audit_head "));

      Script restored = script("restore", target, "postgres", backup.toString());

      assertThat(restored.exit()).as(restored.output()).isZero();
      assertThat(restored.output()).contains("Audit chain intact: " + auditEntries + " entries verified.")
          .contains("Verified jdbc:postgresql://localhost:" + target.getPort() + "/postgres");

      try (ConfigurableApplicationContext service = service(target)) {
        http = clientOf(port(service));
        assertThat(get(family, "/api/applications/" + applicationId).status()).isEqualTo(200);
        assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + childId).body().path("record").path("name").asText())
            .isEqualTo("李安");
        byte[] served = http.get().uri("/api/documents/" + applicationDocument + "/content")
            .header("Authorization", bearer(family)).retrieve().body(byte[].class);
        assertThat(served).isEqualTo(ID_CARD);
        JsonNode chain = get(ADMIN, "/api/audit/verify").body();
        assertThat(chain.path("valid").asBoolean()).isTrue();
        assertThat(chain.path("checked").asLong()).as("the restored entries and the reads since").isGreaterThan(auditEntries);
      }

      // the same backup in a second fresh database on the target server, then damaged there
      JdbcClient targetServer = JdbcClient.create(target.getPostgresDatabase());
      targetServer.sql("create database damaged").update();
      assertThat(script("restore", target, "damaged", backup.toString()).exit()).isZero();
      // as a damaged disk or a hand below the service would: the append-only triggers are bypassed
      try (Connection damaged = target.getDatabase("postgres", "damaged").getConnection()) {
        damaged.createStatement().execute("set session_replication_role = replica");
        PreparedStatement alter = damaged.prepareStatement("update child_document set content = ? where id = ?::uuid");
        alter.setBytes(1, "%PDF-1.7 altered".getBytes(StandardCharsets.UTF_8));
        alter.setString(2, childDocument);
        assertThat(alter.executeUpdate()).isOne();
        PreparedStatement remove = damaged.prepareStatement("delete from document where id = ?::uuid");
        remove.setString(1, applicationDocument);
        assertThat(remove.executeUpdate()).isOne();
      }

      Script verified = script("verify-restore", target, "damaged", backup.toString());

      assertThat(verified.exit()).as(verified.output()).isEqualTo(1);
      assertThat(verified.output())
          .contains("-document child_document " + childDocument + " " + sha256(SCAN) + " " + sha256(SCAN))
          .contains("+document child_document " + childDocument + " " + sha256(SCAN) + " ")
          .contains("Documents whose bytes do not match the SHA-256 recorded at upload:\n  child_document " + childDocument)
          .contains("-document document " + applicationDocument)
          .contains("-count document 1", "+count document 0")
          .contains("VERIFICATION FAILED");
      assertThat(verified.output().lines().filter(line -> line.startsWith("-count ")))
          .as("nothing else differs").containsExactly("-count document 1");

      Script intoNonEmpty = script("restore", target, "postgres", backup.toString());
      assertThat(intoNonEmpty.exit()).as(intoNonEmpty.output()).isEqualTo(3);
      assertThat(intoNonEmpty.output()).contains("restore only into an empty database");

      Files.write(backup.resolve("database.dump"), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
      targetServer.sql("create database fresh").update();
      Script damagedDump = script("restore", target, "fresh", backup.toString());
      assertThat(damagedDump.exit()).as(damagedDump.output()).isEqualTo(3);
      assertThat(damagedDump.output()).contains("does not match the SHA-256 in its manifest");
    }
  }

  /** A PostgreSQL 15 server of its own, from the binaries the build copied (registry-service/pom.xml). */
  private static EmbeddedPostgres postgres15() throws IOException {
    Path binaries = Path.of("target/backup-test-postgres/postgres-binaries.jar").toAbsolutePath();
    return EmbeddedPostgres.builder().setCleanDataDirectory(true).setPgBinaryResolver((system, machine) -> {
      ZipFile jar = new ZipFile(binaries.toFile());
      InputStream archive = jar.getInputStream(jar.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + machine + ".txz"));
      return new java.io.FilterInputStream(archive) {
        @Override
        public void close() throws IOException {
          super.close();
          jar.close();
        }
      };
    }).start();
  }

  /** The service itself on that database, with the shared test service's identity settings. */
  private ConfigurableApplicationContext service(EmbeddedPostgres database) {
    return new SpringApplicationBuilder(AnjiaApplication.class).run(
        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--operaton.bpm.job-execution.enabled=false",
        // its own name (letters only: Operaton ignores one with a hyphen): the shared service's engine stays the
        // JVM's default
        "--operaton.bpm.process-engine-name=backupdrill",
        "--anjia.identity.issuer=" + shared.getRequiredProperty("anjia.identity.issuer"),
        "--anjia.identity.directory.realm=" + shared.getRequiredProperty("anjia.identity.directory.realm"),
        WITHOUT_OPERATOR_CONSOLE);
  }

  private static int port(ConfigurableApplicationContext service) {
    return Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private record Script(int exit, String output) {}

  /** Runs infra/ops/{name} against that server's database, as an operator would. */
  private static Script script(String name, EmbeddedPostgres server, String database, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("anjia.root"), "infra/ops", name).toString(),
        "-h", "localhost", "-p", String.valueOf(server.getPort()), "-U", "postgres", "-d", database));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.remove("PGPASSWORD");
    // verify-audit runs the service's verification from this class path (no jar is packaged yet)
    environment.put("ANJIA_CLASSPATH", System.getProperty("java.class.path"));
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        throw new AssertionError(name + " did not end within 2 minutes:\n" + output);
      }
      return new Script(process.exitValue(), output);
    } finally {
      process.destroyForcibly();
    }
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}

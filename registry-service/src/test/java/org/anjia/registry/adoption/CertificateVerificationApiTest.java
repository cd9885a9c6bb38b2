package org.anjia.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.anjia.registry.EngineTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public verification of certificates, as someone holding the paper meets it: the QR code read
 * off the registered PDF leads to an answer with number, kind, date and standing and nothing about
 * the people; a dissolution marks the adoption certificate 已解除; a sealed adoption (民法典 art.
 * 1110) answers valid or not only; every miss is the same 404; and a client address making too many
 * attempts gets 429 until its window ends, counted in PostgreSQL for every replica.
 */
class CertificateVerificationApiTest extends AdoptionIntegrationTest {

  /** Each test from client addresses of its own (IPv4 documentation range), as the load balancer writes them. */
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CertificateVerificationRules rules;

  private record Answer(int status, JsonNode body, HttpHeaders headers) {}

  @Test
  void aRegisteredCertificateVerifiesWithoutPersonalDataAndIsMarkedDissolvedAfterItsDissolution() throws IOException {
    String visitor = newAddress();
    Adoption adoption = registeredAdoption(false);
    JsonNode application = get(family, "/api/applications/" + adoption.id()).body();
    String certificateNumber = lastNote(application);
    byte[] pdf = certificatePdf(adoption, "ADOPTION_CERTIFICATE");
    CertificateQrCodes.Scanned scanned = CertificateQrCodes.scan(pdf);

    assertThat(scanned.url()).as("anjia.certificates.public-base-url").startsWith("http://localhost:8080/verify.html?");
    assertThat(scanned.number()).isEqualTo(certificateNumber);
    assertThat(scanned.code()).matches("[A-HJ-NP-Z2-9]{16}");
    assertThat(text(pdf)).as("the code printed for those who type it in")
        .contains("核验码：" + String.join("-", scanned.code().split("(?<=\\G.{4})")));

    Answer valid = verify(visitor, scanned.number(), scanned.code());
    assertThat(valid.status()).as("%s", valid.body()).isEqualTo(200);
    assertThat(valid.headers().getCacheControl()).as("a standing changes: never cached").contains("no-store");
    assertThat(fields(valid.body())).containsExactlyInAnyOrder("confidential", "kind", "number", "issuedOn", "status");
    assertThat(valid.body().path("kind").asText()).isEqualTo("ADOPTION_REGISTRATION");
    assertThat(valid.body().path("number").asText()).isEqualTo(certificateNumber);
    assertThat(valid.body().path("issuedOn").asText()).isEqualTo(today().toString());
    assertThat(valid.body().path("status").asText()).isEqualTo("VALID");
    assertThat(valid.body().path("confidential").asBoolean()).isFalse();
    assertNoPersonalData(valid.body(), adoption);
    assertThat(verify(visitor, scanned.number(), scanned.code().toLowerCase().replaceAll("(.{4})(?!$)", "$1-"))
        .status()).as("typed off paper: lower case, with the printed hyphens").isEqualTo(200);

    String dissolutionNumber = registeredDissolution(adoption);

    JsonNode dissolved = verify(visitor, scanned.number(), scanned.code()).body();
    assertThat(dissolved.path("status").asText()).isEqualTo("DISSOLVED");
    assertThat(dissolved.path("dissolvedOn").asText()).isEqualTo(today().toString());
    assertThat(dissolved.path("issuedOn").asText()).as("the registration's own date stays").isNotBlank();
    CertificateQrCodes.Scanned dissolution = CertificateQrCodes.scan(certificatePdf(adoption, "DISSOLUTION_CERTIFICATE"));
    assertThat(dissolution.number()).isEqualTo(dissolutionNumber);
    Answer dissolutionAnswer = verify(newAddress(), dissolution.number(), dissolution.code());
    assertThat(dissolutionAnswer.status()).isEqualTo(200);
    assertThat(fields(dissolutionAnswer.body()))
        .containsExactlyInAnyOrder("confidential", "kind", "number", "issuedOn", "status");
    assertThat(dissolutionAnswer.body().path("kind").asText()).isEqualTo("ADOPTION_DISSOLUTION");
    assertThat(dissolutionAnswer.body().path("number").asText()).isEqualTo(dissolutionNumber);
    assertThat(dissolutionAnswer.body().path("issuedOn").asText()).isEqualTo(today().toString());
    assertThat(dissolutionAnswer.body().path("status").asText()).isEqualTo("VALID");
    assertNoPersonalData(dissolutionAnswer.body(), adoption);
    assertThat(dissolutionAnswer.body().toString()).as("nor the adoption it ended").doesNotContain(certificateNumber);

    // every miss looks the same: a guessed neighbour number, a wrong or missing code, another certificate's code
    String neighbour = certificateNumber.replaceAll("(\\d{6})号$", "") + "%06d号".formatted(
        Integer.parseInt(certificateNumber.replaceAll(".*第(\\d{6})号$", "$1")) + 1);
    String wrongCode = (scanned.code().charAt(0) == 'A' ? "B" : "A") + scanned.code().substring(1);
    String missAddress = newAddress();
    Set<JsonNode> misses = new HashSet<>();
    for (Answer miss : new Answer[] {
        verify(missAddress, neighbour, scanned.code()),
        verify(missAddress, scanned.number(), wrongCode),
        verify(missAddress, scanned.number(), null),
        verify(missAddress, scanned.number(), dissolution.code()),
        verify(missAddress, "收登字1999第000001号", scanned.code())}) {
      assertThat(miss.status()).isEqualTo(404);
      assertThat(miss.headers().getContentType()).hasToString("application/problem+json");
      assertThat(miss.body().path("title").asText()).isEqualTo("未找到");
      misses.add(miss.body());
    }
    assertThat(misses).as("the same answer for every kind of miss").hasSize(1);
    assertThat(misses.iterator().next().path("detail").asText()).contains("证号", "核验码");
    JsonNode english = http.get().uri(b -> b.path("/api/certificates/verification").queryParam("number", neighbour)
            .queryParam("code", scanned.code()).build())
        .header("Accept-Language", "en").header("X-Forwarded-For", newAddress())
        .exchange((request, response) -> response.bodyTo(JsonNode.class));
    assertThat(english.path("title").asText()).isEqualTo("Not found");
    assertThat(english.path("detail").asText()).contains("No certificate matches");
  }

  @Test
  void aSealedAdoptionsCertificatesShowOnlyWhetherTheyAreValid() throws IOException {
    Adoption adoption = registeredAdoption(true);
    CertificateQrCodes.Scanned scanned = CertificateQrCodes.scan(certificatePdf(adoption, "ADOPTION_CERTIFICATE"));

    JsonNode sealed = verify(newAddress(), scanned.number(), scanned.code()).body();
    assertThat(fields(sealed)).as("民法典 art. 1110: not even the number or the date")
        .containsExactlyInAnyOrder("confidential", "status");
    assertThat(sealed.path("confidential").asBoolean()).isTrue();
    assertThat(sealed.path("status").asText()).isEqualTo("VALID");

    registeredDissolution(adoption);
    JsonNode ended = verify(newAddress(), scanned.number(), scanned.code()).body();
    assertThat(fields(ended)).containsExactlyInAnyOrder("confidential", "status");
    assertThat(ended.path("status").asText()).as("no longer valid, without the dissolution's date").isEqualTo("NOT_VALID");
    CertificateQrCodes.Scanned dissolution = CertificateQrCodes.scan(certificatePdf(adoption, "DISSOLUTION_CERTIFICATE"));
    JsonNode dissolutionAnswer = verify(newAddress(), dissolution.number(), dissolution.code()).body();
    assertThat(fields(dissolutionAnswer)).containsExactlyInAnyOrder("confidential", "status");
    assertThat(dissolutionAnswer.path("status").asText()).isEqualTo("VALID");
  }

  @Test
  void attemptsBeyondTheLimitAreRefusedUntilTheWindowEndsWhicheverReplicaIsAsked() {
    int limit = rules.verification().attempts();
    assertThat(limit).as("the tests' small limit (RegistryIntegrationTest)").isEqualTo(5);
    String address = newAddress();
    for (int i = 0; i < limit; i++) {
      assertThat(verify(address, "收登字2026第%06d号".formatted(900000 + i), "AAAAAAAAAAAAAAAA").status()).isEqualTo(404);
    }

    Answer refused = verify(address, "收登字2026第999999号", "AAAAAAAAAAAAAAAA");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.body().path("title").asText()).isEqualTo("请求过于频繁");
    long retryAfter = Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, rules.verification().window().toSeconds());
    assertThat(refused.body().path("detail").asText()).contains(retryAfter + "秒后再试");
    assertThat(verify(newAddress(), "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status())
        .as("another address is not held back").isEqualTo(404);

    // the count is a row in PostgreSQL, where every replica adds to it
    assertThat(jdbc.sql("select attempts from request_attempt where purpose = 'certificate-verification' "
        + "and client_address = :address").param("address", address).query(Integer.class).single())
        .isEqualTo(limit + 1);
    String countedElsewhere = newAddress();
    jdbc.sql("insert into request_attempt (purpose, client_address, window_start, attempts) "
            + "values ('certificate-verification', :address, :start, :attempts)")
        .param("address", countedElsewhere).param("start", Timestamp.from(EngineTime.now()))
        .param("attempts", limit).update();
    assertThat(verify(countedElsewhere, "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status())
        .as("attempts another replica counted hold here").isEqualTo(429);

    moveClock(rules.verification().window().plus(Duration.ofSeconds(1)));
    assertThat(verify(address, "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status())
        .as("a new window after the last one ended").isEqualTo(404);
  }

  @Test
  void anIpv6ClientCountsByItsSlash64TheBlockOneSubscriberGets() {
    int block = ADDRESSES.incrementAndGet();
    for (int i = 0; i < rules.verification().attempts(); i++) {
      assertThat(verify("2001:db8:%x:1::%x".formatted(block, i + 1), "收登字2026第999999号", "AAAAAAAAAAAAAAAA")
          .status()).isEqualTo(404);
    }
    assertThat(verify("2001:db8:%x:1:ffff::1".formatted(block), "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status())
        .as("the same /64").isEqualTo(429);
    assertThat(verify("2001:db8:%x:2::1".formatted(block), "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status())
        .as("the next /64").isEqualTo(404);
  }

  @Test
  void aClientWritingItsOwnForwardedForCountsAsTheAddressTheLoadBalancerSaw() {
    // a balancer that appends: the client's own header first (a new address each time), then the one it saw
    String seen = newAddress();
    for (int i = 0; i < rules.verification().attempts(); i++) {
      assertThat(verify(newAddress() + ", " + seen, "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status()).isEqualTo(404);
    }
    assertThat(verify(newAddress() + ", " + seen, "收登字2026第999999号", "AAAAAAAAAAAAAAAA").status())
        .as("counted as the address the balancer saw").isEqualTo(429);
  }

  private Answer verify(String clientAddress, String number, String code) {
    return http.get().uri(b -> {
          b.path("/api/certificates/verification").queryParam("number", number);
          if (code != null) {
            b.queryParam("code", code);
          }
          return b.build();
        })
        .header("X-Forwarded-For", clientAddress)
        .exchange((request, response) -> new Answer(response.getStatusCode().value(),
            response.bodyTo(JsonNode.class), response.getHeaders()));
  }

  private static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.51.%d.%d".formatted(100 + n / 250, 1 + n % 250);
  }

  private static Set<String> fields(JsonNode body) {
    Set<String> names = new HashSet<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Nothing of the adopter, the child, the institution or the registrar, nor the records' ids. */
  private static void assertNoPersonalData(JsonNode answer, Adoption adoption) {
    assertThat(answer.toString()).doesNotContain("王秀英", "林小禾", "福利院", "民政局", "nanchang", "360102",
        adoption.id(), adoption.childId(), adoption.number());
    answer.properties().forEach(field -> assertThat(field.getValue().asText()).doesNotMatch(".*\\d{17}[\\dXx].*"));
  }

  private static String text(byte[] pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}

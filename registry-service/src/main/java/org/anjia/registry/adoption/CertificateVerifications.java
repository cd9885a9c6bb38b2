package org.anjia.registry.adoption;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.anjia.registry.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone holding a certificate (a school, a hukou office, a court) checks it on a public page: the QR
 * code carries the certificate's number and a random verification code (核验码) stored with it, since
 * numbers are sequential and a guessed number alone must verify nothing. The answer names the kind,
 * number, date and whether it still stands, and nothing about the people: no names, ID numbers,
 * child, institution or registrar. A sealed adoption (民法典 art. 1110) answers only valid or not.
 */
@Service
class CertificateVerifications {

  /** 32 letters and digits without the look-alikes 0/O and 1/I, so a code read off paper types back. */
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  /** 16 characters of 5 bits: 80 random bits per certificate. */
  private static final int CODE_LENGTH = 16;

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;
  private final CertificateVerificationRules rules;

  CertificateVerifications(JdbcClient jdbc, CertificateVerificationRules rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  enum Kind { ADOPTION_REGISTRATION, ADOPTION_DISSOLUTION }

  /** VALID and DISSOLVED for an open answer; a sealed adoption's certificates are VALID or NOT_VALID. */
  enum Standing { VALID, DISSOLVED, NOT_VALID }

  /** What the public page shows; the sealed answer has only {@code confidential} and {@code status}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Verification(boolean confidential, Kind kind, String number, LocalDate issuedOn, Standing status,
      LocalDate dissolvedOn) {

    static Verification sealed(boolean valid) {
      return new Verification(true, null, null, null, valid ? Standing.VALID : Standing.NOT_VALID, null);
    }
  }

  /** A new certificate's verification code, and the URL its QR code carries. */
  AdoptionCertificate.Verification issue(String certificateNumber) {
    char[] code = new char[CODE_LENGTH];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    String value = new String(code);
    return new AdoptionCertificate.Verification(value, url(certificateNumber, value));
  }

  String url(String certificateNumber, String code) {
    return rules.publicBaseUrl().replaceAll("/+$", "") + "/verify.html?number="
        + URLEncoder.encode(certificateNumber, StandardCharsets.UTF_8) + "&code=" + code;
  }

  /**
   * The certificate with this number and code. Every miss (no such number, a wrong or missing code, a
   * certificate issued before codes existed) is the same 404.
   */
  @Transactional(readOnly = true)
  Verification verify(String number, String code) {
    String wanted = normalized(code);
    return Optional.ofNullable(number).map(String::trim).filter(n -> !n.isEmpty() && !wanted.isEmpty())
        .flatMap(n -> adoption(n, wanted).or(() -> dissolution(n, wanted)))
        .orElseThrow(() -> new NotFoundException("certificate " + number, "anjia.certificate.notFound"));
  }

  private Optional<Verification> adoption(String number, String code) {
    return jdbc.sql("""
            select r.registered_on, r.verification_code, a.sealed, d.decided_on as dissolved_on
            from adoption_registration r
            join application a on a.id = r.application_id
            left join adoption_dissolution d on d.application_id = r.application_id and d.outcome = 'REGISTERED'
            where r.certificate_number = :number""")
        .param("number", number).query().listOfRows().stream()
        .filter(row -> matches(row, code))
        .map(row -> {
          LocalDate dissolvedOn = date(row.get("dissolved_on"));
          if (Boolean.TRUE.equals(row.get("sealed"))) {
            return Verification.sealed(dissolvedOn == null);
          }
          return new Verification(false, Kind.ADOPTION_REGISTRATION, number, date(row.get("registered_on")),
              dissolvedOn == null ? Standing.VALID : Standing.DISSOLVED, dissolvedOn);
        })
        .findFirst();
  }

  /** A registered dissolution stands for good (a new adoption would be a new registration). */
  private Optional<Verification> dissolution(String number, String code) {
    return jdbc.sql("""
            select d.decided_on, d.verification_code, a.sealed
            from adoption_dissolution d
            join application a on a.id = d.application_id
            where d.certificate_number = :number and d.outcome = 'REGISTERED'""")
        .param("number", number).query().listOfRows().stream()
        .filter(row -> matches(row, code))
        .map(row -> Boolean.TRUE.equals(row.get("sealed")) ? Verification.sealed(true)
            : new Verification(false, Kind.ADOPTION_DISSOLUTION, number, date(row.get("decided_on")),
                Standing.VALID, null))
        .findFirst();
  }

  /** Constant-time, so the time of an answer does not tell how much of a guessed code was right. */
  private static boolean matches(Map<String, Object> row, String code) {
    Object stored = row.get("verification_code");
    return stored != null && MessageDigest.isEqual(stored.toString().getBytes(StandardCharsets.US_ASCII),
        code.getBytes(StandardCharsets.US_ASCII));
  }

  /** As typed from paper: any case, with or without the hyphens and spaces of its printed groups. */
  static String normalized(String code) {
    return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  private static LocalDate date(Object value) {
    return value == null ? null : ((java.sql.Date) value).toLocalDate();
  }
}

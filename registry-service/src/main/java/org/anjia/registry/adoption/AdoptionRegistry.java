package org.anjia.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.anjia.registry.applications.Application;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.applications.DocumentType;
import org.anjia.registry.applications.RejectionReason;
import org.anjia.registry.children.AdoptableChild;
import org.anjia.registry.children.Children;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.FamilyRepository;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.families.MemberRole;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.printing.PrintingSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration (收养登记) and refusal: the two ways an adoption application is decided. */
@Service
class AdoptionRegistry {

  private final Applications applications;
  private final Children children;
  private final FamilyRepository families;
  private final Institutions institutions;
  private final JdbcClient jdbc;
  private final AdoptionRules rules;
  private final CertificateVerifications verifications;
  private final PrintingSettings printing;
  private final Clock clock;

  AdoptionRegistry(Applications applications, Children children, FamilyRepository families,
      Institutions institutions, JdbcClient jdbc, AdoptionRules rules, CertificateVerifications verifications,
      PrintingSettings printing, Clock clock) {
    this.applications = applications;
    this.children = children;
    this.families = families;
    this.institutions = institutions;
    this.jdbc = jdbc;
    this.rules = rules;
    this.verifications = verifications;
    this.printing = printing;
    this.clock = clock;
  }

  /**
   * 民法典 art. 1105: the adoption exists from registration. Issues the certificate number and its
   * PDF, records the adoption on the child's file (discharge, end of any foster placement), and
   * seals both records when the parties asked for secrecy (art. 1110). Idempotent per application.
   */
  @Transactional
  String register(UUID applicationId) {
    String existing = jdbc.sql("select certificate_number from adoption_registration where application_id = :id")
        .param("id", applicationId).query(String.class).optional().orElse(null);
    if (existing != null) {
      return existing;
    }
    Application application = applications.get(applicationId);
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    AdoptableChild child = children.adoptable(application.getChildId()).orElseThrow();
    LocalDate today = LocalDate.now(clock);
    String number = nextNumber(rules.certificatePrefix(), "adoption_certificate_seq");
    AdoptionCertificate.Verification verification = verifications.issue(number);
    byte[] pdf = AdoptionCertificate.registration(number, today, parties(application), application.isConfidential(),
        verification, printing.font());
    UUID certificate = applications.attachGenerated(applicationId, DocumentType.ADOPTION_CERTIFICATE,
        "收养登记证-" + application.getNumber() + ".pdf", "application/pdf", pdf);
    jdbc.sql("""
            insert into adoption_registration (application_id, child_id, certificate_number, registered_on, certificate_id,
              verification_code)
            values (:application, :child, :number, :on, :certificate, :code)""")
        .param("application", applicationId).param("child", child.id()).param("number", number)
        .param("on", today).param("certificate", certificate).param("code", verification.code())
        .update();
    applications.moveTo(applicationId, ApplicationStatus.REGISTERED, Actor.system(), number);
    children.recordAdoption(child.id(), family.getDisplayName(), number, today, application.isConfidential());
    if (application.isConfidential()) {
      applications.sealOnRegistration(applicationId);
    }
    return number;
  }

  /** The adopters (primary caregiver and spouse), the child and the registrar, as the certificates name them. */
  AdoptionCertificate.Parties parties(Application application) {
    Family family = families.findById(application.getFamilyId()).orElseThrow();
    AdoptableChild child = children.adoptable(application.getChildId()).orElseThrow();
    List<String> adopters = family.getMembers().stream()
        .filter(m -> m.getRole() == MemberRole.PRIMARY_CAREGIVER || m.getRole() == MemberRole.SPOUSE)
        .map(HouseholdMember::getName).toList();
    String registrar = institutions.institutions().stream()
        .filter(i -> i.jurisdiction().equals(application.getJurisdictionCode()))
        .map(Institutions.Institution::jurisdictionName).findFirst().orElse(application.getJurisdictionCode());
    return new AdoptionCertificate.Parties(adopters, child.name(), child.sex(), registrar);
  }

  /** The registrar's next certificate number, e.g. 收登字2026第000042号: prefix, year, the sequence's next value. */
  String nextNumber(String prefix, String sequence) {
    return "%s%d第%06d号".formatted(prefix, Year.now(clock).getValue(),
        jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single());
  }

  /** The 收养登记证 number of a registered adoption. */
  String certificateNumber(UUID applicationId) {
    return jdbc.sql("select certificate_number from adoption_registration where application_id = :id")
        .param("id", applicationId).query(String.class).single();
  }

  @Transactional
  void reject(UUID applicationId, Map<String, Object> variables) {
    applications.reject(applicationId, reasons(variables), Actor.system());
  }

  /** The step that refused, latest first: registrar, report, assessment red flag, documents, eligibility. */
  static List<RejectionReason> reasons(Map<String, Object> variables) {
    if ("refuse".equals(variables.get("registrarDecision"))) {
      return List.of(new RejectionReason("REGISTRAR_REVIEW", "中国公民收养子女登记办法 第八条",
          text(variables.get("registrarComments"), "收养登记机关不予登记")));
    }
    if ("not_recommend".equals(variables.get("conclusion"))) {
      return List.of(new RejectionReason("ASSESSMENT_REPORT", "收养评估办法（试行） 第十条",
          text(variables.get("reportSummary"), "收养评估结论为不建议收养")));
    }
    Object redFlag = variables.get("redFlag");
    if (redFlag != null && !"none".equals(redFlag)) {
      return List.of(new RejectionReason("RED_FLAG", "收养评估办法（试行） 第十一条",
          text(variables.get("redFlagFinding"), "评估中发现不宜收养的情形：" + redFlag)));
    }
    if ("reject".equals(variables.get("documentsDecision"))) {
      return List.of(new RejectionReason("DOCUMENTS", "中国公民收养子女登记办法 第六条",
          text(variables.get("documentsNotes"), "申请材料不符合要求")));
    }
    if (variables.get("eligibilityViolations") instanceof List<?> violations && !violations.isEmpty()) {
      return violations.stream().map(Map.class::cast).map(v -> new RejectionReason(text(v.get("rule"), ""),
          text(v.get("article"), ""), text(v.get("reason"), ""))).toList();
    }
    throw new IllegalStateException("Refused without a refusing decision in " + variables.keySet());
  }

  private static String text(Object value, String fallback) {
    String text = Objects.toString(value, "").trim();
    return text.isEmpty() ? fallback : text;
  }
}

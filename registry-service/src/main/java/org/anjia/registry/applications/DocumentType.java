package org.anjia.registry.applications;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Kinds of supporting documents, each for the journeys that ask for it (寄养办法 art. 12(1); 收养登记办法 art. 6). */
public enum DocumentType {
  ID_CARD(ApplicationType.FOSTER_FAMILY_QUALIFICATION, ApplicationType.ADOPTION, ApplicationType.FAMILY_STYLE),
  HUKOU_BOOK(ApplicationType.FOSTER_FAMILY_QUALIFICATION, ApplicationType.ADOPTION),
  INCOME_PROOF(ApplicationType.FOSTER_FAMILY_QUALIFICATION),
  HOUSING_PROOF(ApplicationType.FOSTER_FAMILY_QUALIFICATION),
  HEALTH_CERTIFICATE(ApplicationType.FOSTER_FAMILY_QUALIFICATION, ApplicationType.ADOPTION, ApplicationType.FAMILY_STYLE),
  MEMBERS_CONSENT(ApplicationType.FOSTER_FAMILY_QUALIFICATION),
  // 登记办法 art. 6: what adopters bring besides ID, household register and health certificate
  /** 收养申请书. */
  ADOPTION_APPLICATION_FORM(ApplicationType.ADOPTION),
  /** 婚姻状况和抚养教育能力等情况的证明. */
  MARITAL_STATUS_PROOF(ApplicationType.ADOPTION),
  /** 有无子女的情况声明. */
  CHILDREN_STATEMENT(ApplicationType.ADOPTION),
  /** 生育情况证明, for a child whose birth parents cannot be found. */
  BIRTH_STATUS_PROOF(ApplicationType.ADOPTION),
  /** 收养登记证, issued by the registrar: never uploaded. */
  ADOPTION_CERTIFICATE,
  /** 解除收养关系证明, issued by the registrar: never uploaded. */
  DISSOLUTION_CERTIFICATE,
  /** 结婚证, for a family-style couple (local practice, Xining: a legally married couple). */
  MARRIAGE_CERTIFICATE(ApplicationType.FAMILY_STYLE),
  OTHER(ApplicationType.FOSTER_FAMILY_QUALIFICATION, ApplicationType.ADOPTION, ApplicationType.FAMILY_STYLE);

  private final Set<ApplicationType> uploadableFor;

  DocumentType(ApplicationType... uploadableFor) {
    this.uploadableFor = Set.of(uploadableFor);
  }

  /** What a family or caseworker may upload to an application of this type. */
  public static List<DocumentType> uploadableFor(ApplicationType type) {
    return Arrays.stream(values()).filter(document -> document.uploadableFor.contains(type)).toList();
  }

  boolean isUploadableFor(ApplicationType type) {
    return uploadableFor.contains(type);
  }

  /** Issued by the registrar itself (the certificates): nobody uploads it. */
  boolean isIssued() {
    return uploadableFor.isEmpty();
  }
}

package org.anjia.registry.applications;

/** Kinds of supporting documents (寄养办法 art. 12(1); 收养登记办法 art. 6 for adoption later). */
public enum DocumentType {
  ID_CARD,
  HUKOU_BOOK,
  INCOME_PROOF,
  HOUSING_PROOF,
  HEALTH_CERTIFICATE,
  MEMBERS_CONSENT,
  /** 收养登记证, issued by the registrar. */
  ADOPTION_CERTIFICATE,
  OTHER
}

package org.anjia.registry.children;

/**
 * Documents kept on a child's file: the originals an institution must hold to care for the child
 * and, later, to place the child for adoption (登记办法 art. 7).
 */
public enum ChildDocumentType {
  /** 入院登记: the institution's own record of the admission. */
  ADMISSION_RECORD,
  /** 捡拾报案证明: the police report of the found child (foundlings). */
  FOUNDLING_POLICE_REPORT,
  /** 父母死亡证明 or the court's declaration of death (orphans). */
  PARENTS_DEATH_PROOF,
  /** 残疾证. */
  DISABILITY_CERTIFICATE,
  /** 体检报告. */
  MEDICAL_REPORT,
  PHOTO,
  /** 人民法院指定监护的判决书. */
  GUARDIANSHIP_JUDGMENT,
  OTHER
}

package org.anjia.registry.applications;

/** Where an application stands; labels come from messages (application.status.*), zh-CN first. */
public enum ApplicationStatus {
  SUBMITTED,
  DOCUMENTS_CHECKED,
  HOME_ASSESSED,
  SENT_BACK,
  DIRECTOR_APPROVED,
  TRAINED,
  /** Entered in the register (寄养家庭名册). */
  APPROVED,
  REJECTED,
  // adoption
  /** A married applicant's spouse has not confirmed the joint application yet (民法典 art. 1101). */
  AWAITING_SPOUSE,
  ASSESSMENT_CONSENTED,
  ASSESSED,
  MATCHED,
  INTEGRATION_ASSESSED,
  REPORTED,
  /** 收养登记: the adoption exists from this day (民法典 art. 1105). */
  REGISTERED,
  /** The adopters applied to register an agreed dissolution; the registrar has 30 days (登记办法 art. 10). */
  DISSOLUTION_REQUESTED,
  /** 解除收养关系登记 (民法典 arts. 1114–1116). */
  DISSOLVED;

  public boolean isFinal() {
    return this == APPROVED || this == REJECTED || this == DISSOLVED;
  }
}

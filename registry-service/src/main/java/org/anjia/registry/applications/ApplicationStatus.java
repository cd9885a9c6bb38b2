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
  REJECTED;

  public boolean isFinal() {
    return this == APPROVED || this == REJECTED;
  }
}

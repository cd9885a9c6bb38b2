package org.anjia.registry.applications;

/** Which journey an application belongs to; the prefix makes application numbers readable. */
public enum ApplicationType {
  /** 寄养家庭资格评估 (家庭寄养管理办法 art. 12). */
  FOSTER_FAMILY_QUALIFICATION("FQ");

  private final String numberPrefix;

  ApplicationType(String numberPrefix) {
    this.numberPrefix = numberPrefix;
  }

  public String numberPrefix() {
    return numberPrefix;
  }
}

package org.anjia.registry.applications;

/** Which journey an application belongs to; the prefix makes application numbers readable. */
public enum ApplicationType {
  /** 寄养家庭资格评估 (家庭寄养管理办法 art. 12). */
  FOSTER_FAMILY_QUALIFICATION("FQ"),
  /** 收养 (民法典 arts. 1093–1118; 中国公民收养子女登记办法). */
  ADOPTION("AD");

  private final String numberPrefix;

  ApplicationType(String numberPrefix) {
    this.numberPrefix = numberPrefix;
  }

  public String numberPrefix() {
    return numberPrefix;
  }
}

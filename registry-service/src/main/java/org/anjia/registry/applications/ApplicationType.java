package org.anjia.registry.applications;

/** Which journey an application belongs to; the prefix makes application numbers readable. */
public enum ApplicationType {
  /** 寄养家庭资格评估 (家庭寄养管理办法 art. 12). */
  FOSTER_FAMILY_QUALIFICATION("FQ", ApplicationStatus.APPROVED),
  /** 收养 (民法典 arts. 1093–1118; 中国公民收养子女登记办法). */
  ADOPTION("AD", ApplicationStatus.REGISTERED),
  /** 机构内家庭式养育: a married couple's application to an institution's call (issue 11; local practice). */
  FAMILY_STYLE("FS", ApplicationStatus.APPROVED);

  private final String numberPrefix;
  private final ApplicationStatus granted;

  ApplicationType(String numberPrefix, ApplicationStatus granted) {
    this.numberPrefix = numberPrefix;
    this.granted = granted;
  }

  /**
   * The statuses that decide an application of this journey: granted (entered in the foster
   * register; the adoption registered, 民法典 art. 1105) or rejected. What follows a registered
   * adoption (visits, a dissolution) is no longer the decision on the application.
   */
  public java.util.List<ApplicationStatus> decisions() {
    return java.util.List.of(granted, ApplicationStatus.REJECTED);
  }

  public String numberPrefix() {
    return numberPrefix;
  }
}

package org.anjia.registry.adoption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the adoption journey; defaults and sources in application.yaml (anjia.adoption.*).
 *
 * @param eligibility thresholds of 民法典 arts. 1098, 1100, 1102 for the eligibility DMN, and the age from
 *     which the child must consent (1104), checked before registration
 * @param followUpVisits after registration (local practice: 3, 6 and 12 months)
 * @param certificatePrefix the registrar's prefix of certificate numbers (收养登记证字号)
 * @param ageOfMajority 成年 (民法典 art. 17): before it a dissolution needs the placing party's agreement (art. 1114)
 * @param dissolutionCertificatePrefix the registrar's prefix of dissolution certificate numbers (解除收养关系证明)
 */
@ConfigurationProperties("anjia.adoption")
record AdoptionRules(Eligibility eligibility, List<String> followUpVisits,
    String certificatePrefix, int ageOfMajority, String dissolutionCertificatePrefix) {

  record Eligibility(int minAdopterAge, int maxChildrenWithoutChild, int maxChildrenWithChild,
      int singleAdopterOppositeSexAgeGap, int childConsentAge) {

    Map<String, Object> asVariables() {
      Map<String, Object> rules = new LinkedHashMap<>();
      rules.put("minAdopterAge", minAdopterAge);
      rules.put("maxChildrenWithoutChild", maxChildrenWithoutChild);
      rules.put("maxChildrenWithChild", maxChildrenWithChild);
      rules.put("singleAdopterOppositeSexAgeGap", singleAdopterOppositeSexAgeGap);
      return rules;
    }
  }
}

package org.anjia.registry.fostering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the foster-family journey. Every one is configuration; the defaults and their
 * sources are in application.yaml (anjia.foster.*), and counties override them there.
 *
 * @param eligibility thresholds of 家庭寄养管理办法 arts. 8–9, handed to the eligibility DMN
 * @param registerValidity how long an entry in the foster register stays valid before re-qualification
 * @param registerExpiryWarning how long before its expiry an entry is marked as expiring (local practice)
 * @param maxChildrenPerFamily how many foster children one family may take at once (art. 9)
 * @param placement the numbers of a placement (arts. 11, 14, 16–17)
 * @param renewal when the yearly renewal of an entry opens and reminds, and whose checks count
 */
@ConfigurationProperties("anjia.foster")
record FosterRules(Eligibility eligibility, Period registerValidity, Period registerExpiryWarning,
    int maxChildrenPerFamily, Placement placement, Renewal renewal) {

  /**
   * @param opensBefore the renewal opens this long before the entry's expiry (local practice)
   * @param reminderBefore the family and the caseworker are reminded this long before it (local practice)
   * @param adultAge members this old or older are adults whose checks count (民法典 art. 17; 未成年人保护法 art. 98)
   */
  record Renewal(Period opensBefore, Period reminderBefore, int adultAge) {

    Renewal {
      LocalDate expiry = LocalDate.of(2000, 1, 1);
      if (!expiry.minus(reminderBefore).isAfter(expiry.minus(opensBefore))) {
        throw new IllegalArgumentException(
            "anjia.foster.renewal.reminder-before must be shorter than opens-before: the reminder follows the opening");
      }
    }
  }

  /**
   * @param childConsentAge a child this old or older is placed only with its consent (art. 11)
   * @param minIntegrationDays the shortest integration period an agreement may set (art. 14: 不少于60日)
   * @param visitInterval how often the caseworker visits a placed child (arts. 16–17, local practice)
   * @param maxRespiteDays the longest respite (短期托养) the institution grants (art. 20: 不超过30日)
   */
  record Placement(int childConsentAge, int minIntegrationDays, Period visitInterval, int maxRespiteDays) {

    /** The floor of art. 14 itself: a county may configure a longer minimum, never a shorter one. */
    static final int LEGAL_MIN_INTEGRATION_DAYS = 60;
    /** The ceiling of art. 20 itself: a county may grant shorter respites, never longer ones. */
    static final int LEGAL_MAX_RESPITE_DAYS = 30;

    Placement {
      if (minIntegrationDays < LEGAL_MIN_INTEGRATION_DAYS) {
        throw new IllegalArgumentException("anjia.foster.placement.min-integration-days must be at least "
            + LEGAL_MIN_INTEGRATION_DAYS + " (家庭寄养管理办法 art. 14)");
      }
      if (maxRespiteDays < 1 || maxRespiteDays > LEGAL_MAX_RESPITE_DAYS) {
        throw new IllegalArgumentException("anjia.foster.placement.max-respite-days must be between 1 and "
            + LEGAL_MAX_RESPITE_DAYS + " (家庭寄养管理办法 art. 20)");
      }
    }
  }

  /**
   * @param minLivingSpacePerPerson m² per person, the local average (art. 8(1))
   * @param minIncomePerPerson yuan per person and month, the local middle level (art. 8(2))
   * @param caregiverMinAge primary caregiver at least this old (art. 8(5))
   * @param caregiverMaxAge and at most this old (art. 8(5))
   * @param caregiverMinEducationLevel junior middle school or above = 2 (art. 8(5))
   * @param ownChildMinAge no own child younger than this in the household (art. 9)
   */
  record Eligibility(
      BigDecimal minLivingSpacePerPerson,
      BigDecimal minIncomePerPerson,
      int caregiverMinAge,
      int caregiverMaxAge,
      int caregiverMinEducationLevel,
      int ownChildMinAge) {

    Map<String, Object> asVariables() {
      Map<String, Object> rules = new LinkedHashMap<>();
      rules.put("minLivingSpacePerPerson", minLivingSpacePerPerson);
      rules.put("minIncomePerPerson", minIncomePerPerson);
      rules.put("caregiverMinAge", caregiverMinAge);
      rules.put("caregiverMaxAge", caregiverMaxAge);
      rules.put("caregiverMinEducationLevel", caregiverMinEducationLevel);
      rules.put("ownChildMinAge", ownChildMinAge);
      return rules;
    }
  }
}

package org.anjia.registry.familystyle;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The couple's bar and the contract's defaults (anjia.family-style.couples.*). The provincial plans
 * (Jilin box 4.2, Hubei III(1)) set no numbers: each value is local practice (Xining, spec/domain.md),
 * the age and education bar after 家庭寄养管理办法 art. 8(5); the sources are beside each value in
 * application.yaml.
 */
@ConfigurationProperties("anjia.family-style.couples")
record CoupleRules(int minAge, int maxAge, int minEducationLevel, int minTrainingHours, Period contractTerm,
    List<Period> contractReminders, String contractDuties) {

  CoupleRules {
    if (minAge <= 0 || maxAge < minAge) {
      throw new IllegalArgumentException("anjia.family-style.couples: min-age/max-age " + minAge + "/" + maxAge);
    }
    if (contractTerm == null || contractTerm.isZero() || contractTerm.isNegative()) {
      throw new IllegalArgumentException("anjia.family-style.couples.contract-term must be positive");
    }
    // family-style-qualification.bpmn has two reminder timers before the contract's end
    if (contractReminders == null || contractReminders.size() != 2) {
      throw new IllegalArgumentException("anjia.family-style.couples.contract-reminders needs two periods (first, second)");
    }
    if (minTrainingHours < 1 || contractDuties == null || contractDuties.isBlank()) {
      throw new IllegalArgumentException("anjia.family-style.couples: min-training-hours and contract-duties are required");
    }
  }

  /** The thresholds the eligibility DMN reads as {@code rules}. */
  Map<String, Object> asVariables() {
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("minAge", minAge);
    rules.put("maxAge", maxAge);
    rules.put("minEducationLevel", minEducationLevel);
    return rules;
  }
}

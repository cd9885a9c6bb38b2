package org.anjia.registry.familystyle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The residence units' numbers (机构内家庭式养育). Both are local practice (Xining, spec/domain.md
 * "In-institution family-style care"), not law: defaults and sources in application.yaml
 * (anjia.family-style.*), overridden per institution there.
 *
 * @param unitCapacity how many children a unit holds at most, and the capacity a new unit gets (default 6)
 * @param reviewInterval how often each unit is reviewed (default P3M, quarterly)
 */
@Validated
@ConfigurationProperties("anjia.family-style")
record UnitRules(@Min(1) @Max(12) int unitCapacity, @NotNull Period reviewInterval) {

  UnitRules {
    if (reviewInterval != null && (reviewInterval.isNegative() || reviewInterval.isZero())) {
      throw new IllegalArgumentException("anjia.family-style.review-interval must be a positive period (e.g. P3M)");
    }
  }
}

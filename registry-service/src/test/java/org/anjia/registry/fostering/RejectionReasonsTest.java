package org.anjia.registry.fostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionReasonsTest {

  @Test
  void unmetEligibilityRulesBecomeTheReasons() {
    var reasons = RejectionReasons.from(Map.of("eligibilityViolations", List.of(
        Map.of("rule", "CAREGIVER_AGE", "article", "家庭寄养管理办法 第八条第(五)项", "reason", "主要照料人年龄须在30至65周岁之间"),
        Map.of("rule", "INCOME", "article", "家庭寄养管理办法 第八条第(二)项", "reason", "家庭人均收入须达到当地中等水平"))));

    assertThat(reasons).extracting(r -> r.rule()).containsExactly("CAREGIVER_AGE", "INCOME");
  }

  @Test
  void directorsRefusalAfterASendBackIsTheReason() {
    var reasons = RejectionReasons.from(Map.of(
        "eligibilityViolations", List.of(),
        "documentsDecision", "complete",
        "directorDecision", "reject",
        "directorComments", "评估发现照料能力不足"));

    assertThat(reasons).singleElement().satisfies(r -> {
      assertThat(r.rule()).isEqualTo("DIRECTOR_REVIEW");
      assertThat(r.reason()).isEqualTo("评估发现照料能力不足");
      assertThat(r.article()).contains("第十二条");
    });
  }

  @Test
  void documentRefusalWithoutNotesGetsAPlainReason() {
    assertThat(RejectionReasons.from(Map.of("documentsDecision", "reject")))
        .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("申请材料不符合要求"));
  }

  @Test
  void aRejectionWithoutAnyRefusingDecisionIsAnError() {
    assertThatThrownBy(() -> RejectionReasons.from(Map.of("eligibilityViolations", List.of())))
        .isInstanceOf(IllegalStateException.class);
  }
}

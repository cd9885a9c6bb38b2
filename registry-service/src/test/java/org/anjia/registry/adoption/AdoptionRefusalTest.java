package org.anjia.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdoptionRefusalTest {

  @Test
  void anArticle11RedFlagIsTheReasonWithItsFinding() {
    assertThat(AdoptionRegistry.reasons(Map.of("redFlag", "domestic_violence", "redFlagFinding", "邻居证实长期家暴")))
        .singleElement().satisfies(r -> {
          assertThat(r.rule()).isEqualTo("RED_FLAG");
          assertThat(r.article()).contains("第十一条");
          assertThat(r.reason()).isEqualTo("邻居证实长期家暴");
        });
  }

  @Test
  void aNotRecommendedReportOutranksEarlierSteps() {
    assertThat(AdoptionRegistry.reasons(Map.of("redFlag", "none", "documentsDecision", "complete",
        "conclusion", "not_recommend"))).singleElement()
        .satisfies(r -> assertThat(r.rule()).isEqualTo("ASSESSMENT_REPORT"));
  }

  @Test
  void unmetEligibilityRulesKeepTheirArticles() {
    assertThat(AdoptionRegistry.reasons(Map.of("eligibilityViolations", List.of(Map.of("rule", "ADOPTER_AGE",
        "article", "民法典 第一千零九十八条第(五)项", "reason", "收养人须年满30周岁")))))
        .singleElement().satisfies(r -> assertThat(r.article()).contains("第一千零九十八条"));
  }
}

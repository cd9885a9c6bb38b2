package org.anjia.registry.fostering;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.anjia.registry.applications.RejectionReason;

/**
 * Why a qualification was refused, from the variables of the step that refused it: the director's
 * review (art. 12(3)), the document check (art. 12(1)), or the unmet rules of arts. 8–9 the DMN found.
 * The latest decision wins: a director's refusal after a send-back is the one that counts.
 */
final class RejectionReasons {

  static final String DIRECTOR_ARTICLE = "家庭寄养管理办法 第十二条第(三)项";
  static final String DOCUMENTS_ARTICLE = "家庭寄养管理办法 第十二条第(一)项";

  private RejectionReasons() {}

  static List<RejectionReason> from(Map<String, Object> variables) {
    if ("reject".equals(variables.get(FosterQualification.DIRECTOR_DECISION))) {
      return List.of(new RejectionReason("DIRECTOR_REVIEW", DIRECTOR_ARTICLE,
          text(variables.get(FosterQualification.DIRECTOR_COMMENTS), "机构审核未予批准")));
    }
    if ("reject".equals(variables.get(FosterQualification.DOCUMENTS_DECISION))) {
      return List.of(new RejectionReason("DOCUMENTS", DOCUMENTS_ARTICLE,
          text(variables.get(FosterQualification.DOCUMENTS_NOTES), "申请材料不符合要求")));
    }
    if (variables.get(FosterQualification.ELIGIBILITY_VIOLATIONS) instanceof List<?> violations
        && !violations.isEmpty()) {
      return violations.stream()
          .map(Map.class::cast)
          .map(v -> new RejectionReason(text(v.get("rule"), ""), text(v.get("article"), ""), text(v.get("reason"), "")))
          .toList();
    }
    throw new IllegalStateException("Rejected without a reason: no refusing decision in " + variables.keySet());
  }

  private static String text(Object value, String fallback) {
    String text = Objects.toString(value, "").trim();
    return text.isEmpty() ? fallback : text;
  }
}

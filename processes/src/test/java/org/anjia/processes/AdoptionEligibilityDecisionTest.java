package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.history.HistoricDecisionInstance;
import org.operaton.bpm.engine.history.HistoricDecisionOutputInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.repository.DecisionDefinition;

/**
 * The adoption eligibility decision (processes/adoption-eligibility.dmn, 民法典 arts. 1093, 1098,
 * 1100–1102) evaluated on the real engine of {@link ProcessTestEngine} (deployed with every
 * model and form) through the engine's {@link DecisionService}, with the facts as the
 * {@link DecisionTable} delegate hands them over: the map written as JSON text (the process variable
 * {@code eligibilityFacts}) and read back.
 *
 * <p>Every case starts from {@link #eligibleApplication()}, a married couple adopting one child whose
 * birth parents have special hardship (so that no art. 1100 para 2 exemption applies), and changes
 * what the case is about. The decision's result is the list of unmet rules, empty when none is (a
 * COLLECT with no match gives [] on this engine). The matched rows come from the engine's history
 * of the evaluation.
 */
class AdoptionEligibilityDecisionTest extends JourneyProcessTest {

  private static final String DECISION_ID = "adoption-eligibility";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each evaluation gets its own engine time, so its history entry is found by evaluation time. */
  private static final AtomicLong EVALUATIONS = new AtomicLong();

  private DecisionService decisions;

  /** One evaluation: the decision's result (empty when eligible) and the ids of the rows that matched. */
  private record Evaluation(List<Map<String, Object>> violations, List<String> matchedRuleIds) {

    List<Object> ruleCodes() {
      return violations.stream().map(v -> v.get("rule")).toList();
    }
  }

  @BeforeEach
  void decisionService() {
    decisions = ENGINE.getDecisionService();
  }

  @Test
  @DisplayName("the decision is deployed with the repository's models, with its name and a history time to live")
  void theDecisionIsDeployed() {
    DecisionDefinition definition = ENGINE.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_ID).latestVersion().singleResult();
    assertThat(definition.getName()).isEqualTo("收养条件 Adoption eligibility");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
  }

  // ---- all met ----------------------------------------------------------------------------------

  @Test
  @DisplayName("a married couple meeting every rule: no row matches, the result is empty")
  void everyRuleMetGivesNoViolation() {
    Evaluation evaluation = evaluate(eligibleApplication());

    assertThat(evaluation.violations()).isEmpty();
    assertThat(evaluation.matchedRuleIds()).isEmpty();
  }

  // ---- each rule unmet in isolation -------------------------------------------------------------

  static Stream<Arguments> applicationsFailingOneRule() {
    return Stream.of(
        Arguments.of("first adopter aged 29", adopter(0, "age", 29), "ADOPTER_AGE"),
        Arguments.of("second adopter (spouse) aged 29", adopter(1, "age", 29), "ADOPTER_AGE"),
        Arguments.of("adopter's age unknown", adopter(0, "age", null), "ADOPTER_AGE"),
        Arguments.of("adopter unable to raise and protect", adopter(1, "canRaiseAndProtect", false),
            "ADOPTER_CAPACITY"),
        Arguments.of("capacity not yet assessed (null)", adopter(0, "canRaiseAndProtect", null), "ADOPTER_CAPACITY"),
        Arguments.of("adopter with a disqualifying illness", adopter(0, "hasDisqualifyingIllness", true),
            "ADOPTER_HEALTH"),
        Arguments.of("illness unknown (null)", adopter(1, "hasDisqualifyingIllness", null), "ADOPTER_HEALTH"),
        Arguments.of("adopter with a harmful criminal record", adopter(1, "hasHarmfulCriminalRecord", true),
            "ADOPTER_RECORD"),
        Arguments.of("record unknown (null)", adopter(0, "hasHarmfulCriminalRecord", null), "ADOPTER_RECORD"),
        Arguments.of("two existing children, child not exempt", top("existingChildren", 2), "CHILDREN_COUNT"),
        Arguments.of("existing children unknown (null)", top("existingChildren", null), "CHILDREN_COUNT"),
        Arguments.of("married, spouse not applying (wife alone, adopting a girl)", marriedApplicantAlone(),
            "JOINT_ADOPTION"),
        Arguments.of("marital status unknown (null)", top("married", null), "JOINT_ADOPTION"),
        Arguments.of("two unmarried people applying together", top("married", false), "JOINT_ADOPTION"),
        Arguments.of("single man 45 adopting a girl of 6", singleAdopter(45, "MALE", 6, "FEMALE"), "AGE_GAP"),
        Arguments.of("child in none of the art. 1093 categories", child("parentsInSpecialHardship", false),
            "ADOPTABLE_CHILD"),
        Arguments.of("child aged 18 (not a minor)", child("age", 18), "ADOPTABLE_CHILD"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("applicationsFailingOneRule")
  void oneUnmetRuleIsReportedAlone(String description, Consumer<Map<String, Object>> change, String ruleCode) {
    Map<String, Object> application = eligibleApplication();
    change.accept(application);

    Evaluation evaluation = evaluate(application);

    assertThat(evaluation.ruleCodes()).containsExactly(ruleCode);
    assertThat(evaluation.matchedRuleIds()).containsExactly("Rule_" + ruleCode);
    Map<String, Object> violation = evaluation.violations().get(0);
    assertThat(violation).containsOnlyKeys("rule", "article", "reason");
    assertThat(violation.get("article")).asString().startsWith("民法典 第");
    assertThat(violation.get("reason")).asString().isNotBlank();
  }

  @Test
  void reasonsQuoteTheConfiguredNumbersAndArticlesCiteTheCode() {
    Map<String, Object> application = eligibleApplication();
    adopter(0, "age", 29).accept(application);
    application.put("existingChildren", 2);

    Map<String, Map<String, Object>> byRule = byRule(evaluate(application));

    assertThat(byRule).containsOnlyKeys("ADOPTER_AGE", "CHILDREN_COUNT");
    assertThat(byRule.get("ADOPTER_AGE")).containsEntry("article", "民法典 第一千零九十八条第(五)项");
    assertThat(byRule.get("ADOPTER_AGE").get("reason")).asString().contains("年满30周岁");
    assertThat(byRule.get("CHILDREN_COUNT")).containsEntry("article", "民法典 第一千零九十八条第(一)项、第一千一百条");
    assertThat(byRule.get("CHILDREN_COUNT").get("reason")).asString()
        .contains("最多可以收养2名子女", "只能收养1名子女", "孤儿");

    // a locally configured number is what the family reads
    Map<String, Object> rules = rules();
    rules.put("minAdopterAge", 35);
    application.put("rules", rules);
    assertThat(byRule(evaluate(application)).get("ADOPTER_AGE").get("reason")).asString().contains("年满35周岁");
  }

  @Test
  void everyUnmetRuleIsListedInTableOrder() {
    Map<String, Object> application = eligibleApplication();
    adopter(1, "age", 25).accept(application);
    adopter(0, "hasHarmfulCriminalRecord", true).accept(application);
    application.put("existingChildren", 3);
    application.put("spouseApplyingJointly", false);

    assertThat(evaluate(application).ruleCodes())
        .containsExactly("ADOPTER_AGE", "ADOPTER_RECORD", "CHILDREN_COUNT", "JOINT_ADOPTION");
  }

  @Test
  @DisplayName("with nothing known about the application every rule counts as unmet, and the evaluation does not fail")
  void missingDataIsUnmet() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("rules", rules());

    assertThat(evaluate(variables).ruleCodes()).containsExactly("ADOPTER_AGE", "ADOPTER_CAPACITY", "ADOPTER_HEALTH",
        "ADOPTER_RECORD", "CHILDREN_COUNT", "JOINT_ADOPTION", "AGE_GAP", "ADOPTABLE_CHILD");
  }

  @Test
  void anEmptyListOfAdoptersMeetsNoAdopterRule() {
    Map<String, Object> application = eligibleApplication();
    application.put("adopters", List.of());

    assertThat(evaluate(application).ruleCodes()).containsExactly("ADOPTER_AGE", "ADOPTER_CAPACITY",
        "ADOPTER_HEALTH", "ADOPTER_RECORD", "JOINT_ADOPTION", "AGE_GAP");
  }

  // ---- art. 1100 para 2: exemptions from the children limit -------------------------------------

  static Stream<Arguments> exemptChildren() {
    return Stream.of(
        Arguments.of("an orphan (孤儿)", (Consumer<Map<String, Object>>) child -> {
          child.put("isOrphan", true);
          child.put("parentsInSpecialHardship", false);
        }),
        Arguments.of("a disabled child (残疾未成年人) of parents in hardship",
            (Consumer<Map<String, Object>>) child -> child.put("isDisabled", true)),
        Arguments.of("an institution foundling (查找不到生父母的机构儿童)", (Consumer<Map<String, Object>>) child -> {
          child.put("isInstitutionFoundling", true);
          child.put("parentsCannotBeFound", true);
          child.put("parentsInSpecialHardship", false);
        }));
  }

  @ParameterizedTest(name = "a family with 2 children may adopt {0}")
  @MethodSource("exemptChildren")
  void exemptChildLiftsTheChildrenLimit(String description, Consumer<Map<String, Object>> exemptChild) {
    Map<String, Object> application = eligibleApplication();
    application.put("existingChildren", 2);
    exemptChild.accept(child(application));

    assertThat(evaluate(application).violations()).isEmpty();

    // the same family adopting a child who is none of these is refused on the number of children
    Map<String, Object> sameFamily = eligibleApplication();
    sameFamily.put("existingChildren", 2);
    assertThat(evaluate(sameFamily).ruleCodes()).containsExactly("CHILDREN_COUNT");
  }

  @Test
  void exemptionAlsoCoversFamiliesWithManyChildren() {
    Map<String, Object> application = eligibleApplication();
    application.put("existingChildren", 4);
    child(application).put("isDisabled", true);

    assertThat(evaluate(application).violations()).isEmpty();
  }

  static Stream<Arguments> childrenCounts() {
    return Stream.of(
        Arguments.of(0, true),  // childless: first adoption, up to two in all
        Arguments.of(1, true),  // one child: 1098(1) allows it; 1100 allows one more
        Arguments.of(2, false),
        Arguments.of(3, false),
        Arguments.of(-1, false)); // nonsense counts as unmet
  }

  @ParameterizedTest(name = "{0} existing children, child not exempt -> eligible: {1}")
  @MethodSource("childrenCounts")
  void childrenLimitWithoutExemption(int existingChildren, boolean eligible) {
    Map<String, Object> application = eligibleApplication();
    application.put("existingChildren", existingChildren);

    assertThat(evaluate(application).ruleCodes())
        .isEqualTo(eligible ? List.of() : List.of("CHILDREN_COUNT"));
  }

  // ---- art. 1102: age gap of a single adopter ----------------------------------------------------

  static Stream<Arguments> singleAdopters() {
    return Stream.of(
        Arguments.of("single man 45, girl of 6 (39 years)", singleAdopter(45, "MALE", 6, "FEMALE"), false),
        Arguments.of("single man 46, girl of 6 (40 years exactly)", singleAdopter(46, "MALE", 6, "FEMALE"), true),
        Arguments.of("single man 47, girl of 6 (41 years)", singleAdopter(47, "MALE", 6, "FEMALE"), true),
        Arguments.of("single woman 45, girl of 6 (same sex)", singleAdopter(45, "FEMALE", 6, "FEMALE"), true),
        Arguments.of("single man 35, boy of 6 (same sex)", singleAdopter(35, "MALE", 6, "MALE"), true),
        Arguments.of("single woman 45, boy of 6 (39 years)", singleAdopter(45, "FEMALE", 6, "MALE"), false),
        Arguments.of("single adopter 45 of unknown sex, girl of 6", singleAdopter(45, null, 6, "FEMALE"), false),
        Arguments.of("single adopter 50 of unknown sex, girl of 6", singleAdopter(50, null, 6, "FEMALE"), true),
        Arguments.of("single man 45, child of unknown sex", singleAdopter(45, "MALE", 6, null), false),
        Arguments.of("married couple 35 and 33, girl of 6 (art. 1102 does not apply)",
            (Consumer<Map<String, Object>>) application -> child(application).put("age", 6), true));
  }

  @ParameterizedTest(name = "{0} -> eligible: {2}")
  @MethodSource("singleAdopters")
  void ageGapOfASingleAdopter(String description, Consumer<Map<String, Object>> change, boolean eligible) {
    Map<String, Object> application = eligibleApplication();
    change.accept(application);

    assertThat(evaluate(application).ruleCodes()).isEqualTo(eligible ? List.of() : List.of("AGE_GAP"));
  }

  @Test
  void ageGapReasonQuotesTheConfiguredGap() {
    Map<String, Object> application = eligibleApplication();
    singleAdopter(45, "MALE", 6, "FEMALE").accept(application);

    Map<String, Object> violation = byRule(evaluate(application)).get("AGE_GAP");
    assertThat(violation).containsEntry("article", "民法典 第一千一百零二条");
    assertThat(violation.get("reason")).asString().contains("相差40周岁以上");
  }

  // ---- art. 1104 is not decided here: an official hears the child (registry ChildConsents) -------

  @ParameterizedTest(name = "child aged {0}: eligible without any consent fact")
  @ValueSource(ints = {0, 7, 8, 12})
  void theChildsConsentIsNotAnEligibilityFact(int age) {
    Map<String, Object> application = eligibleApplication();
    child(application).put("age", age);

    assertThat(evaluate(application).ruleCodes()).isEmpty();
  }

  @Test
  void childOfUnknownAgeIsNotAMinor() {
    Map<String, Object> application = eligibleApplication();
    child(application).put("age", null);

    assertThat(evaluate(application).ruleCodes()).containsExactly("ADOPTABLE_CHILD");
  }

  // ---- art. 1098(5): age boundary ---------------------------------------------------------------

  static Stream<Arguments> adopterAges() {
    return Stream.of(Arguments.of(29, false), Arguments.of(30, true), Arguments.of(31, true));
  }

  @ParameterizedTest(name = "both spouses aged {0} -> eligible: {1}")
  @MethodSource("adopterAges")
  void adopterAgeBoundary(int age, boolean eligible) {
    Map<String, Object> application = eligibleApplication();
    adopter(0, "age", age).accept(application);
    adopter(1, "age", age).accept(application);

    assertThat(evaluate(application).ruleCodes()).isEqualTo(eligible ? List.of() : List.of("ADOPTER_AGE"));
  }

  @ParameterizedTest(name = "single woman aged {0} adopting a girl -> eligible: {1}")
  @MethodSource("adopterAges")
  void singleAdopterAgeBoundary(int age, boolean eligible) {
    Map<String, Object> application = eligibleApplication();
    singleAdopter(age, "FEMALE", 3, "FEMALE").accept(application);

    assertThat(evaluate(application).ruleCodes()).isEqualTo(eligible ? List.of() : List.of("ADOPTER_AGE"));
  }

  // ---- art. 1093: who may be adopted -------------------------------------------------------------

  static Stream<Arguments> adoptableChildren() {
    return Stream.of(
        Arguments.of("orphan", "isOrphan"),
        Arguments.of("birth parents cannot be found", "parentsCannotBeFound"),
        Arguments.of("institution foundling", "isInstitutionFoundling"),
        Arguments.of("birth parents with special hardship", "parentsInSpecialHardship"));
  }

  @ParameterizedTest(name = "{0} may be adopted")
  @MethodSource("adoptableChildren")
  void eachArticle1093CategoryIsAdoptable(String description, String flag) {
    Map<String, Object> application = eligibleApplication();
    Map<String, Object> child = child(application);
    child.put("parentsInSpecialHardship", false);
    child.put(flag, true);

    assertThat(evaluate(application).violations()).isEmpty();
  }

  @Test
  void childAged17IsStillAMinor() {
    Map<String, Object> application = eligibleApplication();
    child(application).put("age", 17);

    assertThat(evaluate(application).violations()).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * A married couple (35 and 33, no children) adopting a girl of 5 whose birth parents have special
   * hardship: every rule met, no exemption of art. 1100 para 2. HashMaps: values may be set to null.
   */
  private static Map<String, Object> eligibleApplication() {
    List<Map<String, Object>> adopters = new ArrayList<>();
    adopters.add(adopterOf(35, "MALE"));
    adopters.add(adopterOf(33, "FEMALE"));

    Map<String, Object> child = new HashMap<>();
    child.put("age", 5);
    child.put("sex", "FEMALE");
    child.put("isOrphan", false);
    child.put("isDisabled", false);
    child.put("isInstitutionFoundling", false);
    child.put("parentsCannotBeFound", false);
    child.put("parentsInSpecialHardship", true);

    Map<String, Object> application = new HashMap<>();
    application.put("adopters", adopters);
    application.put("married", true);
    application.put("spouseApplyingJointly", true);
    application.put("existingChildren", 0);
    application.put("child", child);
    application.put("rules", rules());
    return application;
  }

  private static Map<String, Object> adopterOf(int age, String sex) {
    Map<String, Object> adopter = new HashMap<>();
    adopter.put("age", age);
    adopter.put("sex", sex);
    adopter.put("hasDisqualifyingIllness", false);
    adopter.put("hasHarmfulCriminalRecord", false);
    adopter.put("canRaiseAndProtect", true);
    return adopter;
  }

  /** The statutory defaults (民法典 arts. 1098(5), 1100, 1102, 1104). */
  private static Map<String, Object> rules() {
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("minAdopterAge", 30);
    rules.put("maxChildrenWithoutChild", 2);
    rules.put("maxChildrenWithChild", 1);
    rules.put("singleAdopterOppositeSexAgeGap", 40);
    return rules;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> adopters(Map<String, Object> application) {
    return (List<Map<String, Object>>) application.get("adopters");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> application) {
    return (Map<String, Object>) application.get("child");
  }

  private static Consumer<Map<String, Object>> top(String field, Object value) {
    return application -> application.put(field, value);
  }

  private static Consumer<Map<String, Object>> adopter(int index, String field, Object value) {
    return application -> adopters(application).get(index).put(field, value);
  }

  private static Consumer<Map<String, Object>> child(String field, Object value) {
    return application -> child(application).put(field, value);
  }


  /** One unmarried adopter of the given age and sex, adopting a child of the given age and sex. */
  private static Consumer<Map<String, Object>> singleAdopter(int age, String sex, int childAge, String childSex) {
    return application -> {
      List<Map<String, Object>> adopters = new ArrayList<>();
      adopters.add(adopterOf(age, sex));
      application.put("adopters", adopters);
      application.put("married", false);
      application.put("spouseApplyingJointly", false);
      child(application).put("age", childAge);
      child(application).put("sex", childSex);
    };
  }

  /** The wife applies alone although married: she adopts a girl, so art. 1102 is met and only 1101 fails. */
  private static Consumer<Map<String, Object>> marriedApplicantAlone() {
    return application -> {
      adopters(application).remove(0);
      application.put("spouseApplyingJointly", false);
    };
  }

  /**
   * Evaluates the decision as {@link DecisionTable} does: facts as JSON text, read back into a map, on
   * the engine's DecisionService; the matched rows from the evaluation's history entry.
   */
  private Evaluation evaluate(Map<String, Object> application) {
    Instant evaluatedAt = START.plusSeconds(EVALUATIONS.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));
    Map<String, Object> facts;
    try {
      facts = JSON.readValue(JSON.writeValueAsString(application), new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION_ID).variables(facts).evaluate();

    List<HistoricDecisionInstance> evaluated = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(DECISION_ID).evaluatedAfter(Date.from(evaluatedAt.minusMillis(1)))
        .evaluatedBefore(Date.from(evaluatedAt.plusMillis(1))).includeOutputs().list();
    assertThat(evaluated).as("this evaluation in the engine's history").hasSize(1);
    List<String> matchedRuleIds = evaluated.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
        .distinct().toList();
    List<Map<String, Object>> violations = result.getResultList();
    assertThat(violations).as("COLLECT result: one entry per matched row").hasSameSizeAs(matchedRuleIds);
    return new Evaluation(violations, matchedRuleIds);
  }

  private static Map<String, Map<String, Object>> byRule(Evaluation evaluation) {
    Map<String, Map<String, Object>> byRule = new LinkedHashMap<>();
    evaluation.violations().forEach(v -> byRule.put((String) v.get("rule"), v));
    return byRule;
  }
}

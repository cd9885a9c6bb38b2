package org.anjia.processes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/**
 * The eligibility decisions of every journey (business rule tasks, {@code ${decisionTable}}): evaluates
 * the decision named by the task's input {@code decision} on the facts in the JSON text of its input
 * {@code facts}, and stores the unmet rules as JSON text in {@code eligibilityViolations} and
 * {@code eligible}. Facts travel as JSON text because process variables stay primitive here: the
 * engine would store a map Java-serialized (no Spin JSON in this mirror, runtime.md). Pure function
 * of its inputs, so a retried evaluation gives the same answer.
 */
public class DecisionTable implements JavaDelegate {

  public static final String BEAN = "decisionTable";
  public static final String VIOLATIONS = "eligibilityViolations";
  public static final String ELIGIBLE = "eligible";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String decision = (String) execution.getVariableLocal("decision");
    Map<String, Object> facts = JSON.readValue((String) execution.getVariableLocal("facts"), new TypeReference<>() {});
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    List<Map<String, Object>> unmet = decisions.evaluateDecisionByKey(decision).variables(facts).evaluate()
        .getResultList();
    execution.setVariable(VIOLATIONS, JSON.writeValueAsString(unmet));
    execution.setVariable(ELIGIBLE, unmet.isEmpty());
  }
}

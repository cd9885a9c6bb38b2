package org.anjia.registry.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjia.processes.DecisionTable;
import org.operaton.bpm.engine.delegate.DelegateExecution;

/**
 * Process variables are primitive or JSON text (runtime.md: no Java-serialized objects). This turns
 * lists and maps into JSON text on the way into the engine, and the engine's JSON-text variables
 * (the unmet rules of a decision) back into lists on the way out, for the delegates.
 */
public final class ProcessVariables {

  /** Variables the models hold as JSON text. */
  private static final Set<String> JSON_TEXT = Set.of(DecisionTable.VIOLATIONS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessVariables() {}

  /** The values an engine can store as they are: lists and maps as JSON text. */
  public static Map<String, Object> storable(Map<String, Object> variables) {
    Map<String, Object> storable = new LinkedHashMap<>();
    variables.forEach((name, value) -> storable.put(name, value instanceof Collection<?> || value instanceof Map<?, ?>
        ? json(value) : value));
    return storable;
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The execution's variables with the JSON-text ones read back as lists. */
  public static Map<String, Object> of(DelegateExecution execution) {
    Map<String, Object> variables = new LinkedHashMap<>(execution.getVariables());
    for (String name : JSON_TEXT) {
      if (variables.get(name) instanceof String text) {
        try {
          variables.put(name, JSON.readValue(text, new TypeReference<List<Object>>() {}));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Variable " + name + " holds no JSON list", e);
        }
      }
    }
    return variables;
  }

  /** The case's id: every process of a case carries it as business key. */
  public static UUID caseId(DelegateExecution execution) {
    return UUID.fromString(execution.getProcessBusinessKey());
  }
}

package org.anjia.registry.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Names of the deployed models' elements, read from the same BPMN files the service deploys. The
 * exporter's user-task records carry element ids only; people read the names.
 */
@Component
public class ProcessCatalog {

  private final Map<String, Map<String, String>> names = new HashMap<>();
  private final Map<String, String> processNames = new HashMap<>();

  ProcessCatalog() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/processes/*.bpmn")) {
        try (InputStream in = resource.getInputStream()) {
          read(Bpmn.readModelFromStream(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(BpmnModelInstance model) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      processNames.put(process.getId(), process.getName());
      Map<String, String> elements = names.computeIfAbsent(process.getId(), id -> new HashMap<>());
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          elements.put(element.getId(), element.getName());
        }
      }
    }
  }

  /** The element's name, or its id when the model gives none. */
  public String elementName(String processId, String elementId) {
    return names.getOrDefault(processId, Map.of()).getOrDefault(elementId, elementId);
  }

  public String processName(String processId) {
    return processNames.getOrDefault(processId, processId);
  }
}

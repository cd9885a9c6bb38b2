package org.anjia.registry.engine;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Names of the deployed models' elements, read from the same BPMN files the service deploys: the
 * worklist's query carries element ids only; people read the names. Models name every
 * element "中文 English" (Chinese first, then the English after the first space that precedes a
 * Latin letter); a reader gets the part in their language.
 */
@Component
public class ProcessCatalog {

  /** Where the English half of a "中文 English" name starts: a space, then a Latin letter. */
  private static final Pattern ENGLISH_PART = Pattern.compile("\\s(?=[A-Za-z])");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  private final Map<String, Map<String, String>> names = new HashMap<>();
  private final Map<String, String> processNames = new HashMap<>();
  /** Processes with a user task: the journeys people work in (not the background ones), sorted by id. */
  private final Set<String> worked = new TreeSet<>();

  /** A process as people choose it: its key and its name in the request's language. */
  public record NamedProcess(String id, String name) {}

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
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ModelElementInstance parent = task.getParentElement();
      // a task may sit in a subprocess: its process is the nearest enclosing one
      while (!(parent instanceof Process process)) {
        parent = parent.getParentElement();
      }
      worked.add(process.getId());
    }
  }

  /** The processes with tasks for people, each named in the request's language: the worklist's process filter. */
  public List<NamedProcess> processesWithUserTasks() {
    return worked.stream().map(id -> new NamedProcess(id, processName(id))).toList();
  }

  /** The element's name in the request's language, or its id when the model gives none. */
  public String elementName(String processId, String elementId) {
    return localized(names.getOrDefault(processId, Map.of()).getOrDefault(elementId, elementId));
  }

  public String processName(String processId) {
    return localized(processNames.getOrDefault(processId, processId));
  }

  static String localized(String bilingualName, Locale locale) {
    Matcher matcher = ENGLISH_PART.matcher(bilingualName);
    if (!matcher.find() || !CHINESE.matcher(bilingualName.substring(0, matcher.start())).find()) {
      return bilingualName;
    }
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    return english ? bilingualName.substring(matcher.start()).trim() : bilingualName.substring(0, matcher.start()).trim();
  }

  private static String localized(String bilingualName) {
    return localized(bilingualName, LocaleContextHolder.getLocale());
  }
}

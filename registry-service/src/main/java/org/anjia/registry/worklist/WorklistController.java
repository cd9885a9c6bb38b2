package org.anjia.registry.worklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anjia.registry.engine.ProcessCatalog;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.NotFoundException;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class WorklistController {

  record PageView<T>(List<T> content, PageMeta page) {
    static <T> PageView<T> of(Slice<T> page) {
      return new PageView<>(page.getContent(), new PageMeta(page.getNumber(), page.getSize(), page.hasNext()));
    }
  }

  /** A page of the worklist; {@code hasNext}: another page follows (the tasks are not counted). */
  record PageMeta(int number, int size, boolean hasNext) {}

  record CompleteRequest(@NotNull Map<String, Object> variables) {}

  private final Worklist worklist;
  private final TaskCommands commands;
  private final CurrentUsers users;
  private final TaskDocuments documents;
  private final List<TaskFormChoices> formChoices;
  private final ObjectMapper json;
  private final ProcessCatalog catalog;

  WorklistController(Worklist worklist, TaskCommands commands, CurrentUsers users, TaskDocuments documents,
      List<TaskFormChoices> formChoices, ObjectMapper json, ProcessCatalog catalog) {
    this.worklist = worklist;
    this.commands = commands;
    this.users = users;
    this.documents = documents;
    this.formChoices = formChoices;
    this.json = json;
    this.catalog = catalog;
  }

  /** Open tasks, most urgent first: filter by candidate group, process, assignee and overdue; paginated. */
  @GetMapping("/api/worklist")
  PageView<TaskView> worklist(
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) String processId,
      @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      @RequestParam(defaultValue = "dueDate,asc") String sort) {
    Worklist.Sort order = switch (sort) {
      case "dueDate,desc" -> Worklist.Sort.DUE_DATE_DESC;
      case "createdAt,asc" -> Worklist.Sort.CREATED_AT_ASC;
      default -> Worklist.Sort.DUE_DATE_ASC;
    };
    return PageView.of(worklist.openTasks(
        new Worklist.Filter(blankToNull(candidateGroup), blankToNull(processId), blankToNull(assignee), overdue),
        TaskScope.of(users.current()), order, PageRequest.of(page, size)));
  }

  /** The journeys whose tasks the worklist can be filtered by (every process with a user task), named. */
  @GetMapping("/api/worklist/processes")
  List<ProcessCatalog.NamedProcess> processes() {
    return catalog.processesWithUserTasks();
  }

  @GetMapping("/api/tasks/{key}")
  TaskView.Detail task(@PathVariable String key) {
    TaskScope scope = TaskScope.of(users.current());
    Worklist.OpenTask target = worklist.commandTarget(key, scope)
        .orElseThrow(() -> new NotFoundException("task " + key));
    TaskView task = worklist.task(key, scope).orElseThrow(() -> new NotFoundException("task " + key));
    JsonNode form = worklist.form(target).orElse(null);
    // only what the form shows: the process also holds the household's facts, which this page must not leak
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    if (form != null) {
      Set<String> shown = new FormRules(form).keys();
      worklist.processVariables(target.processInstanceId()).forEach((name, value) -> {
        if (shown.contains(name)) {
          variables.put(name, value);
        }
      });
    }
    formChoices.stream().filter(c -> c.supplies(target.processId(), target.elementId())).forEach(c ->
        variables.put(c.valuesKey(), json.valueToTree(c.choices(target.applicationId(), target.childId()))));
    return new TaskView.Detail(task, form, variables, documents.checklist(target).orElse(null));
  }

  /** Claims the task for the signed-in user. */
  @PostMapping("/api/tasks/{key}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void claim(@PathVariable String key) {
    commands.claim(key);
  }

  record ReassignRequest(@NotNull String assignee) {}

  /** A director gives the task to a caseworker or director of the institution (by user name). */
  @PostMapping("/api/tasks/{key}/assignee")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reassign(@PathVariable String key, @Valid @RequestBody ReassignRequest request) {
    commands.reassign(key, request.assignee());
  }

  @PostMapping("/api/tasks/{key}/unclaim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unclaim(@PathVariable String key) {
    commands.unclaim(key);
  }

  /** 204: stored and completed in the engine; the next task is on the worklist already. */
  @PostMapping("/api/tasks/{key}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String key, @Valid @RequestBody CompleteRequest request) {
    commands.complete(key, request.variables());
  }

  @GetMapping("/api/incidents")
  List<IncidentView> incidents() {
    return worklist.activeIncidents();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

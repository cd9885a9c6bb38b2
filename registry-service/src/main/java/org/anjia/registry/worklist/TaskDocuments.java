package org.anjia.registry.worklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anjia.registry.documents.DocumentCheck;
import org.anjia.registry.documents.DocumentChecklist;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.stereotype.Component;

/**
 * The document checks of the journeys, as the worklist meets them: the checklist a task page shows,
 * and the refusal of a completion that declares the documents complete while a required one has no
 * stored file — each missing document named with its article, field {@code documents.<type>}.
 */
@Component
class TaskDocuments {

  private final List<DocumentCheck> checks;
  private final Labels labels;

  TaskDocuments(List<DocumentCheck> checks, Labels labels) {
    this.checks = checks;
    this.labels = labels;
  }

  Optional<DocumentChecklist> checklist(Worklist.OpenTask task) {
    return check(task).map(check -> check.checklist(task.applicationId(), task.childId()));
  }

  void requireFiles(Worklist.OpenTask task, Map<String, Object> submitted) {
    Optional<DocumentCheck> check = check(task).filter(c -> c.declaresComplete(submitted));
    if (check.isEmpty()) {
      return;
    }
    DocumentChecklist checklist = check.get().checklist(task.applicationId(), task.childId());
    List<FieldProblem> missing = checklist.missing().stream()
        .map(document -> new FieldProblem("documents." + document.type(),
            labels.of("anjia.documents.missing", document.label(), checklist.article())))
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
  }

  private Optional<DocumentCheck> check(Worklist.OpenTask task) {
    return checks.stream().filter(c -> c.checks(task.processId(), task.elementId())).findFirst();
  }
}

package org.anjia.registry.worklist;

import java.util.Collection;
import java.util.List;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;

/**
 * A checklist field of a completed task must tick every item a rule requires (e.g. the items of
 * 收养评估办法 art. 8): otherwise the completion is refused with the missing items named, each by
 * its label {@code <labelPrefix>.<item>}, in the message {@code messageCode}.
 */
public final class RequiredChoices {

  private RequiredChoices() {}

  public static void require(TaskCompletionSubmitted completion, String field, Collection<String> required,
      String labelPrefix, String messageCode, Labels labels) {
    Object ticked = completion.variables().get(field);
    List<String> missing = required.stream()
        .filter(item -> !(ticked instanceof Collection<?> list && list.contains(item)))
        .map(item -> labels.of(labelPrefix + "." + item))
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem(field, labels.of(messageCode, String.join("、", missing)))));
    }
  }
}

package org.anjia.registry.web;

import java.util.List;

/** Input that breaks a rule checked outside Bean Validation (e.g. a form's required fields). */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}

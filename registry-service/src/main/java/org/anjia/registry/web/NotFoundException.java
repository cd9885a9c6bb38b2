package org.anjia.registry.web;

/** The object does not exist (or, later, is outside the caller's scope: the answer is the same). */
public class NotFoundException extends RuntimeException {

  private final String detailCode;

  public NotFoundException(String what) {
    this(what, null);
  }

  /** With the message code of a detail that says more than the generic one (what to check, what to do). */
  public NotFoundException(String what, String detailCode) {
    super(what);
    this.detailCode = detailCode;
  }

  public String detailCode() {
    return detailCode;
  }
}

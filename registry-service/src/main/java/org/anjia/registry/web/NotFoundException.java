package org.anjia.registry.web;

/** The object does not exist (or, later, is outside the caller's scope: the answer is the same). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}

package org.anjia.registry.web;

/** The request is valid but the object's state does not allow it now (e.g. a task already completed). */
public class ConflictException extends RuntimeException {

  private final String messageCode;
  private final Object[] args;

  public ConflictException(String messageCode, Object... args) {
    super(messageCode);
    this.messageCode = messageCode;
    this.args = args;
  }

  public String messageCode() {
    return messageCode;
  }

  public Object[] args() {
    return args;
  }
}

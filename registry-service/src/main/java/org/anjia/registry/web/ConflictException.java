package org.anjia.registry.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request is valid but the object's state does not allow it now (e.g. a task already completed). */
public class ConflictException extends RuntimeException {

  private final String messageCode;
  private final Object[] args;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ConflictException(String messageCode, Object... args) {
    super(messageCode);
    this.messageCode = messageCode;
    this.args = args;
  }

  /** A fact the page can act on (e.g. the open application to go to), sent as a problem property. */
  public ConflictException with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  public String messageCode() {
    return messageCode;
  }

  public Object[] args() {
    return args;
  }
}

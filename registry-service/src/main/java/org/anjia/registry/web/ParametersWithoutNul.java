package org.anjia.registry.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A query, path or form parameter holding a NUL character is a wrong value of that parameter (400, named, by
 * {@link ProblemResponses}), as a JSON text holding one is ({@link WebConfiguration}): not a failed query's 500
 * (an auditor's search for an object id "%00" was one).
 */
@ControllerAdvice
class ParametersWithoutNul {

  @InitBinder
  void refuseNul(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
      @Override
      public void setAsText(String text) {
        if (WebConfiguration.holdsNul(text)) {
          throw new IllegalArgumentException("text with a NUL character");
        }
        setValue(text);
      }
    });
  }
}

package org.anjia.registry.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Words shown to people, in the request's language (zh-CN unless the client asks for English). */
@Component
public class Labels {

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  public String of(String code, Object... args) {
    return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
  }

  /**
   * For texts stored in a record (history notes, reasons): in the registry's own language, whoever
   * triggered the change and in whatever language their page is.
   */
  public String recorded(String code, Object... args) {
    return messages.getMessage(code, args, code, java.util.Locale.SIMPLIFIED_CHINESE);
  }

  public String of(Enum<?> value) {
    return of(value.getDeclaringClass().getSimpleName() + "." + value.name());
  }
}

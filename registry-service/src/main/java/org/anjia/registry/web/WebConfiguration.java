package org.anjia.registry.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** zh-CN is the default language of every screen and message; English is the second. */
  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    return resolver;
  }

  /**
   * PostgreSQL stores no NUL character in text: a JSON text holding one is refused as a wrong value of
   * its field (400, the field named), not left to fail at the insert with a 500.
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer textWithoutNul() {
    return builder -> builder.deserializerByType(String.class, new TextWithoutNul());
  }

  static final class TextWithoutNul extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = super.deserialize(parser, context);
      if (holdsNul(text)) {
        throw InvalidFormatException.from(parser, "text with a NUL character", text, String.class);
      }
      return text;
    }
  }

  /** Text PostgreSQL can neither store nor compare: it holds U+0000. */
  static boolean holdsNul(String text) {
    return text != null && text.indexOf('\u0000') >= 0;
  }
}

package org.anjia.registry.deadlines;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets any {@code @ConfigurationProperties} record declare a {@link LegalDuration} field, written in
 * application.yaml as e.g. {@code review: 30 calendar days} or {@code reply: 10WD}.
 */
@Component
@ConfigurationPropertiesBinding
class LegalDurationConverter implements Converter<String, LegalDuration> {

  @Override
  public LegalDuration convert(String source) {
    return LegalDuration.parse(source);
  }
}

package org.anjia.registry.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every option of every deployed form is named "中文 English", as the models name their steps: the task
 * page shows the half in the reader's language (src/formjs.js), so an option without its English half
 * would show Chinese to an English reader, and one without Chinese would show English in zh-CN.
 */
class FormOptionsTest {

  /** Chinese (no Latin letter), one space, then English. */
  private static final Pattern BILINGUAL = Pattern.compile("[^A-Za-z ]*\\p{IsHan}[^A-Za-z ]* [A-Za-z].*");

  @Test
  void everyOptionIsNamedInChineseThenEnglish() throws IOException {
    List<String> options = new ArrayList<>();
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:/forms/*.form");
    assertThat(forms).hasSizeGreaterThan(30);
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        new ObjectMapper().readTree(in).findValues("values").forEach(values -> values.forEach(option ->
            options.add(form.getFilename() + ": " + option.path("label").asText())));
      }
    }
    assertThat(options).hasSizeGreaterThan(80)
        .allSatisfy(option -> assertThat(option.substring(option.indexOf(": ") + 2)).as(option).matches(BILINGUAL));
  }
}

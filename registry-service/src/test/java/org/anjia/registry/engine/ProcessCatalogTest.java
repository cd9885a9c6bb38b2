package org.anjia.registry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProcessCatalogTest {

  @Test
  void chineseReadersGetTheChineseHalf() {
    assertThat(ProcessCatalog.localized("材料审核 Document check", Locale.SIMPLIFIED_CHINESE)).isEqualTo("材料审核");
  }

  @Test
  void englishReadersGetTheEnglishHalf() {
    assertThat(ProcessCatalog.localized("督办: 材料审核 Follow up overdue document check", Locale.ENGLISH))
        .isEqualTo("Follow up overdue document check");
  }

  @Test
  void namesInOneLanguageStayWhole() {
    assertThat(ProcessCatalog.localized("材料审核", Locale.ENGLISH)).isEqualTo("材料审核");
    assertThat(ProcessCatalog.localized("Document check", Locale.SIMPLIFIED_CHINESE)).isEqualTo("Document check");
  }

  @Test
  void everyDeployedUserTaskHasANameInBothLanguages() {
    ProcessCatalog catalog = new ProcessCatalog();
    org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(catalog.elementName("foster-family-qualification", "AssessHome")).isEqualTo("入户评估");
    org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(catalog.elementName("foster-family-qualification", "AssessHome")).isEqualTo("Home assessment");
    org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void theJourneysPeopleWorkInAreTheProcessesWithUserTasks() {
    assertThat(new ProcessCatalog().processesWithUserTasks()).extracting(ProcessCatalog.NamedProcess::id)
        .contains("foster-placement", "family-style-unit-review", "adoption-dissolution")
        .doesNotContain("keycloak-event-import")
        .isSorted();
  }
}

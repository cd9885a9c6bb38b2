package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A person's walk through the pages: a family signs in and applies; the caseworker signs in, finds
 * the first task in the worklist, fills the rendered form, completes it and assigns the assessor;
 * the assessor signs in and sees the next task.
 */
class FosterJourneyBrowserTest extends BrowserIntegrationTest {

  @Test
  void familyAppliesAndCaseworkerCompletesTheDocumentCheckInTheBrowser() throws Exception {
    // the household's ages are counted on the service's today by the engine clock
    String output = browser("foster-journey.mjs", DEMO_PASSWORD, today().toString());

    assertThat(output).contains("入户评估");
  }
}

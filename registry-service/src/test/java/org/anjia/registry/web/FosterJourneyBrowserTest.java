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
    String output = browser("foster-journey.mjs", DEMO_PASSWORD);

    assertThat(output).contains("入户评估");
  }
}

package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The child's file in the browser: the caseworker admits a child, opens the file, edits it, adds a
 * kin placement, uploads and downloads a document, starts placing the child for adoption (送养),
 * and the placement's first task appears in the worklist.
 */
class ChildPlacementBrowserTest extends BrowserIntegrationTest {

  @Test
  void caseworkerAdmitsAChildKeepsTheFileAndStartsItsPlacementInTheBrowser() throws Exception {
    String output = browser("child-placement.mjs", DEMO_PASSWORD);

    assertThat(output).contains("the file and its history show the change", "亲属抚养 current",
        "downloads intact", "准备送养材料");
  }
}

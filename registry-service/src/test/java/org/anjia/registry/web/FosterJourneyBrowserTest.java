package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A person's walk through the pages in headless Chromium (Debian's package, driven by
 * playwright-core from src/test/e2e): apply, find the first task in the worklist, fill the
 * rendered form, complete it, and see the next task. The stack behind the pages is the real one.
 */
class FosterJourneyBrowserTest extends RegistryIntegrationTest {

  @Test
  void familyAppliesAndCaseworkerCompletesTheDocumentCheckInTheBrowser() throws IOException, InterruptedException {
    Process browser = new ProcessBuilder("node", "src/test/e2e/foster-journey.mjs", "http://localhost:" + port)
        .directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true)
        .start();
    boolean finished = browser.waitFor(4, TimeUnit.MINUTES);
    String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(output);
    if (!finished) {
      browser.destroyForcibly();
    }

    assertThat(finished).as("browser journey finished in time").isTrue();
    assertThat(browser.exitValue()).as("browser journey output:%n%s", output).isZero();
    assertThat(output).contains("入户评估");
  }
}

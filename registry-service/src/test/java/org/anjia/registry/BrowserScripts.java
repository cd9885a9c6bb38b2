package org.anjia.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the playwright-core scripts of src/test/e2e in headless Chromium (Debian's package) against the
 * service under test. Signed-in journeys go through {@link BrowserIntegrationTest} and the real
 * Keycloak; a public page needs no login and runs from any integration test.
 */
public final class BrowserScripts {

  private BrowserScripts() {}

  /** Runs {@code script} with the service's base URL and the arguments; fails with its output unless it exits 0. */
  public static String run(int port, String script, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "src/test/e2e/" + script, "http://localhost:" + port));
    command.addAll(List.of(arguments));
    Process browser = new ProcessBuilder(command)
        .directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true)
        .start();
    boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
    String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(output);
    if (!finished) {
      browser.destroyForcibly();
    }
    assertThat(finished).as("%s finished in time", script).isTrue();
    assertThat(browser.exitValue()).as("%s output:%n%s", script, output).isZero();
    return output;
  }
}

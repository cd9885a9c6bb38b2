package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A whole adoption walked by its people in the browser, using only the pages: the caseworker places
 * a child, the director approves, a family applies and uploads its ID card, the registrar checks
 * the documents, records the consent and assigns the assessor, the assessor assesses, the
 * caseworker matches; after the 30-day integration period on the engine clock the assessor reports,
 * the registrar registers and downloads the certificate, the family sees the registration, and the
 * institution no longer sees the sealed records (民法典 art. 1110). The same walk through the API is
 * {@code AdoptionJourneyApiTest}.
 */
class AdoptionJourneyBrowserTest extends BrowserIntegrationTest {

  private static final Pattern JOURNEY =
      Pattern.compile("\\[e2e] journey application=(\\S+) number=(\\S+) child=(\\S+) childName=(\\S+)");

  @Test
  void registrarCaseworkerAndFamilyWalkAWholeAdoptionInTheBrowser() throws Exception {
    // the pages type dates counted from the service's today by the engine clock, not the browser's
    String untilMatching = browser("adoption-journey.mjs", DEMO_PASSWORD, "until-matching", today().toString());
    Matcher journey = JOURNEY.matcher(untilMatching);
    assertThat(journey.find()).as("the first phase names the application and the child").isTrue();

    passIntegrationPeriod(journey.group(1));

    String registration = browser("adoption-journey.mjs", DEMO_PASSWORD, "from-integration",
        journey.group(1), journey.group(2), journey.group(3), journey.group(4), today().toString());
    assertThat(registration)
        .containsPattern("certificate 收登字\\d{4}第\\d{6}号")
        .contains("bytes, PDF)")
        .contains("已办理收养登记")
        .contains("the child's file answers 未找到或无权查看");
  }
}

package org.anjia.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjia.registry.BrowserScripts;
import org.junit.jupiter.api.Test;

/**
 * The verification page in Chromium, as an anonymous visitor on a phone opens it from a certificate's
 * QR code ({@code src/test/e2e/verify.mjs}): 有效 for a registered adoption; after its dissolution
 * 已解除 for it and 有效 for the dissolution certificate; 未找到 for a forged code. The page is public,
 * so no Keycloak is involved (the signed-in journeys are {@code BrowserIntegrationTest}s).
 */
class CertificateVerificationBrowserTest extends AdoptionIntegrationTest {

  @Test
  void anAnonymousVisitorOpensTheQrCodesAddressAndSeesTheStanding() throws Exception {
    Adoption adoption = registeredAdoption(false);
    CertificateQrCodes.Scanned certificate = CertificateQrCodes.scan(certificatePdf(adoption, "ADOPTION_CERTIFICATE"));

    String registered = BrowserScripts.run(port, "verify.mjs", "192.0.2.201", "有效", certificate.pathAndQuery());
    assertThat(registered).contains(certificate.number() + " shows 有效 (收养登记证)", "in English: Valid",
        "typed in by hand shows Valid");

    registeredDissolution(adoption);
    CertificateQrCodes.Scanned dissolution =
        CertificateQrCodes.scan(certificatePdf(adoption, "DISSOLUTION_CERTIFICATE"));
    String forged = certificate.pathAndQuery().replaceAll("code=\\w+", "code=ABCDEFGHJKLMNPQR");
    String dissolved = BrowserScripts.run(port, "verify.mjs", "192.0.2.202",
        "已解除", certificate.pathAndQuery(), "有效", dissolution.pathAndQuery(), "未找到", forged);
    assertThat(dissolved).contains(certificate.number() + " shows 已解除",
        dissolution.number() + " shows 有效 (解除收养关系证明)", "shows 未找到", "in English: Not found");
  }
}

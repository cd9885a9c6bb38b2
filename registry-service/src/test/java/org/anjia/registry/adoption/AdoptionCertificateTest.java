package org.anjia.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable certificate: its text, read back from the PDF, in Chinese. */
class AdoptionCertificateTest {

  private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

  private static final AdoptionCertificate.Parties PARTIES = new AdoptionCertificate.Parties(
      List.of("王秀英", "李建国"), "党小安", "FEMALE", "南昌市东湖区民政局");

  private static final AdoptionCertificate.Verification VERIFICATION = new AdoptionCertificate.Verification(
      "ABCDEFGHJKLMNPQR", "https://anjia.example.org/verify.html?number=%E6%94%B6%E7%99%BB%E5%AD%972026%E7%AC%AC000042"
          + "%E5%8F%B7&code=ABCDEFGHJKLMNPQR");

  @Test
  void theCertificateNamesNumberAdoptersChildDateAndRegistrar() throws IOException {
    byte[] pdf = AdoptionCertificate.registration("收登字2026第000042号", LocalDate.of(2026, 11, 20), PARTIES, true,
        VERIFICATION, FONT);

    assertThat(text(pdf)).contains("收养登记证", "收登字2026第000042号", "王秀英、李建国", "党小安（女）",
        "2026年11月20日", "南昌市东湖区民政局", "第一千一百一十条");
  }

  @Test
  void theDissolutionCertificateNamesItsNumberTheAdoptionItEndsAndItsArticles() throws IOException {
    byte[] pdf = AdoptionCertificate.dissolution("解收字2027第000007号", LocalDate.of(2027, 3, 2), PARTIES,
        "收登字2026第000042号", VERIFICATION, FONT);

    assertThat(text(pdf)).contains("解除收养关系证明", "解收字2027第000007号", "王秀英、李建国", "党小安（女）",
        "原收养登记证号：收登字2026第000042号", "2027年3月2日", "第一千一百一十六条");
  }

  @Test
  void bothCertificatesCarryAQrCodeOfTheirVerificationUrlAndTheCodeToTypeIn() throws IOException {
    byte[] registration = AdoptionCertificate.registration("收登字2026第000042号", LocalDate.of(2026, 11, 20), PARTIES,
        false, VERIFICATION, FONT);
    byte[] dissolution = AdoptionCertificate.dissolution("解收字2027第000007号", LocalDate.of(2027, 3, 2), PARTIES,
        "收登字2026第000042号", VERIFICATION, FONT);

    assertThat(CertificateQrCodes.decode(registration)).isEqualTo(VERIFICATION.url());
    assertThat(CertificateQrCodes.decode(dissolution)).isEqualTo(VERIFICATION.url());
    assertThat(text(registration)).contains("核验码：ABCD-EFGH-JKLM-NPQR", "扫描二维码核验");
  }

  @Test
  void withoutTheFontRegistrationFailsLoudly() {
    assertThatThrownBy(() -> AdoptionCertificate.registration("x", LocalDate.now(), PARTIES, false, VERIFICATION,
        "/nonexistent/font.ttc"))
        .hasMessageContaining("/nonexistent/font.ttc");
  }

  private static String text(byte[] pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}

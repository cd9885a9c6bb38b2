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

  @Test
  void theCertificateNamesNumberAdoptersChildDateAndRegistrar() throws IOException {
    byte[] pdf = AdoptionCertificate.pdf(new AdoptionCertificate.Content("收登字2026第000042号",
        LocalDate.of(2026, 11, 20), List.of("王秀英", "李建国"), "党小安", "FEMALE", "南昌市东湖区民政局", true), FONT);

    try (var document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("收养登记证", "收登字2026第000042号", "王秀英、李建国", "党小安（女）",
          "2026年11月20日", "南昌市东湖区民政局", "第一千一百一十条");
    }
  }

  @Test
  void withoutTheFontRegistrationFailsLoudly() {
    assertThatThrownBy(() -> AdoptionCertificate.pdf(new AdoptionCertificate.Content("x", LocalDate.now(),
        List.of("a"), "b", "MALE", "c", false), "/nonexistent/font.ttc"))
        .hasMessageContaining("/nonexistent/font.ttc");
  }
}

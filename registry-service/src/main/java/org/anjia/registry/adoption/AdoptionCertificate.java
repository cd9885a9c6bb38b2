package org.anjia.registry.adoption;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The registrar's printable documents as PDF: the adoption registration certificate (收养登记证,
 * 民法典 art. 1105) and the certificate of dissolution (解除收养关系证明, 登记办法 art. 10). The
 * Chinese text needs a TrueType font with CJK glyphs (configured: {@code anjia.adoption.certificate-font};
 * Debian's fonts-wqy-zenhei by default); without it the registration fails visibly as an incident.
 */
final class AdoptionCertificate {

  /** Who the adoption joins, as the certificates name them, and which registrar issues them. */
  record Parties(List<String> adopters, String childName, String childSex, String registrar) {}

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private AdoptionCertificate() {}

  static byte[] registration(String number, LocalDate registeredOn, Parties parties, boolean confidential,
      String fontPath) {
    List<String> lines = new ArrayList<>(common(number, parties));
    lines.add("登记日期：" + registeredOn.format(CHINESE_DATE));
    lines.add("登记机关：" + parties.registrar());
    if (confidential) {
      lines.add("当事人要求保守收养秘密（民法典第一千一百一十条），本档案已封存。");
    }
    return pdf("收养登记证", "Adoption Registration Certificate", lines,
        "依据《中华人民共和国民法典》第一千一百零五条，收养关系自登记之日起成立。", fontPath);
  }

  static byte[] dissolution(String number, LocalDate dissolvedOn, Parties parties, String adoptionCertificateNumber,
      String fontPath) {
    List<String> lines = new ArrayList<>(common(number, parties));
    lines.add("原收养登记证号：" + adoptionCertificateNumber);
    lines.add("解除登记日期：" + dissolvedOn.format(CHINESE_DATE));
    lines.add("登记机关：" + parties.registrar());
    return pdf("解除收养关系证明", "Certificate of Dissolution of Adoption", lines,
        "依据《中华人民共和国民法典》第一千一百一十六条、第一千一百一十七条，收养关系自解除登记之日起解除。", fontPath);
  }

  private static List<String> common(String number, Parties parties) {
    return List.of(
        "证号：" + number,
        "收养人：" + String.join("、", parties.adopters()),
        "被收养人：" + parties.childName() + "（" + ("MALE".equals(parties.childSex()) ? "男" : "女") + "）");
  }

  private static byte[] pdf(String title, String subtitle, List<String> lines, String footer, String fontPath) {
    try (PDDocument document = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(new File(fontPath))) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      fonts.processAllFonts(font -> {
        if (first[0] == null) {
          first[0] = font;
        }
      });
      PDType0Font font = PDType0Font.load(document, first[0], true);
      PDPage page = new PDPage(PDRectangle.A5);
      document.addPage(page);
      float width = page.getMediaBox().getWidth();
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        centered(text, font, 22, width, 520, title);
        centered(text, font, 10, width, 498, subtitle);
        float y = 450;
        for (String line : lines) {
          text.beginText();
          text.setFont(font, 11);
          text.newLineAtOffset(40, y);
          text.showText(line);
          text.endText();
          y -= 24;
        }
        centered(text, font, 9, width, 60, footer);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the certificate with font " + fontPath, e);
    }
  }

  private static void centered(PDPageContentStream text, PDType0Font font, float size, float pageWidth, float y,
      String line) throws IOException {
    float lineWidth = font.getStringWidth(line) / 1000 * size;
    text.beginText();
    text.setFont(font, size);
    text.newLineAtOffset((pageWidth - lineWidth) / 2, y);
    text.showText(line);
    text.endText();
  }
}

package org.anjia.registry.adoption;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The printable adoption registration certificate (收养登记证) as PDF. The Chinese text needs a
 * TrueType font with CJK glyphs (configured: {@code anjia.adoption.certificate-font}; Debian's
 * fonts-wqy-zenhei by default); without it registration fails visibly as an incident.
 */
final class AdoptionCertificate {

  record Content(String certificateNumber, LocalDate registeredOn, List<String> adopters, String childName,
      String childSex, String registrar, boolean confidential) {}

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private AdoptionCertificate() {}

  static byte[] pdf(Content content, String fontPath) {
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
        centered(text, font, 22, width, 520, "收养登记证");
        centered(text, font, 10, width, 498, "Adoption Registration Certificate");
        float y = 450;
        for (String line : lines(content)) {
          text.beginText();
          text.setFont(font, 11);
          text.newLineAtOffset(40, y);
          text.showText(line);
          text.endText();
          y -= 24;
        }
        centered(text, font, 9, width, 60, "依据《中华人民共和国民法典》第一千一百零五条，收养关系自登记之日起成立。");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the certificate with font " + fontPath, e);
    }
  }

  private static List<String> lines(Content content) {
    return List.of(
        "证号：" + content.certificateNumber(),
        "收养人：" + String.join("、", content.adopters()),
        "被收养人：" + content.childName() + "（" + ("MALE".equals(content.childSex()) ? "男" : "女") + "）",
        "登记日期：" + content.registeredOn().format(CHINESE_DATE),
        "登记机关：" + content.registrar(),
        content.confidential() ? "当事人要求保守收养秘密（民法典第一千一百一十条），本档案已封存。" : "");
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

package org.anjia.registry.adoption;

import io.nayuki.qrcodegen.QrCode;
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
 * Each carries a QR code with the address of its public verification and the verification code
 * (核验码) printed beside it, for those who type it in instead.
 */
final class AdoptionCertificate {

  /** Who the adoption joins, as the certificates name them, and which registrar issues them. */
  record Parties(List<String> adopters, String childName, String childSex, String registrar) {}

  /** The certificate's verification code and the verification page's URL its QR code carries. */
  record Verification(String code, String url) {

    /** In groups of four, as printed: ABCD-EFGH-JKLM-NPQR. */
    String printed() {
      return String.join("-", code.split("(?<=\\G.{4})"));
    }
  }

  /** The QR code's side on the page, in points (about 35 mm): a phone reads it from arm's length. */
  private static final float QR_SIDE = 100;

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private AdoptionCertificate() {}

  static byte[] registration(String number, LocalDate registeredOn, Parties parties, boolean confidential,
      Verification verification, String fontPath) {
    List<String> lines = new ArrayList<>(common(number, parties));
    lines.add("登记日期：" + registeredOn.format(CHINESE_DATE));
    lines.add("登记机关：" + parties.registrar());
    if (confidential) {
      lines.add("当事人要求保守收养秘密（民法典第一千一百一十条），本档案已封存。");
    }
    return pdf("收养登记证", "Adoption Registration Certificate", lines,
        "依据《中华人民共和国民法典》第一千一百零五条，收养关系自登记之日起成立。", verification, fontPath);
  }

  static byte[] dissolution(String number, LocalDate dissolvedOn, Parties parties, String adoptionCertificateNumber,
      Verification verification, String fontPath) {
    List<String> lines = new ArrayList<>(common(number, parties));
    lines.add("原收养登记证号：" + adoptionCertificateNumber);
    lines.add("解除登记日期：" + dissolvedOn.format(CHINESE_DATE));
    lines.add("登记机关：" + parties.registrar());
    return pdf("解除收养关系证明", "Certificate of Dissolution of Adoption", lines,
        "依据《中华人民共和国民法典》第一千一百一十六条、第一千一百一十七条，收养关系自解除登记之日起解除。",
        verification, fontPath);
  }

  private static List<String> common(String number, Parties parties) {
    return List.of(
        "证号：" + number,
        "收养人：" + String.join("、", parties.adopters()),
        "被收养人：" + parties.childName() + "（" + ("MALE".equals(parties.childSex()) ? "男" : "女") + "）");
  }

  private static byte[] pdf(String title, String subtitle, List<String> lines, String footer,
      Verification verification, String fontPath) {
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
          line(text, font, 11, 40, y, line);
          y -= 24;
        }
        verification(text, font, width, verification);
        footer(text, font, width, footer);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the certificate with font " + fontPath, e);
    }
  }

  /** The legal basis at the foot, on two lines (broken after its last comma) when one is too wide. */
  private static void footer(PDPageContentStream text, PDType0Font font, float pageWidth, String footer)
      throws IOException {
    int comma = footer.lastIndexOf('，');
    if (font.getStringWidth(footer) / 1000 * 9 <= pageWidth - 60 || comma < 0) {
      centered(text, font, 9, pageWidth, 60, footer);
      return;
    }
    centered(text, font, 9, pageWidth, 66, footer.substring(0, comma + 1));
    centered(text, font, 9, pageWidth, 54, footer.substring(comma + 1));
  }

  /** The QR code at the bottom right; to its left, what it is for and the code to type in. */
  private static void verification(PDPageContentStream content, PDType0Font font, float pageWidth,
      Verification verification) throws IOException {
    QrCode qr = QrCode.encodeText(verification.url(), QrCode.Ecc.MEDIUM);
    float module = QR_SIDE / qr.size;
    float left = pageWidth - 40 - QR_SIDE;
    float bottom = 90;
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          content.addRect(left + x * module, bottom + (qr.size - 1 - y) * module, module, module);
        }
      }
    }
    content.fill();
    line(content, font, 10, 40, bottom + 70, "扫描二维码核验本证真伪及效力");
    line(content, font, 10, 40, bottom + 50, "核验码：" + verification.printed());
    line(content, font, 8, 40, bottom + 32, "Scan the QR code, or enter number and code, to verify");
  }

  private static void line(PDPageContentStream text, PDType0Font font, float size, float x, float y, String line)
      throws IOException {
    text.beginText();
    text.setFont(font, size);
    text.newLineAtOffset(x, y);
    text.showText(line);
    text.endText();
  }

  private static void centered(PDPageContentStream text, PDType0Font font, float size, float pageWidth, float y,
      String line) throws IOException {
    float lineWidth = font.getStringWidth(line) / 1000 * size;
    line(text, font, size, (pageWidth - lineWidth) / 2, y, line);
  }
}

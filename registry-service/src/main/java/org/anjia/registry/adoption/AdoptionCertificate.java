package org.anjia.registry.adoption;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.anjia.registry.printing.PrintedDocument;

/**
 * The registrar's printable documents as PDF ({@link PrintedDocument}): the adoption registration
 * certificate (收养登记证, 民法典 art. 1105) and the certificate of dissolution (解除收养关系证明, 登记办法
 * art. 10). Without the configured font ({@code anjia.printing.font}) the registration fails visibly as an incident.
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
    PrintedDocument document = PrintedDocument.of(PrintedDocument.Format.CERTIFICATE, title, subtitle)
        .footer(footer)
        .qrCode(verification.url(), List.of(
            new PrintedDocument.Caption("扫描二维码核验本证真伪及效力", 10),
            new PrintedDocument.Caption("核验码：" + verification.printed(), 10),
            new PrintedDocument.Caption("Scan the QR code, or enter number and code, to verify", 8)));
    lines.forEach(document::line);
    return document.render(fontPath);
  }
}

package org.anjia.registry.fostering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.anjia.registry.printing.PrintedDocument;

/**
 * The written notice of a terminated placement (解除家庭寄养关系通知书, 家庭寄养管理办法 arts. 18–19): the
 * institution tells the family in writing why and from when, with the article, and files it with the
 * county's civil-affairs department.
 */
final class TerminationNotice {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private TerminationNotice() {}

  static byte[] pdf(FosterPlacements.Placement placement, FosterAgreement.Parties parties,
      FosterTerminations.Termination termination, String fontPath) {
    PrintedDocument notice = PrintedDocument.of(PrintedDocument.Format.AGREEMENT, "解除家庭寄养关系通知书",
            "Notice of termination of the foster placement")
        .footer("依据《家庭寄养管理办法》（民政部令第54号）第十八条、第十九条。")
        .line(parties.familyName() + "：")
        .line("你家庭与" + parties.institutionName() + "于" + date(placement.from()) + "起的家庭寄养协议（寄养儿童："
            + parties.childName() + "，主要照料人：" + placement.primaryCaregiver() + "），自" + date(termination.endedOn())
            + "起解除。")
        .heading("解除理由")
        .line(termination.reasonLabel() + "（" + termination.article() + "）");
    if (termination.requestText() != null) {
      notice.line("寄养家庭的书面申请：" + termination.requestText());
    }
    if (termination.details() != null) {
      notice.line("说明：" + termination.details());
    }
    return notice
        .heading("其他事项")
        .line("寄养儿童自解除之日起回到" + parties.institutionName() + "养育。本通知书送达寄养家庭，并报县级人民政府民政部门备案。")
        .line("备案：" + (termination.filedOn() == null ? "待备案"
            : date(termination.filedOn()) + "，" + termination.filedWith()))
        .line(parties.institutionName())
        .line(date(termination.endedOn()))
        .render(fontPath);
  }

  private static String date(LocalDate day) {
    return day.format(CHINESE_DATE);
  }
}

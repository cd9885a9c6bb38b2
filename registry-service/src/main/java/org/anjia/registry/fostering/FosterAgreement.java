package org.anjia.registry.fostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.anjia.registry.printing.PrintedDocument;

/**
 * The foster agreement (寄养协议, 家庭寄养管理办法 art. 12(5)) as the PDF both sides read and sign:
 * its period, the rights and duties of the family and the institution, the named primary caregiver,
 * the integration period, liability for breach and the dates of both signatures. The duties are a
 * paraphrase of arts. 15–17, and the document says that the regulation's own text prevails.
 */
final class FosterAgreement {

  /** Who the agreement binds, by name, as it prints them. */
  record Parties(String institutionName, String familyName, String childName) {}

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private FosterAgreement() {}

  static byte[] pdf(FosterPlacements.Placement placement, Parties parties, ZoneId zone, String fontPath) {
    return PrintedDocument.of(PrintedDocument.Format.AGREEMENT, "家庭寄养协议", "Family Foster Care Agreement")
        .footer("依据《家庭寄养管理办法》（民政部令第54号）第十二条第（五）项；协议中的权利义务为第十五条至第十七条的摘要，以原文为准。")
        .line("甲方（儿童福利机构）：" + parties.institutionName())
        .line("乙方（寄养家庭）：" + parties.familyName())
        .line("寄养儿童：" + parties.childName())
        .line("主要照料人：" + placement.primaryCaregiver())
        .heading("一、寄养期限")
        .line("自" + date(placement.from()) + "起至" + date(placement.until()) + "止。")
        .heading("二、融合期")
        .line("融合期为" + placement.integrationDays() + "日，自寄养开始之日的次日起算（第十四条）；融合期满，甲方对融合情况进行评估，"
            + "决定继续寄养、延长融合期或结束寄养。")
        .heading("三、乙方的义务（第十五条摘要）")
        .item("1. 保障寄养儿童的人身安全，尊重其人格尊严；")
        .item("2. 照料寄养儿童的日常生活，满足其营养需要，帮助其提高生活自理能力；")
        .item("3. 培养寄养儿童健康的心理和良好的品德；")
        .item("4. 按国家规定安排寄养儿童接受学前教育和义务教育，配合学校做好教育工作；")
        .item("5. 寄养儿童患病时及时安排医治，住院治疗的及时通知甲方；配合甲方为残疾儿童提供康复训练；")
        .item("6. 配合甲方做好寄养儿童的送养工作；")
        .item("7. 定期向甲方反映寄养儿童的成长状况，接受甲方的探访、培训、监督和指导；住所变更时及时告知甲方；")
        .item("8. 由约定的主要照料人照料寄养儿童，不得擅自变更。")
        .heading("四、甲方的职责（第十六条、第十七条摘要）")
        .item("1. 培训乙方的主要照料人，提供指导；")
        .item("2. 定期探访寄养儿童并记录，及时处理发现的问题；")
        .item("3. 监督、评估乙方的养育情况，建立并保管家庭寄养档案；")
        .item("4. 按协议发放寄养儿童所需的款物。")
        .heading("五、乙方的权利")
        .item("1. 获得甲方的培训、指导和寄养儿童所需的款物；")
        .item("2. 因故暂时无法照料时，可申请由甲方短期接回照料；需要解除寄养关系时，可书面提出申请（第十八条至第二十条）。")
        .heading("六、违约责任")
        .line(placement.liability())
        .heading("七、协议生效")
        .line("本协议自双方签字之日起生效（第十二条第（五）项）。")
        .line("乙方签字日期：" + signed(placement.familySignedAt(), zone))
        .line("甲方签字日期：" + signed(placement.directorSignedAt(), zone))
        .render(fontPath);
  }

  private static String date(LocalDate day) {
    return day.format(CHINESE_DATE);
  }

  private static String signed(Instant at, ZoneId zone) {
    return at == null ? "尚未签字" : date(LocalDate.ofInstant(at, zone));
  }
}

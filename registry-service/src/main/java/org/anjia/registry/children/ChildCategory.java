package org.anjia.registry.children;

/** Categories of the national child-welfare information system (seeds 002 ch.7, 003 四(二)). */
public enum ChildCategory {
  /** 机构养育: raised in the institution. */
  INSTITUTION_RAISED,
  /** 机构代养. */
  INSTITUTION_ENTRUSTED,
  /** 社会散居孤儿: orphan living in the community. */
  COMMUNITY_ORPHAN,
  /** 事实无人抚养儿童: parents dead, missing, imprisoned, severely ill or disabled, in compulsory rehab … */
  DE_FACTO_UNSUPPORTED,
  /** 困境儿童. */
  IN_DIFFICULTY,
  /** 留守儿童. */
  LEFT_BEHIND,
  /** 残疾儿童 (type and grade on the file). */
  DISABLED,
  /** 艾滋病病毒感染儿童. */
  HIV_AFFECTED
}

package org.anjia.registry.families;

/** A household member's place in the family (家庭成员关系). */
public enum MemberRole {
  /** 主要照料人: the adult named to care for a foster child day to day (寄养办法 art. 8(5)). */
  PRIMARY_CAREGIVER,
  SPOUSE,
  CHILD,
  OTHER_ADULT
}

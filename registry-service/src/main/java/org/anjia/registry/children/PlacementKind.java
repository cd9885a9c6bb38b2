package org.anjia.registry.children;

/** Placement channels (seed 002 ch.4 §4) plus in-institution family-style care. */
public enum PlacementKind {
  /** 机构养育. */
  INSTITUTION,
  /** 亲属抚养. */
  KIN,
  /** 家庭寄养. */
  FOSTER,
  /** 机构内家庭式养育. */
  FAMILY_STYLE,
  /** 依法收养. */
  ADOPTION
}

package org.anjia.registry.children;

/** Placement channels (seed 002 ch.4 §4) plus in-institution family-style care. */
public enum PlacementKind {
  INSTITUTION("机构养育"),
  KIN("亲属抚养"),
  FOSTER("家庭寄养"),
  FAMILY_STYLE("机构内家庭式养育"),
  ADOPTION("依法收养");

  /** The name written into the file's own records (zh-CN, the registry's language), e.g. an end reason. */
  private final String recordName;

  PlacementKind(String recordName) {
    this.recordName = recordName;
  }

  String recordName() {
    return recordName;
  }
}

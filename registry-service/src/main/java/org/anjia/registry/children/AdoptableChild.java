package org.anjia.registry.children;

import java.util.UUID;

/**
 * What the adoption journey needs to know of a child: where the child is, and the facts the
 * eligibility rules read (民法典 arts. 1093, 1100 para 2, 1102, 1104).
 */
public record AdoptableChild(
    UUID id,
    String name,
    int age,
    String sex,
    boolean available,
    String institutionCode,
    String jurisdictionCode,
    boolean orphan,
    boolean disabled,
    boolean institutionFoundling,
    boolean parentsCannotBeFound,
    boolean parentsInSpecialHardship) {

  /** What a family applying through the institution's link may see of the child, and no more. */
  public record Introduction(String name, String sex, int age) {}
}

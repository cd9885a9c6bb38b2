package org.anjia.registry.fostering;

import java.util.List;

/** Where a foster placement (家庭寄养安置) stands. */
enum FosterPlacementStatus {
  /** 待审批: proposed by the caseworker, awaiting the director. */
  PROPOSED,
  /** 不批准. */
  REFUSED,
  /** 待签协议: approved, the agreement awaits the family's and the director's signatures (art. 12(5)). */
  AWAITING_SIGNATURES,
  /** 已撤回: withdrawn by the director before the agreement took effect. */
  WITHDRAWN,
  /** 寄养中: the agreement is in force and the child lives with the family. */
  ACTIVE,
  /** 已结束. */
  ENDED;

  /**
   * Placements that hold a child and a family's place: a proposal counts from the start, so two
   * proposals cannot together exceed a family's capacity (art. 9).
   */
  static final List<String> OPEN = List.of(PROPOSED.name(), AWAITING_SIGNATURES.name(), ACTIVE.name());
}

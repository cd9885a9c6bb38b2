package org.anjia.registry.children;

/** A child's way to adoption (送养), driven by child-adoption-placement.bpmn. */
public enum AdoptionStatus {
  NOT_PLACED,
  /**
   * The institution prepares the materials of 登记办法 art. 7, the director approves, and for a
   * foundling the 60-day public notice runs (art. 8); birth parents may claim the child meanwhile.
   */
  PLACEMENT_REQUESTED,
  /** May be matched with adoptive applicants. */
  AVAILABLE,
  /** Birth parents came forward during the notice: not placed. */
  CLAIMED,
  /** The director did not approve the placement. */
  PLACEMENT_REFUSED,
  /** The adoption was dissolved (解除收养关系, 民法典 arts. 1114–1117). */
  DISSOLVED
}

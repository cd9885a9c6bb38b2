package org.anjia.registry.children;

import java.util.UUID;

/**
 * What the engine must hear about a child's placement, stored in the transaction that decided it. The
 * foster journey hears that a foster child is placed for adoption too (家庭寄养管理办法 art. 23).
 */
public final class ChildAdoptionEvents {

  private ChildAdoptionEvents() {}

  public record PlacementRequested(UUID childId) {}

  /** Birth parents came forward during the public notice (登记办法 art. 8). */
  record BirthParentsClaimed(UUID childId, String note) {}
}

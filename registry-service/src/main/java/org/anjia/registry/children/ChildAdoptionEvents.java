package org.anjia.registry.children;

import java.util.UUID;

/** What the engine must hear about a child's placement, stored in the transaction that decided it. */
final class ChildAdoptionEvents {

  private ChildAdoptionEvents() {}

  record PlacementRequested(UUID childId) {}

  /** Birth parents came forward during the public notice (登记办法 art. 8). */
  record BirthParentsClaimed(UUID childId, String note) {}
}

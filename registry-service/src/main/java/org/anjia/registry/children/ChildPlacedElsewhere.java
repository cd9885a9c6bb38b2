package org.anjia.registry.children;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The child got a new placement on the file other than family-style care — a foster family once the
 * agreement is signed, kinship or back in the institution's own care, typed by staff — published in
 * that transaction, so a residence unit the child lived in lets the child go the same day.
 */
public record ChildPlacedElsewhere(UUID childId, PlacementKind kind, LocalDate from) {}

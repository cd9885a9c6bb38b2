package org.anjia.registry.children;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A root-seeking visit (寻根回访) of an adoptee to the institution, as recorded on the child's file;
 * {@code recordedBy} names the recorder by unit, role and name (identity/ActorNames), not by login.
 */
public record RootSeekingVisit(UUID id, LocalDate visitedOn, String visitor, String companions, String notes,
    String recordedBy, Instant recordedAt) {

  /** What the caseworker records. */
  record Input(
      @NotNull @PastOrPresent LocalDate visitedOn,
      @NotBlank @Size(max = 200) String visitor,
      @Size(max = 500) String companions,
      @NotBlank @Size(max = 4000) String notes) {}

  /** A visit to a file the recorder names by its number (档案编号): a sealed file they may not open. */
  record ByFileNumber(@NotBlank @Size(max = 40) String fileNumber, @NotNull @Valid Input visit) {}
}

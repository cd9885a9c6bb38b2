package org.anjia.registry.fostering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A caseworker's match of a child with a family of the foster register, with the terms of the
 * agreement (家庭寄养管理办法 art. 12(5)).
 *
 * @param from the placement date: the agreement's period starts here, and the art. 9 ages count on it
 * @param until the end of the agreement's period
 * @param primaryCaregiver the named primary caregiver, a member of the household
 * @param integrationDays the integration period (art. 14: at least 60 days)
 * @param liability liability for breach of the agreement
 * @param siblingIds the child's siblings placed with the same family in this match, on the same terms
 * @param siblingsApartReason why a sibling in the institution's care is not placed with them (required then)
 */
record FosterPlacementRequest(
    @NotNull UUID childId,
    @NotNull UUID familyId,
    @NotNull LocalDate from,
    @NotNull LocalDate until,
    @NotBlank @Size(max = 100) String primaryCaregiver,
    @NotNull Integer integrationDays,
    @NotBlank @Size(max = 4000) String liability,
    List<UUID> siblingIds,
    @Size(max = 2000) String siblingsApartReason) {

  List<UUID> siblings() {
    return siblingIds == null ? List.of() : siblingIds.stream().distinct().filter(id -> !id.equals(childId)).toList();
  }

  boolean siblingsApartExplained() {
    return siblingsApartReason != null && !siblingsApartReason.isBlank();
  }
}

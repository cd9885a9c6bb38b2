package org.anjia.registry.fostering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A respite (短期托养, 家庭寄养管理办法 art. 20) asked for by the family or decided by the institution.
 *
 * @param from the day the child returns to the institution
 * @param until the day the child is due back with the family (at most the configured days after {@code from})
 * @param reason why the family cannot care for the child for a while
 */
record RespiteRequest(@NotNull LocalDate from, @NotNull LocalDate until, @NotBlank @Size(max = 2000) String reason) {}

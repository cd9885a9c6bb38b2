package org.anjia.registry.children;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The child's adoption is registered (民法典 art. 1105): published in the registration's transaction,
 * so a journey that holds the child (a foster placement, 家庭寄养管理办法 art. 23) ends with it.
 */
public record ChildAdopted(UUID childId, LocalDate registeredOn, String certificateNumber) {}

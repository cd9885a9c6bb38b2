package org.anjia.registry.applications;

import jakarta.persistence.Embeddable;

/** One unmet rule, with the article it comes from, in words the family understands. */
@Embeddable
public record RejectionReason(String rule, String article, String reason) {}

package org.anjia.registry.audit;

import java.time.Instant;
import java.util.List;

/** One line of the audit log, as stored and as auditors search it; previousHash is the last hash of its lane. */
public record AuditEntry(
    long id,
    int lane,
    Instant occurredAt,
    String actor,
    String roles,
    AuditAction action,
    String objectType,
    String objectId,
    List<String> fields,
    String reason,
    String address,
    String previousHash,
    String hash) {}

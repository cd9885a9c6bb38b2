package org.anjia.registry.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: who read or changed which record, when, from where, and why where a reason was
 * required. Entries are written in the transaction of the change they record, so a change and its
 * entry commit or vanish together. Each entry's hash covers its content and the previous entry's
 * hash; appends take a transaction-scoped advisory lock, so the chain stays one line across
 * replicas. The entries of a transaction are appended just before it commits, so the lock is held
 * only for the appends and the commit, not for the engine's work in between: audited writes are
 * serialized at commit, the price of a verifiable order (infra/bench/REPORT.md measured the
 * difference).
 */
@Component
public class AuditLog {

  static final String GENESIS = "0".repeat(64);
  /** The advisory lock key that serializes appends (any constant unique to this purpose). */
  private static final long APPEND_LOCK = 0x616e6a6961L; // "anjia"
  private static final char SEPARATOR = '\u001f';
  static final String ENGINE_ACTOR = "engine";

  private final JdbcClient jdbc;
  private final CurrentUsers users;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, CurrentUsers users, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
  }

  /** Records what the current user (or the engine, outside a request) did, in the current transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditAction action, String objectType, Object objectId, Collection<String> fields,
      String reason) {
    Optional<CurrentUser> user = users.find();
    append(action, objectType, objectId, fields, reason,
        user.map(CurrentUser::username).orElse(ENGINE_ACTOR),
        user.map(u -> u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","))).orElse("SYSTEM"),
        requestAddress());
  }

  /** For refusals: the request's own transaction rolls back, the record of the refusal must not. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefusal(AuditAction action, String objectType, Object objectId, String detail,
      String username, String address) {
    Optional<CurrentUser> user = users.find();
    append(action, objectType, objectId, List.of(), detail,
        username != null ? username : user.map(CurrentUser::username).orElse("anonymous"),
        user.map(u -> u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","))).orElse(""),
        address != null ? address : requestAddress());
  }

  private void append(AuditAction action, String objectType, Object objectId, Collection<String> fields,
      String reason, String actor, String roles, String address) {
    // PostgreSQL keeps microseconds: hash exactly what is stored
    Entry entry = new Entry(clock.instant().truncatedTo(ChronoUnit.MICROS), actor, roles, action.name(), objectType,
        objectId == null ? null : bounded(storable(objectId.toString())), String.join(",", fields), storable(reason),
        bounded(storable(address)));
    pendingEntries().add(entry);
  }

  /**
   * PostgreSQL's text cannot hold U+0000, and the driver sends an unpaired surrogate as "?", so the
   * stored entry would differ from the hashed one: both become U+FFFD before hashing (a refused read
   * whose reason carried a NUL answered 500).
   */
  static String storable(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(value.length());
    value.codePoints().forEach(c -> text.appendCodePoint(c == 0 || Character.isSurrogate((char) c) ? 0xFFFD : c));
    return text.toString();
  }

  /** The width of object_id and address (V2__identity_and_audit.sql), in characters as PostgreSQL counts them. */
  private static final int COLUMN_WIDTH = 100;

  /**
   * An id or address a caller chose (a refused read of a 2,000-character "id", a forwarded-for header)
   * may not fit its column: the entry keeps its start, marked as cut, rather than the request failing.
   */
  static String bounded(String value) {
    if (value == null || value.codePointCount(0, value.length()) <= COLUMN_WIDTH) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, COLUMN_WIDTH - 1)) + "…";
  }

  /** An entry waiting for its transaction's commit, when it gets its place in the chain. */
  private record Entry(Instant at, String actor, String roles, String action, String objectType, String objectId,
      String fields, String reason, String address) {}

  /**
   * The entries of the current transaction. They live in a synchronization of that transaction, so a
   * transaction started inside it (REQUIRES_NEW: a refusal) keeps its own, and a rollback drops them.
   */
  private List<Entry> pendingEntries() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof PendingEntries pending) {
        return pending.entries;
      }
    }
    PendingEntries pending = new PendingEntries();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending.entries;
  }

  private final class PendingEntries implements TransactionSynchronization {
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query(Object.class).single();
      String previous = jdbc.sql("select hash from audit_entry order by id desc limit 1")
          .query(String.class).optional().orElse(GENESIS);
      for (Entry entry : entries) {
        String hash = hash(previous, entry.at(), entry.actor(), entry.roles(), entry.action(), entry.objectType(),
            entry.objectId(), entry.fields(), entry.reason(), entry.address());
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor, roles, action, object_type, object_id, fields, reason,
                                         address, previous_hash, hash)
                values (:at, :actor, :roles, :action, :type, :id, :fields, :reason, :address, :previous, :hash)""")
            .param("at", Timestamp.from(entry.at()))
            .param("actor", entry.actor())
            .param("roles", entry.roles())
            .param("action", entry.action())
            .param("type", entry.objectType())
            .param("id", entry.objectId())
            .param("fields", entry.fields())
            .param("reason", entry.reason())
            .param("address", entry.address())
            .param("previous", previous)
            .param("hash", hash)
            .update();
        previous = hash;
      }
    }
  }

  static String hash(String previous, Instant at, String actor, String roles, String action, String objectType,
      String objectId, String fields, String reason, String address) {
    String content = String.join(String.valueOf(SEPARATOR), previous, at.toString(), actor, roles, action,
        objectType, nullToEmpty(objectId), fields, nullToEmpty(reason), nullToEmpty(address));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String requestAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Role;
import org.springframework.beans.factory.annotation.Value;
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
 * entry commit or vanish together. The log is a few hash chains, its lanes: each entry's hash
 * covers its content, its lane (see hash) and the previous hash of its lane. A transaction appends all its
 * entries to one lane under that lane's transaction-scoped advisory lock, just before it commits,
 * so each lane stays one line across replicas. One chain serialized every audited request at
 * commit, reads included (infra/bench/REPORT.md); with several lanes, concurrent commits take
 * different lanes. Altering or removing an entry still breaks its lane (AuditChain.verify()).
 */
@Component
public class AuditLog {

  static final String GENESIS = "0".repeat(64);
  /**
   * The advisory lock key of lane 0, which serializes its appends (any constant unique to this
   * purpose; it was the single chain's key, whose entries are lane 0); lane n locks this key + n.
   */
  private static final long APPEND_LOCK = 0x616e6a6961L; // "anjia"
  private static final char SEPARATOR = '\u001f';
  static final String ENGINE_ACTOR = "engine";
  /** Far above any connection pool: more lanes than concurrent commits buy nothing. */
  private static final int MAX_LANES = 1024;

  private final JdbcClient jdbc;
  private final CurrentUsers users;
  private final Clock clock;
  private final int lanes;

  AuditLog(JdbcClient jdbc, CurrentUsers users, Clock clock, @Value("${anjia.audit.lanes:16}") int lanes) {
    if (lanes < 1 || lanes > MAX_LANES) {
      throw new IllegalArgumentException("anjia.audit.lanes must be 1.." + MAX_LANES + ", was " + lanes);
    }
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
    this.lanes = lanes;
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

  /**
   * Records what happened elsewhere, in the current transaction: its own time, actor and address (a
   * Keycloak login event), no roles (the event carries none). Appended to the chain at commit like the rest.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordExternal(Instant at, String actor, AuditAction action, String objectType, String objectId,
      String reason, String address) {
    append(at, action, objectType, objectId, List.of(), reason, actor, "", address);
  }

  private void append(AuditAction action, String objectType, Object objectId, Collection<String> fields,
      String reason, String actor, String roles, String address) {
    append(clock.instant(), action, objectType, objectId, fields, reason, actor, roles, address);
  }

  private void append(Instant at, AuditAction action, String objectType, Object objectId, Collection<String> fields,
      String reason, String actor, String roles, String address) {
    // PostgreSQL keeps microseconds: hash exactly what is stored
    Entry entry = new Entry(at.truncatedTo(ChronoUnit.MICROS), actor, roles, action.name(), objectType,
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
      int lane = lockLane();
      String previous = jdbc.sql("select hash from audit_entry where lane = :lane order by id desc limit 1")
          .param("lane", lane).query(String.class).optional().orElse(GENESIS);
      for (Entry entry : entries) {
        String hash = hash(lane, previous, entry.at(), entry.actor(), entry.roles(), entry.action(),
            entry.objectType(), entry.objectId(), entry.fields(), entry.reason(), entry.address());
        jdbc.sql("""
                insert into audit_entry (lane, occurred_at, actor, roles, action, object_type, object_id, fields,
                                         reason, address, previous_hash, hash)
                values (:lane, :at, :actor, :roles, :action, :type, :id, :fields, :reason, :address, :previous,
                        :hash)""")
            .param("lane", lane)
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

  /**
   * Takes the lock of a free lane, trying them from a random one on, so that concurrent transactions
   * (of every replica) spread over the lanes; when every lane is taken it waits for that random one.
   * The lock is held until the commit, so the lane's next append links to this one's last entry.
   */
  private int lockLane() {
    int start = ThreadLocalRandom.current().nextInt(lanes);
    for (int i = 0; i < lanes; i++) {
      int lane = (start + i) % lanes;
      if (jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", APPEND_LOCK + lane)
          .query(Boolean.class).single()) {
        return lane;
      }
    }
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK + start).query(Object.class).single();
    return start;
  }

  /**
   * The hash of an entry. Lane 0 hashes what the single chain hashed (its entries predate lanes);
   * the other lanes add the lane, so an entry moved to another lane does not verify there.
   */
  static String hash(int lane, String previous, Instant at, String actor, String roles, String action,
      String objectType, String objectId, String fields, String reason, String address) {
    String content = String.join(String.valueOf(SEPARATOR), previous, at.toString(), actor, roles, action,
        objectType, nullToEmpty(objectId), fields, nullToEmpty(reason), nullToEmpty(address));
    if (lane != 0) {
      content += SEPARATOR + Integer.toString(lane);
    }
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

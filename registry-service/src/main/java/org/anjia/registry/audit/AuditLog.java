package org.anjia.registry.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: who read or changed which record, when, from where, and why where a reason was
 * required. Entries are written in the transaction of the change they record, so a change and its
 * entry commit or vanish together. Each entry's hash covers its content and the previous entry's
 * hash; appends take a transaction-scoped advisory lock, so the chain stays one line across
 * replicas (audited writes are serialized at commit, the price of a verifiable order).
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
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query(Object.class).single();
    String previous = jdbc.sql("select hash from audit_entry order by id desc limit 1")
        .query(String.class).optional().orElse(GENESIS);
    // PostgreSQL keeps microseconds: hash exactly what is stored
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String fieldList = String.join(",", fields);
    String id = objectId == null ? null : objectId.toString();
    String hash = hash(previous, at, actor, roles, action.name(), objectType, id, fieldList, reason, address);
    jdbc.sql("""
            insert into audit_entry (occurred_at, actor, roles, action, object_type, object_id, fields, reason,
                                     address, previous_hash, hash)
            values (:at, :actor, :roles, :action, :type, :id, :fields, :reason, :address, :previous, :hash)""")
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("roles", roles)
        .param("action", action.name())
        .param("type", objectType)
        .param("id", id)
        .param("fields", fieldList)
        .param("reason", reason)
        .param("address", address)
        .param("previous", previous)
        .param("hash", hash)
        .update();
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

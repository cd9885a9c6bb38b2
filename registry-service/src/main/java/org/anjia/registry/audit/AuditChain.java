package org.anjia.registry.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Verifies the chain, and searches the log for auditors. */
@Component
public class AuditChain {

  /**
   * @param valid every entry's hash matches its content and links to the one before it in its lane
   * @param checked how many entries were checked
   * @param firstBrokenId the first entry (the lowest id, over all lanes) that does not verify (null when valid)
   */
  public record Verification(boolean valid, long checked, Long firstBrokenId) {}

  public record Search(String actor, String objectType, String objectId, AuditAction action) {}

  private final JdbcClient jdbc;

  AuditChain(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Checks every lane in id order: each entry links to the last hash of its lane (the first one to
   * the genesis hash) and its hash matches its content. One pass in id order over all lanes stops
   * at the lowest broken id, which is what the single chain reported.
   */
  @Transactional(readOnly = true)
  public Verification verify() {
    long[] checked = {0};
    Map<Integer, String> heads = new HashMap<>();
    Long[] broken = {null};
    jdbc.sql("select * from audit_entry order by id").query((ResultSet rs) -> {
      if (broken[0] != null) {
        return;
      }
      AuditEntry entry = entry(rs);
      checked[0]++;
      String expected = AuditLog.hash(entry.lane(), entry.previousHash(), entry.occurredAt(), entry.actor(),
          entry.roles(), entry.action().name(), entry.objectType(), entry.objectId(),
          String.join(",", entry.fields()), entry.reason(), entry.address());
      if (!entry.previousHash().equals(heads.getOrDefault(entry.lane(), AuditLog.GENESIS))
          || !expected.equals(entry.hash())) {
        broken[0] = entry.id();
      }
      heads.put(entry.lane(), entry.hash());
    });
    return new Verification(broken[0] == null, checked[0], broken[0]);
  }

  @Transactional(readOnly = true)
  public List<AuditEntry> search(Search search, int page, int size) {
    return jdbc.sql("""
            select * from audit_entry
            where (cast(:actor as text) is null or actor = cast(:actor as text))
              and (cast(:type as text) is null or object_type = cast(:type as text))
              and (cast(:id as text) is null or object_id = cast(:id as text))
              and (cast(:action as text) is null or action = cast(:action as text))
            order by id desc limit :limit offset :offset""")
        .param("actor", search.actor())
        .param("type", search.objectType())
        .param("id", search.objectId())
        .param("action", search.action() == null ? null : search.action().name())
        .param("limit", size)
        .param("offset", (long) page * size)
        .query((rs, row) -> entry(rs))
        .list();
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    String fields = rs.getString("fields");
    return new AuditEntry(rs.getLong("id"), rs.getInt("lane"), rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"), rs.getString("roles"), AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"),
        rs.getString("object_id"), fields.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(fields.split(","))),
        rs.getString("reason"), rs.getString("address"), rs.getString("previous_hash"), rs.getString("hash"));
  }
}

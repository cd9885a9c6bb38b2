package org.anjia.registry.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Verifies the chain, and searches the log for auditors. */
@Component
public class AuditChain {

  /**
   * @param valid every entry's hash matches its content and links to the one before
   * @param checked how many entries were checked
   * @param firstBrokenId the first entry that does not verify (null when valid)
   */
  public record Verification(boolean valid, long checked, Long firstBrokenId) {}

  public record Search(String actor, String objectType, String objectId, AuditAction action) {}

  private final JdbcClient jdbc;

  AuditChain(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Verification verify() {
    long[] checked = {0};
    String[] previous = {AuditLog.GENESIS};
    Long[] broken = {null};
    jdbc.sql("select * from audit_entry order by id").query((ResultSet rs) -> {
      if (broken[0] != null) {
        return;
      }
      AuditEntry entry = entry(rs);
      checked[0]++;
      String expected = AuditLog.hash(entry.previousHash(), entry.occurredAt(), entry.actor(), entry.roles(),
          entry.action().name(), entry.objectType(), entry.objectId(), String.join(",", entry.fields()),
          entry.reason(), entry.address());
      if (!entry.previousHash().equals(previous[0]) || !expected.equals(entry.hash())) {
        broken[0] = entry.id();
      }
      previous[0] = entry.hash();
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
    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
        rs.getString("roles"), AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"),
        rs.getString("object_id"), fields.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(fields.split(","))),
        rs.getString("reason"), rs.getString("address"), rs.getString("previous_hash"), rs.getString("hash"));
  }
}

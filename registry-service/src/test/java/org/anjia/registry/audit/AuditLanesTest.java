package org.anjia.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's lanes (V31): transactions that commit at the same time append to different hash
 * chains, every lane verifies, and an entry altered or moved in one lane is named as the first
 * broken one.
 */
class AuditLanesTest extends RegistryIntegrationTest {

  private static final int CONCURRENT = 4;

  @Autowired
  AuditLog audit;

  @Autowired
  AuditChain chain;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Test
  void transactionsCommittingTogetherTakeDifferentLanesAndEveryLaneVerifies() throws Exception {
    List<Long> ids = commitTogether();

    List<Integer> lanes = jdbc.sql("select lane from audit_entry where id in (:ids)").param("ids", ids)
        .query(Integer.class).list();
    assertThat(lanes).as("each transaction held its lane while the others committed").doesNotHaveDuplicates()
        .hasSize(CONCURRENT);
    AuditChain.Verification verification = chain.verify();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.checked()).isGreaterThanOrEqualTo(CONCURRENT);
  }

  @Test
  void aTransactionsEntriesFollowEachOtherInItsLane() {
    String batch = UUID.randomUUID().toString();
    transactions.executeWithoutResult(status -> {
      for (int i = 0; i < 3; i++) {
        audit.record(AuditAction.READ, "CHILD", batch + "/" + i, List.of("summary"), null);
      }
    });

    record Link(int lane, String previousHash, String hash) {}
    List<Link> links = jdbc.sql("""
            select lane, previous_hash, hash from audit_entry where object_id like :batch order by id""")
        .param("batch", batch + "/%")
        .query((rs, row) -> new Link(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    assertThat(links).hasSize(3);
    assertThat(links).extracting(Link::lane).containsOnly(links.get(0).lane());
    assertThat(links.get(1).previousHash()).isEqualTo(links.get(0).hash());
    assertThat(links.get(2).previousHash()).isEqualTo(links.get(1).hash());
    assertThat(chain.verify().valid()).isTrue();
  }

  @Test
  void anEntryAlteredOrMovedInOneLaneIsTheFirstBrokenOne() throws Exception {
    List<Long> ids = commitTogether();
    long target = jdbc.sql("select min(id) from audit_entry where id in (:ids) and lane <> 0").param("ids", ids)
        .query(Long.class).single();
    int lane = jdbc.sql("select lane from audit_entry where id = :id").param("id", target).query(Integer.class)
        .single();
    assertThat(chain.verify().valid()).isTrue();

    tamper("update audit_entry set reason = 'forged' where id = " + target);
    try {
      assertThat(chain.verify().firstBrokenId()).as("altered").isEqualTo(target);
    } finally {
      tamper("update audit_entry set reason = null where id = " + target);
    }
    tamper("update audit_entry set lane = %d where id = %d".formatted(lane + 1, target));
    try {
      assertThat(chain.verify().firstBrokenId()).as("moved to another lane").isEqualTo(target);
    } finally {
      tamper("update audit_entry set lane = %d where id = %d".formatted(lane, target));
    }
    assertThat(chain.verify().valid()).as("restored").isTrue();
  }

  @Test
  void laneZeroHashesWhatTheSingleChainHashedSoEntriesBeforeLanesStillVerify() throws Exception {
    Instant at = Instant.parse("2026-03-01T08:00:00.123456Z");
    String previous = "a".repeat(64);
    String singleChain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
        String.join("\u001f", previous, at.toString(), "cw-nanchang", "CASEWORKER", "READ", "CHILD", "42", "", "",
            "127.0.0.1").getBytes(StandardCharsets.UTF_8)));

    assertThat(AuditLog.hash(0, previous, at, "cw-nanchang", "CASEWORKER", "READ", "CHILD", "42", "", null,
        "127.0.0.1")).isEqualTo(singleChain);
    assertThat(AuditLog.hash(1, previous, at, "cw-nanchang", "CASEWORKER", "READ", "CHILD", "42", "", null,
        "127.0.0.1")).isNotEqualTo(singleChain);
  }

  /**
   * Commits {@link #CONCURRENT} audited transactions at once: each one waits, after its entry is
   * appended and before it commits (so while it holds its lane), until all have appended.
   */
  private List<Long> commitTogether() throws Exception {
    String batch = UUID.randomUUID().toString();
    CountDownLatch appended = new CountDownLatch(CONCURRENT);
    ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT);
    try {
      List<Future<?>> commits = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        String objectId = batch + "/" + i;
        commits.add(threads.submit(() -> transactions.executeWithoutResult(status -> {
          audit.record(AuditAction.READ, "CHILD", objectId, List.of(), null);
          // registered after the log's own synchronization, so it runs after the append
          TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              appended.countDown();
              try {
                assertThat(appended.await(30, TimeUnit.SECONDS)).as("all transactions appended").isTrue();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            }
          });
        })));
      }
      for (Future<?> commit : commits) {
        commit.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    return jdbc.sql("select id from audit_entry where object_id like :batch order by id").param("batch", batch + "/%")
        .query(Long.class).list();
  }

  /** What an attacker with database superuser rights could do: bypass the append-only trigger. */
  private void tamper(String update) {
    jdbc.sql("begin; set local session_replication_role = replica; " + update + "; commit;").update();
  }
}

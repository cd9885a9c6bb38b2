package org.anjia.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The names staff are shown by (V34), written on every claim: a member of staff whose name did not
 * change takes no lock on it, so two claims of theirs in flight at once do not wait for each other.
 */
class StaffNamesTest extends RegistryIntegrationTest {

  @Autowired
  StaffNames names;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Test
  void anUnchangedNameIsNotLockedByAnotherTransactionStillOpen() throws Exception {
    String username = "cw-staff-names-" + System.nanoTime();
    names.remember(username, "李娜");
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> open = other.submit(() -> transactions.executeWithoutResult(status -> {
        names.remember(username, "李娜");
        recorded.countDown();
        await(release);
      }));
      assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();

      // a lock wait would end in an error after lock_timeout; without the lock this returns at once
      transactions.executeWithoutResult(status -> {
        jdbc.sql("set local lock_timeout = '2s'").update();
        names.remember(username, "李娜");
      });
      release.countDown();
      open.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      other.shutdownNow();
    }
    assertThat(names.nameOf(username)).isEqualTo("李娜");
  }

  @Test
  void aNewNameReplacesTheRecordedOneAndALoginAloneRecordsNothing() {
    String username = "cw-staff-names-" + System.nanoTime();
    names.remember(username, username);
    assertThat(names.namesOf(List.of(username))).as("the login is no name").isEmpty();

    names.remember(username, "李娜");
    names.remember(username, " 李丽娜 ");
    assertThat(names.nameOf(username)).isEqualTo("李丽娜");
    assertThat(jdbc.sql("select count(*) from staff_name where username = :username").param("username", username)
        .query(Long.class).single()).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.anjia.registry.applications;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A submission sent again with the same key (double click, retry after a timeout, the same request
 * twenty times at once) makes one application: the key is claimed in the submission's transaction;
 * a second claim waits for the first to commit and then answers with its application. A first
 * attempt that failed leaves no claim behind (it rolled back with it).
 */
@Component
public class Submissions {

  /** The application a submission made, and whether an earlier submission with the same key made it. */
  public record Outcome(UUID applicationId, boolean repeated) {}

  static final int MAX_KEY_LENGTH = 100;

  private final JdbcClient jdbc;
  private final CurrentUsers users;
  private final Labels labels;
  private final Clock clock;

  Submissions(JdbcClient jdbc, CurrentUsers users, Labels labels, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.labels = labels;
    this.clock = clock;
  }

  /** 201 Created for a new application, 200 with the earlier one for a repeat. */
  public static ResponseEntity<ApplicationView> answer(Outcome outcome, ApplicationView view) {
    return outcome.repeated() ? ResponseEntity.ok(view)
        : ResponseEntity.created(URI.create("/api/applications/" + outcome.applicationId())).body(view);
  }

  /** Runs the submission once per key and account; without a key, every call submits. */
  @Transactional
  public Outcome once(String key, Supplier<UUID> submit) {
    if (key == null || key.isBlank()) {
      return new Outcome(submit.get(), false);
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new InvalidInputException(List.of(new FieldProblem("Idempotency-Key",
          labels.of("anjia.validation.submissionKeyTooLong", MAX_KEY_LENGTH))));
    }
    String subject = users.current().subject();
    // on a conflict with a claim not yet committed, PostgreSQL waits for it before doing nothing
    int claimed = jdbc.sql("""
            insert into submission_key (subject, key, submitted_at) values (:subject, :key, :at)
            on conflict do nothing""")
        .param("subject", subject).param("key", key).param("at", Timestamp.from(clock.instant()))
        .update();
    if (claimed == 0) {
      UUID earlier = jdbc.sql("select application_id from submission_key where subject = :subject and key = :key")
          .param("subject", subject).param("key", key).query(UUID.class).single();
      return new Outcome(earlier, true);
    }
    UUID applicationId = submit.get();
    jdbc.sql("update submission_key set application_id = :id where subject = :subject and key = :key")
        .param("id", applicationId).param("subject", subject).param("key", key).update();
    return new Outcome(applicationId, false);
  }
}

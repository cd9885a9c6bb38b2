package org.anjia.registry.children;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.Role;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 听取儿童意见: the hearings of a child by the official who heard it — the day, who heard it, the
 * answer and the child's own words — for an adoption (民法典 art. 1104, by application) or a foster
 * placement (家庭寄养管理办法 art. 11, by child). Append-only: the latest hearing counts. Who may
 * hear the child, and when, is decided by the journey that asks.
 */
@Service
public class ChildHearings {

  /** One hearing of the child, as the record keeps it. */
  public record Hearing(LocalDate heardOn, String heardByName, Role heardByRole, boolean consents, String childWords,
      Instant recordedAt) {}

  /** What the hearing is about: an adoption application, or (applicationId null) a foster placement of the child. */
  public record Subject(UUID applicationId, UUID childId) {

    public static Subject adoption(UUID applicationId) {
      return new Subject(applicationId, null);
    }

    public static Subject fosterCare(UUID childId) {
      return new Subject(null, childId);
    }
  }

  private final JdbcClient jdbc;
  private final Labels labels;
  private final Clock clock;

  ChildHearings(JdbcClient jdbc, Labels labels, Clock clock) {
    this.jdbc = jdbc;
    this.labels = labels;
    this.clock = clock;
  }

  /** Records a hearing by {@code official} in {@code role}; a hearing dated in the future is refused. */
  public Hearing record(Subject subject, ChildConsentRequest request, CurrentUser official, Role role) {
    if (request.heardOn().isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException(List.of(new FieldProblem("heardOn", labels.of("anjia.validation.notInFuture"))));
    }
    Instant now = clock.instant();
    jdbc.sql("""
            insert into child_consent (id, application_id, child_id, heard_on, heard_by, heard_by_name, heard_by_role,
                                       consents, child_words, recorded_at)
            values (:id, :application, :child, :heardOn, :by, :name, :role, :consents, :words, :at)""")
        .param("id", UUID.randomUUID()).param("application", subject.applicationId()).param("child", subject.childId())
        .param("heardOn", Date.valueOf(request.heardOn())).param("by", official.username())
        .param("name", official.displayName()).param("role", role.name())
        .param("consents", request.consents()).param("words", request.childWords().trim())
        .param("at", Timestamp.from(now))
        .update();
    return new Hearing(request.heardOn(), official.displayName(), role, request.consents(), request.childWords().trim(),
        now);
  }

  /** Every hearing on the subject, latest first. */
  public List<Hearing> of(Subject subject) {
    String where = subject.applicationId() != null ? "application_id = :id" : "child_id = :id and application_id is null";
    return jdbc.sql("""
            select heard_on, heard_by_name, heard_by_role, consents, child_words, recorded_at from child_consent
            where %s order by recorded_at desc, heard_on desc""".formatted(where))
        .param("id", subject.applicationId() != null ? subject.applicationId() : subject.childId())
        .query((rs, i) -> new Hearing(rs.getDate("heard_on").toLocalDate(), rs.getString("heard_by_name"),
            Role.valueOf(rs.getString("heard_by_role")), rs.getBoolean("consents"), rs.getString("child_words"),
            rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  /** Whether the latest hearing on the subject recorded a consent. */
  public boolean consented(Subject subject) {
    return of(subject).stream().findFirst().map(Hearing::consents).orElse(false);
  }
}

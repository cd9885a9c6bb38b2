package org.anjia.registry.families;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Keycloak accounts belong to which household. The adult who applies is linked when the
 * family record is created; another adult joins with a one-time invitation code.
 */
@Service
public class FamilyAccounts {

  /** The first key of the two-key advisory locks on accounts (a space of its own, apart from one-key locks). */
  private static final int ACCOUNT_LOCK_SPACE = 1101;
  private static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
  private final SecureRandom random = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  FamilyAccounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void link(UUID familyId, String subject, String username) {
    jdbc.sql("""
            insert into family_account (family_id, subject, username, linked_at) values (:family, :subject, :name, :at)
            on conflict do nothing""")
        .param("family", familyId).param("subject", subject).param("name", username)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  public boolean isMember(UUID familyId, String subject) {
    return jdbc.sql("select count(*) from family_account where family_id = :family and subject = :subject")
        .param("family", familyId).param("subject", subject).query(Long.class).single() > 0;
  }

  /**
   * The households of an account, its submissions serialized until the transaction ends (on every
   * replica): two first applications sent at once by one adult make one household, not two.
   */
  @Transactional
  public List<UUID> familiesLockedFor(String subject) {
    jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:subject))")
        .param("space", ACCOUNT_LOCK_SPACE).param("subject", subject).query(Object.class).single();
    return familiesOf(subject);
  }

  public List<UUID> familiesOf(String subject) {
    return jdbc.sql("select family_id from family_account where subject = :subject order by linked_at")
        .param("subject", subject).query(UUID.class).list();
  }

  /** A code the applicant gives the other adults of the household; valid for a week, once. */
  @Transactional
  public String invite(UUID familyId, String invitedBy) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    Instant now = clock.instant();
    jdbc.sql("""
            insert into family_invitation (code, family_id, created_by, created_at, expires_at)
            values (:code, :family, :by, :at, :expires)""")
        .param("code", code.toString()).param("family", familyId).param("by", invitedBy)
        .param("at", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(INVITATION_VALIDITY)))
        .update();
    return code.toString();
  }

  /** Joins the household the code belongs to; empty when the code is unknown, used or expired. */
  @Transactional
  public Optional<UUID> join(String code, String subject, String username) {
    Optional<UUID> family = jdbc.sql("""
            update family_invitation set used_by = :subject, used_at = :now
            where code = :code and used_by is null and expires_at > :now
            returning family_id""")
        .param("subject", subject).param("now", Timestamp.from(clock.instant()))
        .param("code", code.trim().toUpperCase())
        .query(UUID.class).optional();
    family.ifPresent(id -> link(id, subject, username));
    return family;
  }
}

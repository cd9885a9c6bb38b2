package org.anjia.registry.applications;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.Role;

/** One step in an application's history; rows are only ever added. */
@Entity
@Table(name = "application_status_change")
public class StatusChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne
  @JoinColumn(name = "application_id")
  private Application application;
  @Enumerated(EnumType.STRING)
  private ApplicationStatus status;
  private Instant changedAt;
  /** The login, for the audit trail; pages show the name, role and unit beside it. */
  private String actor;
  private String actorName;
  @Enumerated(EnumType.STRING)
  private Role actorRole;
  private String actorUnit;
  private String note;

  protected StatusChange() {}

  StatusChange(Application application, ApplicationStatus status, Instant changedAt, Actor actor, String note) {
    this.application = application;
    this.status = status;
    this.changedAt = changedAt;
    this.actor = actor.login();
    this.actorName = actor.name();
    this.actorRole = actor.role();
    this.actorUnit = actor.unit();
    this.note = note;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public Actor getActor() {
    return new Actor(actor, actorRole, actorName, actorUnit);
  }

  public String getNote() {
    return note;
  }
}

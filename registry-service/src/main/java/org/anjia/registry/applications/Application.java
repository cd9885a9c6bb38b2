package org.anjia.registry.applications;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.anjia.registry.identity.Actor;

/**
 * A family's application in one journey, with its full status history. Once approved or rejected
 * nothing moves it any more, so a job worker that runs twice leaves one history entry.
 */
@Entity
public class Application {

  @Id
  private UUID id;
  private String number;
  @Enumerated(EnumType.STRING)
  private ApplicationType type;
  @Enumerated(EnumType.STRING)
  private ApplicationStatus status;
  private UUID familyId;
  private String institutionCode;
  private String jurisdictionCode;
  /** 民法典 art. 1110: seen only by the registrar of its jurisdiction, each read with a stated reason. */
  private boolean sealed;
  private UUID childId;
  /** 民法典 art. 1110: the parties asked for secrecy; the record is sealed on registration. */
  private boolean confidential;
  private String spouseConfirmedBy;
  /** Why the application comes first, e.g. the child's foster family applying (家庭寄养管理办法 art. 23); null when none. */
  private String priority;
  private String motivation;
  private Instant submittedAt;
  private Instant decidedAt;
  @Version
  private long version;

  @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("changedAt, id")
  private List<StatusChange> history = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "application_rejection_reason", joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "position")
  private List<RejectionReason> rejectionReasons = new ArrayList<>();

  protected Application() {}

  public Application(String number, ApplicationType type, UUID familyId, String institutionCode,
      String jurisdictionCode, String motivation, Instant submittedAt, Actor submittedBy) {
    this.id = UUID.randomUUID();
    this.number = number;
    this.type = type;
    this.familyId = familyId;
    this.institutionCode = institutionCode;
    this.jurisdictionCode = jurisdictionCode;
    this.motivation = motivation;
    this.submittedAt = submittedAt;
    this.status = ApplicationStatus.SUBMITTED;
    history.add(new StatusChange(this, ApplicationStatus.SUBMITTED, submittedAt, submittedBy, null));
  }

  /** Records a step; returns false (and changes nothing) when the application is already decided. */
  public boolean moveTo(ApplicationStatus next, Instant at, Actor actor, String note) {
    if (status.isFinal()) {
      return false;
    }
    status = next;
    history.add(new StatusChange(this, next, at, actor, note));
    if (next.isFinal()) {
      decidedAt = at;
    }
    return true;
  }

  public boolean reject(List<RejectionReason> reasons, Instant at, Actor actor) {
    if (!moveTo(ApplicationStatus.REJECTED, at, actor, null)) {
      return false;
    }
    rejectionReasons.clear();
    rejectionReasons.addAll(reasons);
    return true;
  }

  /** An adoption application concerns one child; the parties may ask for confidentiality. */
  void concernChild(UUID childId) {
    this.childId = childId;
  }

  /** The parties ask that the adoption be kept secret (民法典 art. 1110). */
  public void keepConfidential(boolean confidential) {
    this.confidential = confidential;
  }

  public void givePriority(String reason) {
    this.priority = reason;
  }

  public String getPriority() {
    return priority;
  }

  public void confirmBySpouse(String username) {
    this.spouseConfirmedBy = username;
  }

  public UUID getChildId() {
    return childId;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public String getSpouseConfirmedBy() {
    return spouseConfirmedBy;
  }

  /** Seals the record (民法典 art. 1110); sealing is never undone here. */
  public void seal() {
    sealed = true;
  }

  public UUID getId() {
    return id;
  }

  public String getInstitutionCode() {
    return institutionCode;
  }

  public String getJurisdictionCode() {
    return jurisdictionCode;
  }

  public boolean isSealed() {
    return sealed;
  }

  public String getNumber() {
    return number;
  }

  public ApplicationType getType() {
    return type;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public UUID getFamilyId() {
    return familyId;
  }

  public String getMotivation() {
    return motivation;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public List<StatusChange> getHistory() {
    return Collections.unmodifiableList(history);
  }

  public List<RejectionReason> getRejectionReasons() {
    return Collections.unmodifiableList(rejectionReasons);
  }
}

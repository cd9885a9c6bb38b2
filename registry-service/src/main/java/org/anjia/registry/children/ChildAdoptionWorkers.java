package org.anjia.registry.children;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The placement process's outcomes on the child's file. Public: the client invokes them reflectively. */
@Component
public class ChildAdoptionWorkers {

  private final Children children;

  ChildAdoptionWorkers(Children children) {
    this.children = children;
  }

  @JobWorker(type = ChildAdoptionPlacement.JOB_MARK_AVAILABLE)
  public void markAvailable(@Variable(name = ChildAdoptionPlacement.CHILD_ID) String childId) {
    children.adoptionStatus(UUID.fromString(childId), AdoptionStatus.AVAILABLE, null);
  }

  @JobWorker(type = ChildAdoptionPlacement.JOB_RECORD_CLAIM)
  public void recordClaim(@Variable(name = ChildAdoptionPlacement.CHILD_ID) String childId,
      @Variable(name = "claimNote") String claimNote) {
    children.adoptionStatus(UUID.fromString(childId), AdoptionStatus.CLAIMED, claimNote);
  }

  @JobWorker(type = ChildAdoptionPlacement.JOB_PLACEMENT_REFUSED)
  public void placementRefused(@Variable(name = ChildAdoptionPlacement.CHILD_ID) String childId) {
    children.adoptionStatus(UUID.fromString(childId), AdoptionStatus.PLACEMENT_REFUSED, null);
  }
}

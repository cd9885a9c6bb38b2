package org.anjia.registry.engine;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replays outbox entries whose listener failed (engine down, crash before completion). Every
 * replica runs this; the listeners are idempotent towards the engine (message ids, completion of an
 * already completed task is ignored), so two replicas replaying the same entry do no harm.
 */
@Component
class OutboxResubmission {

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  OutboxResubmission(IncompleteEventPublications incomplete,
      @Value("${anjia.outbox.resubmit-older-than}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(fixedDelayString = "${anjia.outbox.resubmit-interval}")
  void resubmit() {
    incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
  }
}

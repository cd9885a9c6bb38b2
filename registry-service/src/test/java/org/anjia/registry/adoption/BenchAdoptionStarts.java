package org.anjia.registry.adoption;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * For the benchmark (infra/bench): starts an adoption application's process through the service's own
 * starter, as the spouse's confirmation does in its transaction. The caller holds the transaction in
 * which the application's rows were written.
 */
public final class BenchAdoptionStarts {

  private BenchAdoptionStarts() {}

  public static void start(ApplicationContext context, UUID applicationId) {
    context.getBean(AdoptionProcessStarter.class).on(new AdoptionApplicationSubmitted(applicationId));
  }
}

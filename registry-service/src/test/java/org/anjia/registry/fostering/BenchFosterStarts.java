package org.anjia.registry.fostering;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * For the benchmark (infra/bench): starts an application's qualification process through the
 * service's own starter, exactly as a submission does in its transaction. The caller holds the
 * transaction in which the application's rows were written.
 */
public final class BenchFosterStarts {

  private BenchFosterStarts() {}

  public static void start(ApplicationContext context, UUID applicationId) {
    context.getBean(FosterProcessStarter.class).on(new FosterApplicationSubmitted(applicationId));
  }
}

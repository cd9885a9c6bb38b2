package org.anjia.registry.familystyle;

import java.util.UUID;
import org.anjia.registry.applications.Applications;
import org.springframework.context.ApplicationContext;

/**
 * For the benchmark (infra/bench): starts a confirmed family-style application's qualification through
 * the service's own code, as the spouse's confirmation does in its transaction. The caller holds the
 * transaction in which the application's rows were written.
 */
public final class BenchCoupleStarts {

  private BenchCoupleStarts() {}

  public static void start(ApplicationContext context, UUID applicationId) {
    context.getBean(CoupleApplications.class).startQualification(context.getBean(Applications.class).get(applicationId));
  }
}

package org.anjia.registry.engine;

import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.anjia.registry.EngineTime;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation reads the service's clock: with the engine clock two days ahead of the machine's
 * (as tests move it), a child admitted "today" is accepted, and tomorrow is still refused as lying in
 * the future. The clock is put back afterwards, so later tests keep their dates.
 */
class ValidationClockTest extends RegistryIntegrationTest {

  @Test
  void aDateIsInTheFutureByTheServicesClockNotTheMachines() {
    EngineTime.during(Instant.now().plus(Duration.ofDays(2)), () -> {
      Map<String, Object> child = orphanOfNanchang("党小安", "FEMALE", "2023-01-05");
      child.put("admissionDate", today().toString());
      Response admitted = post(CASEWORKER_NANCHANG, "/api/children", child);
      assertThat(admitted.status()).as("%s", admitted.body()).isEqualTo(201);

      child.put("admissionDate", today().plusDays(1).toString());
      Response tomorrow = post(CASEWORKER_NANCHANG, "/api/children", child);
      assertThat(tomorrow.status()).isEqualTo(400);
      assertThat(tomorrow.body().path("errors").get(0).path("field").asText()).isEqualTo("admissionDate");
    });
  }
}

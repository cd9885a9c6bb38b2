package org.anjia.registry.fostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.anjia.registry.fostering.FosterRegister.Standing;
import org.junit.jupiter.api.Test;

/** When the register marks an approval: 60 days before its expiry (anjia.foster.register-expiry-warning), and after it. */
class FosterRegisterStandingTest {

  private static final LocalDate EXPIRES_ON = LocalDate.parse("2027-03-02");
  private static final Period WARNING = Period.ofDays(60);

  @Test
  void validUntilTheWarningPeriodBegins() {
    assertThat(Standing.on(LocalDate.parse("2026-03-02"), EXPIRES_ON, WARNING)).isEqualTo(Standing.VALID);
    assertThat(Standing.on(EXPIRES_ON.minusDays(61), EXPIRES_ON, WARNING)).isEqualTo(Standing.VALID);
  }

  @Test
  void expiringWithinSixtyDaysUpToTheLastDay() {
    assertThat(Standing.on(EXPIRES_ON.minusDays(60), EXPIRES_ON, WARNING)).isEqualTo(Standing.EXPIRING);
    assertThat(Standing.on(EXPIRES_ON, EXPIRES_ON, WARNING)).as("valid through its last day").isEqualTo(Standing.EXPIRING);
  }

  @Test
  void expiredFromTheDayAfter() {
    assertThat(Standing.on(EXPIRES_ON.plusDays(1), EXPIRES_ON, WARNING)).isEqualTo(Standing.EXPIRED);
  }
}

package org.anjia.registry.engine;

import org.anjia.registry.AnjiaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One package per business module, talking through public types and events only; no cycles. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(AnjiaApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }
}

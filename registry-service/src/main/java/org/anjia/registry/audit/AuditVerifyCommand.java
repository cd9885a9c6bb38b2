package org.anjia.registry.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code infra/local/verify-audit}: starts the service without its web server, engine client or
 * workers, verifies the chain, prints the result and exits 0 (intact) or 1 (broken at an entry).
 */
@Component
@ConditionalOnProperty(name = "anjia.command", havingValue = "verify-audit")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

  private final AuditChain chain;
  private int exitCode;

  AuditVerifyCommand(AuditChain chain) {
    this.chain = chain;
  }

  @Override
  public void run(ApplicationArguments args) {
    AuditChain.Verification verification = chain.verify();
    if (verification.valid()) {
      System.out.printf("Audit chain intact: %d entries verified.%n", verification.checked());
    } else {
      System.out.printf("Audit chain BROKEN at entry %d (%d entries checked).%n", verification.firstBrokenId(),
          verification.checked());
      exitCode = 1;
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}

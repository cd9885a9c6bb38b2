package org.anjia.registry.audit;

import java.io.PrintStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code infra/local/verify-audit [jdbc-url [user [password]]]}: verifies the audit chain straight
 * from the database, without starting the service. Exit code 0 when intact, 1 when broken (it
 * names the first entry that does not verify), 2 when the database cannot be read.
 */
public final class AuditChainCommand {

  /** The local stack's embedded PostgreSQL. */
  static final String LOCAL_DATABASE = "jdbc:postgresql://127.0.0.1:55432/postgres";

  private AuditChainCommand() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : LOCAL_DATABASE;
    String user = args.length > 1 ? args[1] : "postgres";
    String password = args.length > 2 ? args[2] : "";
    System.exit(run(url, user, password, System.out));
  }

  public static int run(String url, String user, String password, PrintStream out) {
    try {
      DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
      AuditChain.Verification verification = new AuditChain(JdbcClient.create(dataSource)).verify();
      if (verification.valid()) {
        out.printf("Audit chain intact: %d entries verified.%n", verification.checked());
        return 0;
      }
      out.printf("Audit chain BROKEN at entry %d (%d entries checked).%n", verification.firstBrokenId(),
          verification.checked());
      return 1;
    } catch (RuntimeException e) {
      out.printf("Cannot read the audit log at %s: %s%n", url, e.getMessage());
      return 2;
    }
  }
}

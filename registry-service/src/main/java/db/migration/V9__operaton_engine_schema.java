package db.migration;

import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The workflow engine's tables, created by the create scripts that ship inside the operaton-engine jar,
 * in the order the engine itself runs them (nothing is copied into this repository). Flyway owns the
 * schema; the engine starts with {@code schema-update=false}. An engine upgrade adds a migration that
 * runs the jar's own upgrade scripts (under {@code org/operaton/bpm/engine/db/upgrade/}).
 */
public class V9__operaton_engine_schema extends BaseJavaMigration {

  private static final String[] PARTS = {
      "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history"};

  @Override
  public void migrate(Context context) {
    Connection connection = context.getConnection();
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(connection,
          new ClassPathResource("org/operaton/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
    }
  }
}

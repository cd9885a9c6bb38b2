package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The tables our Zeebe exporter projects into (schema {@code engine}). The exporter owns their DDL
 * and applies it when the broker opens it; the service applies the same file so the worklist can
 * be queried before the broker has exported anything. Repeatable: it runs again when the DDL changes.
 */
public class R__engine_projection extends BaseJavaMigration {

  private static final String DDL = "engine-schema.sql";

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(ddl().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(ddl());
    }
  }

  private static String ddl() {
    try (InputStream in = R__engine_projection.class.getClassLoader().getResourceAsStream(DDL)) {
      if (in == null) {
        throw new IllegalStateException(DDL + " not on the classpath (it ships in anjia-zeebe-exporter)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.anjia.processes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.repository.DeploymentBuilder;

/**
 * The real engine on a real PostgreSQL, one per test JVM, with every model and form of this
 * repository deployed as the service deploys them (one deployment, so {@code formRefBinding="deployment"}
 * finds the forms). The job executor is off: tests move the engine clock and run the due jobs
 * themselves ({@link JourneyProcessTest#runDueJobs()}), which makes timers deterministic. The
 * service's delegate beans are played by {@link RecordingDelegates}.
 */
final class ProcessTestEngine {

  static final RecordingDelegates DELEGATES = new RecordingDelegates();

  private static ProcessEngine engine;

  private ProcessTestEngine() {}

  static synchronized ProcessEngine get() {
    if (engine == null) {
      engine = start();
    }
    return engine;
  }

  private static ProcessEngine start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }, "process-test-postgres"));
      Map<Object, Object> beans = new HashMap<>(DELEGATES.beans());
      beans.put(DecisionTable.BEAN, new DecisionTable());
      StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
      configuration.setDataSource(postgres.getPostgresDatabase());
      // here the engine creates its tables; in the service Flyway runs the same scripts (schema-update=false)
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      configuration.setBeans(beans);
      configuration.setProcessEngineName("process-tests");
      ProcessEngine started = configuration.buildProcessEngine();
      deployEverything(started);
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** processes/*.bpmn, processes/*.dmn and forms/*.form, read from the working tree. */
  private static void deployEverything(ProcessEngine engine) throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("anjia-process-tests");
    Path processes = Path.of("").toAbsolutePath();
    try (Stream<Path> models = Files.list(processes); Stream<Path> forms = Files.list(processes.resolve("../forms"))) {
      for (Path file : Stream.concat(models, forms).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
          deployment.addString(name, Files.readString(file));
        }
      }
    }
    deployment.deploy();
  }
}

package org.anjia.processes;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.anjia.runtime.ExportedRecords;
import org.anjia.runtime.TestStack;

/**
 * What the adoption journey tests share: a client of the test stack's broker, every BPMN, DMN and
 * form of the repository deployed together (as the service deploys them), the recording workers,
 * and the engine clock with a barrier that makes "has not happened yet" checks meaningful.
 */
final class JourneyRuntime implements AutoCloseable {

  private static final String PROBE_PROCESS = "anjia-test-clock-probe";
  /** After the probe fired: time for what the same timer run triggered to be processed and exported. */
  private static final Duration SETTLE_GRACE = Duration.ofMillis(1000);

  final CamundaClient client;
  final JourneyWorkers workers;
  final ExportedRecords exported;
  final EngineProjection projection;
  final DeploymentEvent deployment;
  final List<String> deployedResources;
  private final DataSource dataSource;

  private JourneyRuntime(CamundaClient client, DataSource dataSource, DeploymentEvent deployment,
      List<String> deployedResources) {
    this.client = client;
    this.dataSource = dataSource;
    this.exported = new ExportedRecords(dataSource);
    this.projection = new EngineProjection(dataSource);
    this.deployment = deployment;
    this.deployedResources = deployedResources;
    this.workers = new JourneyWorkers(client);
  }

  static JourneyRuntime start() {
    TestStack stack = TestStack.get();
    CamundaClient client = EngineClients.forTestStack();
    List<Path> resources = new ArrayList<>();
    resources.addAll(classpathFiles("processes", ".bpmn", ".dmn"));
    resources.addAll(classpathFiles("forms", ".form"));
    DeployResourceCommandStep2 command = null;
    for (Path resource : resources) {
      byte[] content = read(resource);
      String name = resource.getFileName().toString();
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(content, name)
          : command.addResourceBytes(content, name);
    }
    DeploymentEvent deployment = command.send().join();
    client.newDeployResourceCommand().addProcessModel(clockProbe(), PROBE_PROCESS + ".bpmn").send().join();
    return new JourneyRuntime(client, stack.dataSource(), deployment,
        resources.stream().map(path -> path.getFileName().toString()).toList());
  }

  /** The files of a classpath folder (target/classes/processes, .../forms) with these endings, by name. */
  static List<Path> classpathFiles(String folder, String... endings) {
    URL url = JourneyRuntime.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("No classpath folder " + folder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(path -> Stream.of(endings).anyMatch(path.getFileName().toString()::endsWith))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A process that tells the engine time: a timer due at once, then a job that carries now(). A timer
   * run triggers every timer due by then, in due-date order, so once the probe's job arrives any
   * timer of a journey that was due when the clock moved has been triggered too.
   */
  private static BpmnModelInstance clockProbe() {
    return Bpmn.createExecutableProcess(PROBE_PROCESS)
        .startEvent()
        .intermediateCatchEvent("ProbeTimer").timerWithDuration("PT0S")
        .serviceTask("Probe", task -> task.zeebeJobType(JourneyWorkers.CLOCK_PROBE)
            .zeebeInputExpression("now()", "engineNow"))
        .endEvent()
        .done();
  }

  /** The engine's time now, read through the clock probe (which also proves that due timers ran). */
  OffsetDateTime engineNow() {
    String probeId = "probe-" + UUID.randomUUID();
    client.newCreateInstanceCommand().bpmnProcessId(PROBE_PROCESS).latestVersion()
        .variables(Map.of("probeId", probeId)).send().join();
    JourneyWorkers.Job probe = workers.awaitJob(probeId, JourneyWorkers.CLOCK_PROBE);
    return JourneyWorkers.parseEngineTime(String.valueOf(probe.variables().get("engineNow")));
  }

  /** Moves the engine clock forward and waits until the timers due by then have fired; the new engine time. */
  OffsetDateTime advanceClock(Duration offset) {
    TestStack.get().advanceClock(offset);
    return settle();
  }

  /** Moves the engine clock forward to (about) this instant; never backwards. */
  OffsetDateTime advanceClockTo(OffsetDateTime target) {
    OffsetDateTime now = engineNow();
    if (!target.isAfter(now)) {
      throw new IllegalStateException("The engine clock is already at " + now + ", after " + target);
    }
    return advanceClock(Duration.between(now, target));
  }

  OffsetDateTime settle() {
    OffsetDateTime now = engineNow();
    try {
      Thread.sleep(SETTLE_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return now;
  }

  /** The instance of this process whose root scope has this string variable (e.g. childId), once projected. */
  long awaitInstance(String bpmnProcessId, String variable, String value) {
    return ExportedRecords.await(() -> instancesWith(bpmnProcessId, variable, value).stream().findFirst(),
        "instance of " + bpmnProcessId + " with " + variable + " = " + value);
  }

  List<Long> instancesWith(String bpmnProcessId, String variable, String value) {
    String sql = """
        select v.process_instance_key from engine.variable v
        join engine.process_instance p on p.process_instance_key = v.process_instance_key
        where v.name = ? and v.value = to_jsonb(?::text) and v.scope_key = v.process_instance_key
          and p.bpmn_process_id = ?
        order by v.process_instance_key""";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, variable);
      statement.setString(2, value);
      statement.setString(3, bpmnProcessId);
      List<Long> keys = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getLong(1));
        }
      }
      return keys;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return List.of();
      }
      throw new IllegalStateException(e);
    }
  }

  /** The user tasks of the instance at this element, in creation order. */
  List<ExportedRecords.UserTask> tasksAt(long processInstanceKey, String elementId) {
    return exported.userTasks(processInstanceKey).stream().filter(task -> task.elementId().equals(elementId)).toList();
  }

  /** Waits until the exporter shows the user task in this state. */
  ExportedRecords.UserTask awaitTaskState(long processInstanceKey, long userTaskKey, String state) {
    return ExportedRecords.await(() -> exported.userTasks(processInstanceKey).stream()
            .filter(task -> task.key() == userTaskKey && task.state().equals(state)).findFirst(),
        "user task " + userTaskKey + " in state " + state);
  }

  /** Cancels an instance a test left running, so that later clock moves do not touch it. */
  void cancelIfActive(long processInstanceKey) {
    if (exported.processInstanceState(processInstanceKey).filter("ACTIVE"::equals).isEmpty()) {
      return;
    }
    try {
      client.newCancelInstanceCommand(processInstanceKey).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }

  Optional<String> variableJson(long processInstanceKey, String name) {
    return projection.variableJson(processInstanceKey, name);
  }

  @Override
  public void close() {
    workers.close();
    client.close();
  }
}

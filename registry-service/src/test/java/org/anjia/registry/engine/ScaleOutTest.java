package org.anjia.registry.engine;

import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.anjia.registry.AnjiaApplication;
import org.anjia.registry.EngineTime;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Two more replicas of the service on the same database, each an engine node with its job
 * executor running (as in production), beside the test's own instance: each node runs timers, and
 * with both running every timer fires exactly once; a task completed through one replica is on the
 * other's worklist at once, because every replica reads the engine's own tables.
 */
class ScaleOutTest extends RegistryIntegrationTest {

  /** A household of its own for each test (one open application of a kind per household). */
  private final User family = newFamily();

  private static final int TIMERS = 200;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  /** A model with one timer whose path records which node ran it, deployed for this test only. */
  private static final String TIMER_PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="scale-out-probe" targetNamespace="anjia-test">
        <bpmn:process id="scale-out-timer-probe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
          <bpmn:intermediateCatchEvent id="Wait">
            <bpmn:timerEventDefinition><bpmn:timeDate>${at}</bpmn:timeDate></bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="Record" />
          <bpmn:serviceTask id="Record" camunda:expression="${timerProbe.fired(execution)}" />
          <bpmn:sequenceFlow id="f3" sourceRef="Record" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** After the test's own instance has started (Spring starts it before the first test, not before @BeforeAll). */
  @BeforeEach
  void startTwoReplicas() {
    if (nodeA != null) {
      return;
    }
    JdbcClient.create(STACK.dataSource()).sql("""
        create table if not exists scale_out_probe (instance_id varchar(64) not null, node varchar(20) not null)""")
        .update();
    nodeA = replica("node-a");
    nodeB = replica("node-b");
  }

  @AfterAll
  static void stopReplicas() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  private static ConfigurableApplicationContext replica(String name) {
    // as command-line arguments: they win over application.yaml, as a deployment's settings do
    return new SpringApplicationBuilder(AnjiaApplication.class, TimerProbe.class).run(
        "--spring.datasource.url=" + STACK.jdbcUrl(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--anjia.identity.issuer=" + TestIdentityProvider.get().issuer(),
        "--anjia.test.node=" + name,
        // its own engine name, letters only (Operaton ignores one with a hyphen and takes "default", whose close
        // would unregister the shared service's engine)
        "--operaton.bpm.process-engine-name=" + name.replace("-", ""),
        "--operaton.bpm.job-execution.enabled=true",
        WITHOUT_OPERATOR_CONSOLE);
  }

  /**
   * Either node runs timers (each alone, with the other's job executor stopped), and with both
   * running every timer fires exactly once. Which node takes which timer when both run is the
   * engine's race, so it is not asserted.
   */
  @Test
  void eachNodeRunsTimersAndWithBothEveryTimerFiresOnce() {
    engine.getRepositoryService().createDeployment().addString("scale-out-probe.bpmn", TIMER_PROBE)
        .enableDuplicateFiltering(true).deploy();

    assertThat(fireWithout(nodeB, 20)).as("node B stopped").containsExactly(Map.entry("node-a", 20L));
    assertThat(fireWithout(nodeA, 20)).as("node A stopped").containsExactly(Map.entry("node-b", 20L));

    Map<String, Long> perNode = fireWithout(null, TIMERS);
    System.out.println("[scale-out] timers per node: " + perNode);
    assertThat(perNode.values().stream().mapToLong(Long::longValue).sum())
        .as("each of the %d timers fired once", TIMERS).isEqualTo(TIMERS);
    assertThat(JdbcClient.create(STACK.dataSource()).sql("select count(distinct instance_id) from scale_out_probe")
        .query(Long.class).single()).isEqualTo(TIMERS);
    assertThat(perNode.keySet()).isSubsetOf("node-a", "node-b");
  }

  /** Starts that many timers due in a second, with {@code stopped}'s job executor off; how many each node ran. */
  private Map<String, Long> fireWithout(ConfigurableApplicationContext stopped, int timers) {
    JdbcClient jdbc = JdbcClient.create(STACK.dataSource());
    jdbc.sql("delete from scale_out_probe").update();
    if (stopped != null) {
      jobExecutor(stopped).shutdown();
    }
    try {
      Date at = Date.from(EngineTime.now().plusSeconds(1));
      for (int i = 0; i < timers; i++) {
        engine.getRuntimeService().startProcessInstanceByKey("scale-out-timer-probe", Map.of("at", at));
      }
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
          engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("scale-out-timer-probe")
              .count() == 0);
    } finally {
      if (stopped != null) {
        jobExecutor(stopped).start();
      }
    }
    Map<String, Long> perNode = new java.util.TreeMap<>();
    jdbc.sql("select node, count(*) as fired from scale_out_probe group by node").query()
        .listOfRows().forEach(row -> perNode.put((String) row.get("node"), ((Number) row.get("fired")).longValue()));
    return perNode;
  }

  private static org.operaton.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor(ConfigurableApplicationContext node) {
    return ((org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) node
        .getBean(org.operaton.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
  }

  /**
   * The engine idles between polls only if its first wait is within the longest (otherwise it polls
   * the job table without pause, ~70 times a second per replica: infra/bench/REPORT.md).
   */
  @Test
  void anIdleNodePausesBetweenPollsForJobs() {
    for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
      org.operaton.bpm.engine.impl.jobexecutor.JobExecutor executor = jobExecutor(node);
      assertThat(executor.isActive()).isTrue();
      assertThat((long) executor.getWaitTimeInMillis()).as("first idle wait, ms")
          .isPositive().isLessThanOrEqualTo(executor.getMaxWait());
    }
  }

  @Test
  void aTaskCompletedThroughOneReplicaIsOnTheOthersWorklistAtOnce() {
    RestClient a = client(nodeA);
    RestClient b = client(nodeB);
    JsonNode application = a.post().uri("/api/foster-applications")
        .header("Authorization", bearer(family)).body(Households.eligible())
        .retrieve().body(JsonNode.class);
    String number = application.path("number").asText();
    uploadDocuments(family, application.path("id").asText(), FOSTER_DOCUMENTS);

    JsonNode check = taskOnWorklist(b, number, "CheckDocuments");
    String key = check.path("key").asText();
    b.post().uri("/api/tasks/" + key + "/claim").header("Authorization", bearer(CASEWORKER_NANCHANG))
        .retrieve().toBodilessEntity();
    a.post().uri("/api/tasks/" + key + "/complete").header("Authorization", bearer(CASEWORKER_NANCHANG))
        .body(Map.of("variables", Map.of("documentsDecision", "complete")))
        .retrieve().toBodilessEntity();

    int afterCompletion = b.get().uri("/api/tasks/" + key).header("Authorization", bearer(CASEWORKER_NANCHANG))
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(afterCompletion).as("done on the other replica").isEqualTo(404);
  }

  /** The task as the other replica lists it, read once: no waiting. */
  private static JsonNode taskOnWorklist(RestClient replica, String applicationNumber, String elementId) {
    JsonNode page = replica.get().uri("/api/worklist?size=200&candidateGroup=caseworker")
        .header("Authorization", bearer(CASEWORKER_NANCHANG)).retrieve().body(JsonNode.class);
    for (JsonNode task : page.path("content")) {
      if (task.path("elementId").asText().equals(elementId)
          && task.path("application").path("number").asText().equals(applicationNumber)) {
        return task;
      }
    }
    throw new AssertionError(elementId + " of " + applicationNumber + " not listed by the other replica");
  }

  private static RestClient client(ConfigurableApplicationContext node) {
    return RestClient.builder()
        .baseUrl("http://localhost:" + node.getEnvironment().getProperty("local.server.port"))
        .defaultHeader("Accept-Language", "zh-CN")
        .build();
  }

  /**
   * Records, per fired timer, the node whose job executor ran it. A source of the replicas only: not
   * annotated as a configuration, which would make it this test's own configuration instead of the service.
   */
  static class TimerProbe {

    @Bean
    Probe timerProbe(JdbcClient jdbc, @Value("${anjia.test.node}") String node) {
      return new Probe(jdbc, node);
    }
  }

  public record Probe(JdbcClient jdbc, String node) {

    public void fired(DelegateExecution execution) {
      jdbc.sql("insert into scale_out_probe (instance_id, node) values (:id, :node)")
          .param("id", execution.getProcessInstanceId()).param("node", node).update();
    }
  }
}

package org.anjia.registry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.anjia.registry.applications.ApplicationStatus;
import org.anjia.registry.applications.Applications;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.identity.Role;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's records (JPA) and the engine's commands share one transaction: a change to an
 * application and the completion of its task commit together or roll back together.
 */
class EngineTransactionTest extends RegistryIntegrationTest {

  /** A household of its own for each test (one open application of a kind per household). */
  private final User family = newFamily();

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  Applications applications;

  @Test
  void aRolledBackTransactionUndoesTheRecordAndTheEngineCommand() {
    UUID id = submittedApplication();
    Task check = documentCheck(id);

    transactions.executeWithoutResult(tx -> {
      applications.moveTo(id, ApplicationStatus.DOCUMENTS_CHECKED, new Actor("cw-nanchang", Role.CASEWORKER, "张敏", "nanchang-cwi"), null);
      engine.getTaskService().complete(check.getId(), Map.of("documentsDecision", "complete"));
      tx.setRollbackOnly();
    });

    assertThat(applications.get(id).getStatus()).as("the record").isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(documentCheck(id).getId()).as("the task is still open").isEqualTo(check.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id.toString())
        .taskDefinitionKey("AssessHome").count()).as("the engine did not move on").isZero();
  }

  @Test
  void aCommittedTransactionKeepsBoth() {
    UUID id = submittedApplication();
    Task check = documentCheck(id);

    transactions.executeWithoutResult(tx -> {
      applications.moveTo(id, ApplicationStatus.DOCUMENTS_CHECKED, new Actor("cw-nanchang", Role.CASEWORKER, "张敏", "nanchang-cwi"), null);
      engine.getTaskService().complete(check.getId(), Map.of("documentsDecision", "complete"));
    });

    assertThat(applications.get(id).getStatus()).isEqualTo(ApplicationStatus.DOCUMENTS_CHECKED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id.toString())
        .taskDefinitionKey("AssessHome").count()).isEqualTo(1);
  }

  @Test
  void anApplicationAndItsProcessStartTogether() {
    UUID id = submittedApplication();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.toString())
        .processDefinitionKey("foster-family-qualification").count()).isEqualTo(1);
  }

  private UUID submittedApplication() {
    JsonNode created = apply(family, Households.eligible());
    return UUID.fromString(created.path("id").asText());
  }

  private Task documentCheck(UUID applicationId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId.toString())
        .taskDefinitionKey("CheckDocuments").singleResult();
  }
}

package org.anjia.registry.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worklist walks {@code open_task} (V36), which triggers keep beside the engine's tasks: a task must be
 * listed to its case's institution whichever of the two rows reaches the database first in a transaction, move
 * when its due date is moved through the engine, and leave with the task.
 */
class OpenTaskProjectionTest extends RegistryIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aTaskWrittenBeforeItsCaseIsListedToTheCaseInstitutionAndMovesWithItsDueDate() {
    UUID unitId = UUID.randomUUID();
    String processInstanceId = new TransactionTemplate(transactions).execute(status -> {
      // the engine writes its task at the end of this command, before the case's row below exists
      String started = engine.getRuntimeService().createMessageCorrelation("child-adoption-placement-requested")
          .processInstanceBusinessKey(unitId.toString())
          .setVariables(Map.of("childId", unitId.toString(), "childName", "投影测试", "institutionCode", "nanchang-cwi",
              "jurisdictionCode", "360102", "foundling", false))
          .correlateStartMessage().getId();
      assertThat(jdbc.sql("select institution_code from open_task ot join act_ru_task t on t.id_ = ot.task_id"
              + " where t.proc_inst_id_ = :pi").param("pi", started).query(String.class).optional())
          .as("the case is not written yet").isEmpty();
      jdbc.sql("""
              insert into residence_unit (id, institution_code, name, place, capacity, state, created_by, created_at)
              values (:id, 'nanchang-cwi', :name, '一号楼', 4, 'OPEN', 'test', now())""")
          .param("id", unitId).param("name", "投影单元-" + unitId).update();
      return started;
    });
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    try {
      JsonNode listed = onWorklist(TestIdentityProvider.CASEWORKER_NANCHANG,
          t -> t.path("key").asText().equals(task.getId()), "the unit's task");
      assertThat(listed.path("unit").path("id").asText()).isEqualTo(unitId.toString());
      assertThat(listed.path("dueDate").isNull()).isTrue();
      assertThat(worklistKeys(TestIdentityProvider.CASEWORKER_JIUJIANG)).doesNotContain(task.getId());

      // re-dated before every other task (as in the operator console): first on the earliest-first page
      engine.getTaskService().setDueDate(task.getId(), Date.from(Instant.parse("2000-01-01T00:00:00Z")));
      JsonNode first = get(TestIdentityProvider.CASEWORKER_NANCHANG,
          "/api/worklist?size=1&sort=dueDate,asc&candidateGroup=caseworker").body().path("content").path(0);
      assertThat(first.path("key").asText()).isEqualTo(task.getId());
      assertThat(first.path("overdue").asBoolean()).isTrue();
    } finally {
      engine.getRuntimeService().deleteProcessInstance(processInstanceId, "test over");
      jdbc.sql("delete from residence_unit where id = :id").param("id", unitId).update();
    }
    assertThat(jdbc.sql("select count(*) from open_task where task_id = :id").param("id", task.getId())
        .query(Long.class).single()).as("gone with the task").isZero();
  }

  @Test
  void theProcessFilterListsThatProcessTasksOnly() {
    UUID unitId = UUID.randomUUID();
    String processInstanceId = new TransactionTemplate(transactions).execute(status -> {
      jdbc.sql("""
              insert into residence_unit (id, institution_code, name, place, capacity, state, created_by, created_at)
              values (:id, 'nanchang-cwi', :name, '一号楼', 4, 'OPEN', 'test', now())""")
          .param("id", unitId).param("name", "筛选单元-" + unitId).update();
      return engine.getRuntimeService().createMessageCorrelation("child-adoption-placement-requested")
          .processInstanceBusinessKey(unitId.toString())
          .setVariables(Map.of("childId", unitId.toString(), "childName", "筛选测试", "institutionCode", "nanchang-cwi",
              "jurisdictionCode", "360102", "foundling", false))
          .correlateStartMessage().getId();
    });
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    try {
      JsonNode placements = filtered("child-adoption-placement");
      assertThat(placements.findValuesAsText("key")).contains(taskId);
      assertThat(placements.findValuesAsText("processId")).containsOnly("child-adoption-placement");
      assertThat(placements.findValuesAsText("processName")).as("the journey named in the reader's language")
          .containsOnly("送养");
      JsonNode qualifications = filtered("foster-family-qualification");
      assertThat(qualifications.findValuesAsText("key")).doesNotContain(taskId);
      assertThat(qualifications.findValuesAsText("processId")).allMatch("foster-family-qualification"::equals);
    } finally {
      engine.getRuntimeService().deleteProcessInstance(processInstanceId, "test over");
      jdbc.sql("delete from residence_unit where id = :id").param("id", unitId).update();
    }
  }

  @Test
  void everyOpenTaskOfAProcessIsWalkedOnceWithItsOwnDueDate() {
    assertThat(jdbc.sql("""
            select count(*) from act_ru_task t
            where t.proc_inst_id_ is not null
              and not exists (select 1 from open_task ot
                              where ot.task_id = t.id_ and ot.due_date is not distinct from t.due_date_
                                and ot.created_at = t.create_time_)""")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from open_task").query(Long.class).single())
        .isEqualTo(jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ is not null")
            .query(Long.class).single());
  }

  @Test
  void theProcessFilterOffersEveryJourneyWithTasksNamedInTheReadersLanguage() {
    JsonNode chinese = get(TestIdentityProvider.CASEWORKER_NANCHANG, "/api/worklist/processes").body();
    assertThat(chinese.findValuesAsText("id")).containsExactly("adoption", "adoption-dissolution",
        "child-adoption-placement", "family-style-qualification", "family-style-unit-review",
        "foster-family-qualification", "foster-placement", "foster-register-renewal");
    assertThat(chinese.findValuesAsText("name")).contains("收养", "家庭寄养安置", "寄养家庭名册续期");
    JsonNode english = http.get().uri("/api/worklist/processes").header("Accept-Language", "en")
        .header("Authorization", bearer(TestIdentityProvider.AUDITOR)).retrieve().body(JsonNode.class);
    assertThat(english.findValuesAsText("name")).contains("Adoption", "Foster placement", "Foster register renewal");
  }

  private JsonNode filtered(String processId) {
    return get(TestIdentityProvider.CASEWORKER_NANCHANG,
        "/api/worklist?size=200&candidateGroup=caseworker&processId=" + processId).body().path("content");
  }

  private java.util.List<String> worklistKeys(TestIdentityProvider.User user) {
    return get(user, "/api/worklist?size=200&candidateGroup=" + user.role()).body().path("content")
        .findValuesAsText("key");
  }
}

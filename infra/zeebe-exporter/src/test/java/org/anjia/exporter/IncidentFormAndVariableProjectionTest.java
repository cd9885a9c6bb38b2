package org.anjia.exporter;

import static org.anjia.exporter.EngineRecords.FORM_KEY;
import static org.anjia.exporter.EngineRecords.PROCESS_INSTANCE_KEY;
import static org.anjia.exporter.EngineRecords.TASK_ELEMENT_INSTANCE_KEY;
import static org.anjia.exporter.EngineRecords.timeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentFormAndVariableProjectionTest extends SharedPostgres {

  private static final long INCIDENT_KEY = 2251799813685280L;
  private static final long VARIABLE_KEY = 2251799813685290L;

  @Test
  void incidentIsActiveWhenCreatedAndResolvedWhenResolved() throws Exception {
    final var exporter = openExporter();
    final var created = records.incident(IncidentIntent.CREATED, INCIDENT_KEY);

    exporter.exportAndFlush(created);

    assertThat(db.row("select * from engine.incident where incident_key = ?", INCIDENT_KEY))
        .containsEntry("state", "ACTIVE")
        .containsEntry("process_instance_key", PROCESS_INSTANCE_KEY)
        .containsEntry("bpmn_process_id", "adoption-application")
        .containsEntry("element_id", "notify-registry")
        .containsEntry("element_instance_key", 2251799813685270L)
        .containsEntry("job_key", 2251799813685271L)
        .containsEntry("error_type", "JOB_NO_RETRIES")
        .containsEntry("error_message", "Registry service unavailable: 503")
        .containsEntry("created_at", timeOf(created))
        .containsEntry("resolved_at", null);

    final var resolve = records.incident(IncidentIntent.RESOLVE, INCIDENT_KEY);
    final var resolved = records.incident(IncidentIntent.RESOLVED, INCIDENT_KEY);
    exporter.exportAndFlush(resolve, resolved);

    assertThat(db.row("select * from engine.incident where incident_key = ?", INCIDENT_KEY))
        .containsEntry("state", "RESOLVED")
        .containsEntry("created_at", timeOf(created))
        .containsEntry("resolved_at", timeOf(resolved))
        .containsEntry("position", resolved.getPosition());
  }

  @Test
  void deployedFormIsStoredWithItsJson() throws Exception {
    final String json =
        "{\"id\":\"home-visit-report\",\"components\":[{\"type\":\"textfield\",\"label\":\"家访日期\"}]}";
    final var form = records.form("home-visit-report", 2, json);

    openExporter().exportAndFlush(form);

    assertThat(db.row("select * from engine.form where form_key = ?", FORM_KEY))
        .containsEntry("form_id", "home-visit-report")
        .containsEntry("version", 2)
        .containsEntry("resource", json)
        .containsEntry("position", form.getPosition())
        .containsEntry("deployed_at", timeOf(form));
  }

  @Test
  void variableIsStoredAsJsonbAndUpdated() throws Exception {
    final var exporter = openExporter();
    exporter.exportAndFlush(
        records.variable(
            VariableIntent.CREATED,
            VARIABLE_KEY,
            PROCESS_INSTANCE_KEY,
            "household",
            "{\"adults\":2,\"children\":[\"Mei\"]}"));

    assertThat(db.row("select value ->> 'adults' as adults, value -> 'children' ->> 0 as child,"
                + " scope_key, name from engine.variable where variable_key = ?", VARIABLE_KEY))
        .containsEntry("adults", "2")
        .containsEntry("child", "Mei")
        .containsEntry("scope_key", PROCESS_INSTANCE_KEY)
        .containsEntry("name", "household");

    final var updated =
        records.variable(VariableIntent.UPDATED, VARIABLE_KEY, PROCESS_INSTANCE_KEY, "household", "null");
    exporter.exportAndFlush(updated);

    assertThat(db.row("select value::text as value, position, updated_at from engine.variable"))
        .containsEntry("value", "null")
        .containsEntry("position", updated.getPosition())
        .containsEntry("updated_at", timeOf(updated));
  }

  @Test
  void variableHoldingANulCharacterDoesNotBlockTheExporter() throws Exception {
    // jsonb cannot hold the escape backslash-u0000: as it is, such a value would fail every retry of its batch
    final var exporter = openExporter();
    exporter.exportAndFlush(
        records.variable(
            VariableIntent.CREATED, VARIABLE_KEY, TASK_ELEMENT_INSTANCE_KEY, "note", "\"a\\u0000b \\\\u0000\""));

    assertThat(exporter.acknowledgedPosition()).isEqualTo(1);
    assertThat(db.row("select value #>> '{}' as note from engine.variable"))
        .isEqualTo(Map.of("note", "a\uFFFDb \\u0000"));
  }
}

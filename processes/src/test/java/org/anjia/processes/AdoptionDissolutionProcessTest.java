package org.anjia.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;

/**
 * 解除收养关系登记 (adoption-dissolution.bpmn, 民法典 arts. 1114–1117, 登记办法 art. 10) on the real
 * engine, after an adoption registered through adoption.bpmn, and the message {@code adoption-dissolved}
 * with which the service's registration stops the adoption's pending follow-up visits.
 */
class AdoptionDissolutionProcessTest extends AdoptionJourneyTest {

  @Test
  @DisplayName("a dissolution is registered within its 30 days; the registration cancels the visits still pending")
  void aRegisteredDissolutionCancelsThePendingVisits() {
    String id = registeredAdoption();
    moveClockTo(now().plus(Duration.ofDays(100)));
    completeVisit(task(id, FOLLOW_UP_VISIT));

    LocalDate requestedOn = now().atZone(RecordingDelegates.CHINA).toLocalDate();
    String dissolution = requestDissolution(id);
    assertThat(onlyCall(id, "dueDate", "DissolutionDue")).containsEntry("deadline", "dissolution-registration");
    Instant due = periodEnd(requestedOn, 30);
    assertThat(runtime.getVariable(dissolution, "dissolutionDue")).isEqualTo(java.util.Date.from(due));
    assertTask(task(id, DISSOLUTION_TASK), "adoption-dissolution", due, "registrar");
    assertThat(timerDueIn(dissolution, "RegisterDissolutionOverdue")).isEqualTo(due);

    completeDissolution(id, "register", "under_8");
    assertThat(DELEGATES.calls(id, "dissolutionRegistration")).singleElement()
        .satisfies(call -> assertThat(call.processInstanceId()).isEqualTo(dissolution));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(dissolution)
        .variableName("dissolutionCertificateNumber").singleResult().getValue()).isEqualTo("解收字TEST");
    assertThat(endEvent(id, DISSOLUTION_PROCESS_ID)).isEqualTo("Dissolved");

    // the service's registration then correlates adoption-dissolved with the adoption (民法典 art. 1117)
    assertThat(runtime.createMessageCorrelation(DISSOLVED_MESSAGE).processInstanceBusinessKey(id).correlateAllWithResult())
        .as("the adoption's visits were waiting").hasSize(1);
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("EndedByDissolution");
    moveClockTo(now().plus(Duration.ofDays(300)));
    assertThat(historicTasks(id, PROCESS_ID)).filteredOn(FOLLOW_UP_VISIT::equals)
        .as("only the visit before the dissolution").hasSize(1);
    assertThat(ended(id)).isTrue();
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  @Test
  @DisplayName("an adoptee of 8 or more who does not consent: the registrar's 'register' is recorded as a refusal")
  void withoutTheAdopteesConsentNothingIsRegistered() {
    String id = registeredAdoption();
    String dissolution = requestDissolution(id);
    completeDissolution(id, "register", "does_not_consent");

    assertThat(onlyCall(id, "dissolutionRefusal", "RecordDissolutionRefusal"))
        .containsEntry("dissolutionChildConsent", "does_not_consent");
    assertThat(endEvent(id, DISSOLUTION_PROCESS_ID)).isEqualTo("NotDissolved");
    assertThat(DELEGATES.calls(id, "dissolutionRegistration")).as("民法典 art. 1114").isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(dissolution).count()).isZero();
    assertThat(instanceOf(id, PROCESS_ID)).as("the adoption and its visits go on").isNotNull();
  }

  @Test
  void theRegistrarsRefusalIsRecorded() {
    String id = registeredAdoption();
    requestDissolution(id);
    completeDissolution(id, "refuse", "consents");

    assertThat(onlyCall(id, "dissolutionRefusal", "RecordDissolutionRefusal"))
        .containsEntry("dissolutionDecision", "refuse");
    assertThat(endEvent(id, DISSOLUTION_PROCESS_ID)).isEqualTo("NotDissolved");
    assertThat(DELEGATES.calls(id, "dissolutionRegistration")).isEmpty();
  }

  @Test
  @DisplayName("after the last visit a dissolution is still registered; an open one is escalated when its 30 days"
      + " pass; adoption-dissolved then finds no adoption waiting")
  void aDissolutionAfterTheLastVisitIsRegisteredAndEscalatedWhenOverdue() {
    String id = registeredAdoption();
    moveClockTo(now().plus(Duration.ofDays(400)));
    List<Task> visits = openTasks(id, FOLLOW_UP_VISIT);
    assertThat(visits).as("the three visits due").hasSize(3);
    visits.forEach(this::completeVisit);
    assertThat(endEvent(id, PROCESS_ID)).isEqualTo("Adopted");

    String dissolution = requestDissolution(id);
    Task registration = task(id, DISSOLUTION_TASK);
    Instant due = registration.getDueDate().toInstant();
    assertThat(due).isEqualTo(periodEnd(now().atZone(RecordingDelegates.CHINA).toLocalDate(), 30));
    moveClockTo(due.minusSeconds(60));
    assertThat(DELEGATES.calls(id, "taskEscalation")).as("not overdue yet").isEmpty();
    moveClockTo(due);
    assertThat(onlyCall(id, "taskEscalation", "EscalateRegisterDissolution"))
        .containsEntry("taskElementId", DISSOLUTION_TASK);
    assertThat(task(id, DISSOLUTION_TASK).getId()).as("stays with the registrar").isEqualTo(registration.getId());

    completeDissolution(id, "register", "consents");
    assertThat(DELEGATES.calls(id, "dissolutionRegistration")).singleElement()
        .satisfies(call -> assertThat(call.processInstanceId()).isEqualTo(dissolution));
    assertThat(endEvent(id, DISSOLUTION_PROCESS_ID)).isEqualTo("Dissolved");
    assertThat(runtime.createMessageCorrelation(DISSOLVED_MESSAGE).processInstanceBusinessKey(id).correlateAllWithResult())
        .as("the adoption has ended: zero matches, no error").isEmpty();
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  @Test
  @DisplayName("a dissolution requested while the adoption still awaits its visits leaves them until it is registered")
  void anOpenDissolutionDoesNotStopTheVisits() {
    String id = registeredAdoption();
    requestDissolution(id);
    assertThat(management.createJobQuery().processInstanceId(instanceOf(id, PROCESS_ID).getId()).timers()
        .activityId("FollowUpDue").count()).as("visits still scheduled").isEqualTo(3);
  }
}

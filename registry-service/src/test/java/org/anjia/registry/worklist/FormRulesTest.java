package org.anjia.registry.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks made before the engine is called, against the real forms in forms/. */
class FormRulesTest {

  private static FormRules form(String id) throws IOException {
    try (InputStream in = FormRulesTest.class.getResourceAsStream("/forms/" + id + ".form")) {
      JsonNode schema = new ObjectMapper().readTree(in);
      return new FormRules(schema);
    }
  }

  @Test
  void completeDocumentCheckPasses() throws IOException {
    assertThat(form("foster-document-check").check(Map.of(
        "documentsDecision", "complete", "documentsNotes", "原件已核对"))).isEmpty();
  }

  /** Documents are files on the case, not ticks: the document checks' forms have no checklist to tick. */
  @Test
  void aDocumentTickIsNoFieldOfTheDocumentChecks() throws IOException {
    for (String check : List.of("foster-document-check", "adoption-document-check", "adoption-placement-materials")) {
      assertThat(form(check).check(Map.of("documentChecklist", List.of("idCard"), "placementMaterials",
          List.of("admissionRecord")))).as(check)
          .filteredOn(violation -> violation.messageCode().equals("anjia.form.unknownField"))
          .extracting(FormRules.Violation::field).containsExactlyInAnyOrder("documentChecklist", "placementMaterials");
    }
  }

  @Test
  void missingRequiredFieldIsNamed() throws IOException {
    assertThat(form("foster-document-check").check(Map.of("documentsNotes", "户口簿待补交")))
        .extracting(FormRules.Violation::field, FormRules.Violation::messageCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("documentsDecision", "anjia.form.required"));
  }

  @Test
  void blankTextCountsAsMissing() throws IOException {
    assertThat(form("task-escalation").check(Map.of("escalationAction", "   ")))
        .extracting(FormRules.Violation::field).containsExactly("escalationAction");
  }

  @Test
  void choiceOutsideTheListedValuesIsRefused() throws IOException {
    assertThat(form("foster-director-review").check(Map.of("directorDecision", "maybe")))
        .extracting(FormRules.Violation::messageCode).containsExactly("anjia.form.choice");
  }

  @Test
  void numberBelowTheFormsMinimumIsRefused() throws IOException {
    assertThat(form("foster-caregiver-training").check(Map.of("trainingHours", 0, "trainingCompletedOn", "2026-11-21")))
        .extracting(FormRules.Violation::field, FormRules.Violation::messageCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("trainingHours", "anjia.form.min"));
  }

  @Test
  void malformedDateIsRefused() throws IOException {
    assertThat(form("foster-caregiver-training").check(Map.of("trainingHours", 8, "trainingCompletedOn", "21/11/2026")))
        .extracting(FormRules.Violation::field).containsExactly("trainingCompletedOn");
  }

  @Test
  void fieldsTheFormDoesNotHaveAreRefused() throws IOException {
    assertThat(form("task-escalation").check(Map.of("escalationAction", "已电话督促", "directorDecision", "approve")))
        .extracting(FormRules.Violation::field).containsExactly("directorDecision");
  }

  @Test
  void everyRowOfADynamicListIsCheckedAgainstItsOwnFields() throws IOException {
    FormRules consent = form("adoption-assessment-consent");
    Map<String, Object> data = new java.util.HashMap<>(Map.of("consentSignedOn", "2026-11-20",
        "assessmentBy", "civil-affairs",
        "assessors", List.of(Map.of("name", "刘评估"), Map.of("name", " "))));

    assertThat(consent.check(data)).extracting(FormRules.Violation::field, FormRules.Violation::messageCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("assessors[1].name", "anjia.form.required"));

    data.put("assessors", List.of(Map.of("name", "刘评估"), Map.of("name", "陈评估")));
    assertThat(consent.check(data)).isEmpty();
  }

  @Test
  void readOnlyFieldsShownForContextAreNotDemanded() throws IOException {
    assertThat(form("foster-director-review").check(Map.of("directorDecision", "approve"))).isEmpty();
  }

  @Test
  void readOnlyFieldsSentBackAreDroppedSoAnotherStepsRecordCannotBeRewritten() throws IOException {
    FormRules review = form("foster-director-review");
    Map<String, Object> submitted = Map.of("directorDecision", "approve", "assessmentFindings", "改写后的评估意见");

    assertThat(review.check(submitted)).isEmpty();
    assertThat(review.writable(submitted)).containsOnlyKeys("directorDecision");
  }
}

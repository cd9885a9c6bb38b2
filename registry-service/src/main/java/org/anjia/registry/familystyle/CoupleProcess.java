package org.anjia.registry.familystyle;

/** Names shared with processes/family-style-qualification.bpmn (processes/README.md). */
final class CoupleProcess {

  static final String PROCESS_ID = "family-style-qualification";
  static final String SUBMITTED_MESSAGE = "family-style-application-submitted";
  static final String APPLICANT_SIGNED = "family-style-contract-signed-by-applicant";
  static final String SPOUSE_SIGNED = "family-style-contract-signed-by-spouse";

  static final String CHECK_DOCUMENTS = "CoupleCheckDocuments";
  static final String BACKGROUND_CHECK = "CoupleBackgroundCheck";
  static final String HOME_LIFE_ASSESSMENT = "CoupleHomeLifeAssessment";
  static final String TRAINING = "CoupleTraining";
  static final String DIRECTOR_APPROVAL = "CoupleDirectorApproval";
  static final String CONTRACT_SIGNATURE = "CoupleContractSignature";
  static final String RECHECK = "CoupleRecheck";
  static final String CONTRACT_DECISION = "CoupleContractDecision";

  static final String ELIGIBILITY_VIOLATIONS = "eligibilityViolations";
  static final String DOCUMENTS_DECISION = "documentsDecision";
  static final String DOCUMENTS_NOTES = "documentsNotes";
  static final String APPLICANT_RECORD = "applicantRecord";
  static final String SPOUSE_RECORD = "spouseRecord";
  static final String TRAINING_HOURS = "trainingHours";
  static final String MIN_TRAINING_HOURS = "minTrainingHours";
  static final String DIRECTOR_DECISION = "directorDecision";
  static final String DIRECTOR_COMMENTS = "directorComments";
  static final String CONTRACT_DECISION_FIELD = "contractDecision";

  static final String CONTRACT_ID = "contractId";
  static final String CONTRACT_ENDS = "contractEnds";
  static final String FIRST_REMINDER = "contractFirstReminder";
  static final String SECOND_REMINDER = "contractSecondReminder";

  private CoupleProcess() {}
}

package org.anjia.registry.fostering;

/**
 * Names shared with processes/foster-family-qualification.bpmn (see processes/README.md): the one
 * place the Java side spells them.
 */
final class FosterQualification {

  static final String PROCESS_ID = "foster-family-qualification";
  static final String SUBMITTED_MESSAGE = "foster-application-submitted";

  static final String CHECK_DOCUMENTS = "CheckDocuments";
  static final String ASSESS_HOME = "AssessHome";
  static final String REVIEW_BY_DIRECTOR = "ReviewByDirector";
  static final String TRAIN_CAREGIVER = "TrainCaregiver";

  // variables set at start
  static final String APPLICATION_ID = "applicationId";
  static final String APPLICATION_NUMBER = "applicationNumber";
  static final String HOUSEHOLD = "household";
  static final String RULES = "rules";
  static final String ELIGIBILITY_FACTS = "eligibilityFacts";

  // variables set by the engine and the forms
  static final String ELIGIBILITY_VIOLATIONS = "eligibilityViolations";
  static final String DOCUMENTS_DECISION = "documentsDecision";
  static final String DOCUMENTS_NOTES = "documentsNotes";
  static final String DIRECTOR_DECISION = "directorDecision";
  static final String DIRECTOR_COMMENTS = "directorComments";
  static final String TRAINING_HOURS = "trainingHours";

  private FosterQualification() {}
}

package org.anjia.registry.fostering;

/**
 * Names shared with processes/foster-placement.bpmn (see processes/README.md): the one place the Java
 * side spells them. The business key is the child's id.
 */
final class FosterPlacementProcess {

  static final String PROCESS_ID = "foster-placement";
  static final String PROPOSED_MESSAGE = "foster-placement-proposed";
  static final String FAMILY_SIGNED_MESSAGE = "foster-agreement-signed-by-family";
  static final String ENDED_MESSAGE = "foster-placement-ended";
  static final String RESPITE_REQUESTED_MESSAGE = "foster-respite-requested";
  static final String TERMINATION_REQUESTED_MESSAGE = "foster-termination-requested";
  static final String TERMINATED_MESSAGE = "foster-placement-terminated";

  static final String SIGN_AGREEMENT = "SignAgreement";
  static final String ASSESS_INTEGRATION = "AssessIntegration";
  static final String HOME_VISIT = "HomeVisit";
  static final String RETURN_FROM_RESPITE = "ReturnFromRespite";
  static final String DECIDE_TERMINATION = "DecideTermination";
  static final String FILE_TERMINATION = "FileTermination";

  // variables set at start
  static final String PLACEMENT_ID = "placementId";

  // variables set by the forms and the service
  static final String MATCH_COMMENTS = "matchComments";
  static final String AGREEMENT_DECISION = "agreementDecision";
  static final String INTEGRATION_DECISION = "integrationDecision";
  static final String EXTENSION_DAYS = "extensionDays";
  static final String INTEGRATION_ENDS = "integrationEnds";
  static final String AGREEMENT_ENDS = "agreementEnds";

  // respite (art. 20): set with the request, and by StartRespite for the model's timers
  static final String RESPITE_ID = "respiteId";
  static final String RESPITE_REQUESTED_BY = "respiteRequestedBy";
  static final String RESPITE_PERIOD = "respitePeriod";
  static final String RESPITE_REASON = "respiteReason";
  static final String RESPITE_NOTE = "respiteNote";
  static final String RESPITE_ENDS = "respiteEnds";
  static final String RESPITE_LIMIT = "respiteLimit";
  static final String RESPITE_RETURNED_ON = "respiteReturnedOn";
  static final String RESPITE_NOTES = "respiteNotes";

  // termination (arts. 18–19)
  static final String TERMINATION_REQUEST_REASON = "terminationRequestReason";
  static final String TERMINATION_DECISION = "terminationDecision";
  static final String TERMINATION_REASON_LABEL = "terminationReasonLabel";
  static final String TERMINATION_FILED_ON = "terminationFiledOn";
  static final String TERMINATION_FILED_WITH = "terminationFiledWith";

  // home visits (arts. 16–17)
  static final String HOME_VISIT_DATE = "homeVisitDate";

  private FosterPlacementProcess() {}
}

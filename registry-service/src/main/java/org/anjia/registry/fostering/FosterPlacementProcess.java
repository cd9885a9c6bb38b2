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

  static final String SIGN_AGREEMENT = "SignAgreement";
  static final String ASSESS_INTEGRATION = "AssessIntegration";

  // variables set at start
  static final String PLACEMENT_ID = "placementId";

  // variables set by the forms and the service
  static final String MATCH_COMMENTS = "matchComments";
  static final String AGREEMENT_DECISION = "agreementDecision";
  static final String INTEGRATION_DECISION = "integrationDecision";
  static final String EXTENSION_DAYS = "extensionDays";
  static final String INTEGRATION_ENDS = "integrationEnds";
  static final String AGREEMENT_ENDS = "agreementEnds";

  private FosterPlacementProcess() {}
}

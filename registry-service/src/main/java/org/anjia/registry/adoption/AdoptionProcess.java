package org.anjia.registry.adoption;

/** Names shared with processes/adoption.bpmn and adoption-dissolution.bpmn (see processes/README.md). */
final class AdoptionProcess {

  static final String PROCESS_ID = "adoption";
  static final String SUBMITTED_MESSAGE = "adoption-application-submitted";
  /** adoption-dissolution.bpmn starts with it; adoption.bpmn's visits stop at the second. */
  static final String DISSOLUTION_MESSAGE = "adoption-dissolution-requested";
  static final String DISSOLVED_MESSAGE = "adoption-dissolved";

  static final String DISSOLUTION_PROCESS_ID = "adoption-dissolution";

  static final String APPLICATION_ID = "applicationId";
  static final String ELIGIBILITY_FACTS = "eligibilityFacts";

  private AdoptionProcess() {}
}

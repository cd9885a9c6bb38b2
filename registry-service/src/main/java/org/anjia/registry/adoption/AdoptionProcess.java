package org.anjia.registry.adoption;

/** Names shared with processes/adoption.bpmn (see processes/README.md). */
final class AdoptionProcess {

  static final String PROCESS_ID = "adoption";
  static final String SUBMITTED_MESSAGE = "adoption-application-submitted";
  static final String DISSOLUTION_MESSAGE = "adoption-dissolution-requested";

  static final String JOB_RECORD_REJECTION = "anjia.adoption.record-rejection";
  static final String JOB_REGISTER = "anjia.adoption.register";

  static final String APPLICATION_ID = "applicationId";

  private AdoptionProcess() {}
}

package org.anjia.registry.fostering;

/**
 * Names shared with processes/foster-register-renewal.bpmn (see processes/README.md): the one place
 * the Java side spells them. The business key is the entry's application id, so the worklist shows
 * the renewal's tasks with the family's case.
 */
final class FosterRenewalProcess {

  static final String PROCESS_ID = "foster-register-renewal";
  static final String ENTERED_MESSAGE = "foster-register-entered";

  static final String RECHECK_HOUSEHOLD = "RecheckHousehold";
  static final String APPROVE_RENEWAL = "ApproveRenewal";

  // variables set at start and by the service's steps
  static final String ENTRY_ID = "entryId";
  static final String EXPIRES_ON = "expiresOn";
  static final String RENEWAL_OPENS = "renewalOpens";
  static final String RENEWAL_REMINDER = "renewalReminder";
  static final String REGISTER_EXPIRES = "registerExpires";
  static final String HOUSEHOLD_ADULTS = "householdAdults";
  static final String CURRENT_PLACEMENTS = "currentPlacements";
  static final String CURRENT_PLACEMENT_CHILDREN = "currentPlacementChildren";

  // variables set by the forms and the service
  static final String ADULT_CHECKS = "adultChecks";
  static final String RECHECK_SUMMARY = "recheckSummary";
  static final String RENEWAL_DECISION = "renewalDecision";

  private FosterRenewalProcess() {}
}

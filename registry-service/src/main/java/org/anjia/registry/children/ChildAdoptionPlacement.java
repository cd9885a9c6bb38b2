package org.anjia.registry.children;

/** Names shared with processes/child-adoption-placement.bpmn (see processes/README.md). */
final class ChildAdoptionPlacement {

  static final String PROCESS_ID = "child-adoption-placement";
  static final String REQUESTED_MESSAGE = "child-adoption-placement-requested";
  static final String CLAIMED_MESSAGE = "birth-parents-claimed";


  static final String CHILD_ID = "childId";

  private ChildAdoptionPlacement() {}
}

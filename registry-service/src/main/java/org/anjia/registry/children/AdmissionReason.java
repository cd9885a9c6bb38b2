package org.anjia.registry.children;

/** Why the institution took the child in (Jiangxi DB36/T 2141-2025, codes A–E). */
public enum AdmissionReason {
  /** A: parents cannot be found (弃婴, foundling). */
  FOUNDLING,
  /** B: parents dead. */
  PARENTS_DEAD,
  /** C: parents incapable. */
  PARENTS_INCAPABLE,
  /** D: guardianship of civil affairs appointed by a court. */
  COURT_APPOINTED_GUARDIANSHIP,
  /** E: other. */
  OTHER
}

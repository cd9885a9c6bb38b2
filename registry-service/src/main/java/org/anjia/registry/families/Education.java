package org.anjia.registry.families;

/** Highest completed schooling, with the level the eligibility rules compare (0 none … 4 college or above). */
public enum Education {
  NONE(0),
  PRIMARY(1),
  JUNIOR_MIDDLE(2),
  SENIOR_HIGH(3),
  VOCATIONAL(3),
  JUNIOR_COLLEGE(4),
  BACHELOR(4),
  POSTGRADUATE(4);

  private final int level;

  Education(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }
}

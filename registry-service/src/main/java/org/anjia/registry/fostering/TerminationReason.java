package org.anjia.registry.fostering;

/**
 * Why a foster placement ends before its agreed period (解除寄养关系, 家庭寄养管理办法 arts. 18–19), each
 * with the article it comes from. The adoption of the child (art. 23) ends a placement on its own and
 * is not chosen here.
 */
enum TerminationReason {
  /** The family or a member discriminates against or abuses the child (art. 18). */
  ABUSE("第十八条"),
  /** A member's health or conduct no longer meets art. 8, or a move leaves the home short of it (art. 18). */
  NO_LONGER_QUALIFIED("第十八条"),
  /** A major change in the family leaves it unable to care for the child (art. 18). */
  MAJOR_CHANGE("第十八条"),
  /** The family uses the child to raise money (art. 18). */
  FUNDRAISING("第十八条"),
  /** The family does not keep the agreement (art. 18). */
  BREACH("第十八条"),
  /** The child and the family cannot live together any longer (art. 19). */
  RELATIONSHIP_BREAKDOWN("第十九条"),
  /** The child is reclaimed by its birth parents or another guardian (art. 19). */
  RECLAIMED("第十九条"),
  /** The child's medical care or schooling needs it (art. 19). */
  MEDICAL_OR_SCHOOLING("第十九条"),
  /** The family asked in writing and the director agreed (arts. 18–19). */
  FAMILY_REQUEST("第十八条、第十九条");

  private final String article;

  TerminationReason(String article) {
    this.article = article;
  }

  /** The article of 家庭寄养管理办法 the reason comes from, as printed on the notice. */
  String article() {
    return "《家庭寄养管理办法》" + article;
  }
}

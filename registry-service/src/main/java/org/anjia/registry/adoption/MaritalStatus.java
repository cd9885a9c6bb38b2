package org.anjia.registry.adoption;

/**
 * The applicant's marital status (婚姻状况) as stated on the adoption application: a married person
 * adopts only jointly with the spouse (民法典 art. 1101).
 */
enum MaritalStatus {
  /** 未婚 */
  UNMARRIED,
  /** 已婚 */
  MARRIED,
  /** 离婚 */
  DIVORCED,
  /** 丧偶 */
  WIDOWED
}

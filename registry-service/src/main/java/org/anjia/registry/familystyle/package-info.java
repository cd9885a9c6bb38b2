/**
 * 机构内家庭式养育 (in-institution family-style care, issue 11), the couple's side: the institution's
 * call for couples ({@link org.anjia.registry.familystyle.FamilyStyleCalls}), the joint application of a
 * married couple, each spouse with an own account ({@link org.anjia.registry.familystyle.CoupleApplications}),
 * the qualification process family-style-qualification.bpmn ({@link org.anjia.registry.familystyle.CoupleQualification})
 * and the contract with the institution ({@link org.anjia.registry.familystyle.CoupleContracts}). Every number is
 * configuration ({@link org.anjia.registry.familystyle.CoupleRules}, anjia.family-style.couples.*), local practice.
 */
package org.anjia.registry.familystyle;

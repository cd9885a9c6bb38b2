package org.anjia.registry.families;

import java.math.BigDecimal;
import java.util.List;

/** What a family declares about itself when it applies; validated input, not yet a record. */
public record Household(
    String address,
    String hukouLocality,
    boolean localHukou,
    boolean fixedHome,
    BigDecimal livingSpaceM2,
    BigDecimal monthlyIncomeYuan,
    String phone,
    boolean infectiousOrMentalIllness,
    boolean criminalRecord,
    List<Member> members) {

  public record Member(String name, ResidentId residentId, MemberRole role, Education education, String healthNote) {}
}

package org.anjia.registry.fostering;

import static org.anjia.registry.TestIdentityProvider.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;

/**
 * 寄养家庭名册 through the API: staff see the families of their own scope with approval, expiry and
 * capacity; a family sees its own approval on the portal and cannot read the register.
 */
class FosterRegisterApiTest extends RegistryIntegrationTest {

  private static final User DIRECTOR_JIUJIANG = new User("dir-jiujiang", "director", "jiujiang-cwi", null);
  private static final User ASSESSOR_LIANXI = new User("as-lianxi", "assessor", null, "360402");

  private record Staff(User caseworker, User assessor, User director) {}

  private static final Staff NANCHANG = new Staff(CASEWORKER_NANCHANG, ASSESSOR_DONGHU, DIRECTOR_NANCHANG);
  private static final Staff JIUJIANG = new Staff(CASEWORKER_JIUJIANG, ASSESSOR_LIANXI, DIRECTOR_JIUJIANG);

  @Test
  void staffSeeOnlyTheFamiliesOfTheirOwnScope() {
    String nanchang = qualify(newFamily(), "nanchang-cwi", NANCHANG);
    String jiujiang = qualify(newFamily(), "jiujiang-cwi", JIUJIANG);

    for (User staff : new User[] {CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, REGISTRAR_DONGHU}) {
      JsonNode register = register(staff);
      assertThat(register).as("%s sees Nanchang's family", staff.username())
          .anySatisfy(entry -> assertThat(entry.path("applicationNumber").asText()).isEqualTo(nanchang));
      assertThat(register).as("%s does not see Jiujiang's", staff.username())
          .noneSatisfy(entry -> assertThat(entry.path("applicationNumber").asText()).isEqualTo(jiujiang))
          .allSatisfy(entry -> assertThat(entry.path("institutionCode").asText()).isEqualTo("nanchang-cwi"));
    }
    assertThat(register(CASEWORKER_JIUJIANG))
        .anySatisfy(entry -> assertThat(entry.path("applicationNumber").asText()).isEqualTo(jiujiang))
        .noneSatisfy(entry -> assertThat(entry.path("applicationNumber").asText()).isEqualTo(nanchang));
    assertThat(register(REGISTRAR_LIANXI))
        .anySatisfy(entry -> assertThat(entry.path("applicationNumber").asText()).isEqualTo(jiujiang))
        .noneSatisfy(entry -> assertThat(entry.path("applicationNumber").asText()).isEqualTo(nanchang));
    assertThat(register(AUDITOR)).extracting(entry -> entry.path("applicationNumber").asText())
        .contains(nanchang, jiujiang);
  }

  @Test
  void anEntryShowsHouseholdApprovalExpiryAndCapacity() {
    String number = qualify(newFamily(), "nanchang-cwi", NANCHANG);

    JsonNode entry = entry(register(CASEWORKER_NANCHANG), number);

    assertThat(entry.path("familyName").asText()).isEqualTo("王秀英家庭");
    assertThat(entry.path("primaryCaregiver").asText()).isEqualTo("王秀英");
    LocalDate approvedOn = LocalDate.parse(entry.path("approvedOn").asText());
    assertThat(approvedOn).isEqualTo(today());
    // anjia.foster.register-validity: P1Y
    assertThat(LocalDate.parse(entry.path("expiresOn").asText())).isEqualTo(approvedOn.plusYears(1));
    assertThat(entry.path("standing").asText()).isEqualTo("VALID");
    // 家庭寄养管理办法 art. 9: at most 2 foster children per family
    assertThat(entry.path("capacity").asInt()).isEqualTo(2);
  }

  @Test
  void aFamilySeesItsOwnApprovalOnThePortalButNotTheRegister() {
    User family = newFamily();
    User neighbour = newFamily();
    String number = qualify(family, "nanchang-cwi", NANCHANG);
    qualify(neighbour, "nanchang-cwi", NANCHANG);

    Response own = get(family, "/api/portal/foster-register");

    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).singleElement().satisfies(entry -> {
      assertThat(entry.path("applicationNumber").asText()).isEqualTo(number);
      assertThat(LocalDate.parse(entry.path("approvedOn").asText())).isEqualTo(today());
      assertThat(LocalDate.parse(entry.path("expiresOn").asText())).isEqualTo(today().plusYears(1));
      assertThat(entry.path("standing").asText()).isEqualTo("VALID");
    });
    Response staffEndpoint = get(family, "/api/foster-register");
    assertThat(staffEndpoint.status()).isEqualTo(403);
    assertThat(staffEndpoint.contentType()).startsWith("application/problem+json");
    assertThat(get(CASEWORKER_NANCHANG, "/api/portal/foster-register").status())
        .as("the portal's answer is the family's own").isEqualTo(403);
  }

  @Test
  void aFamilyNotYetApprovedHasNoEntry() {
    User family = newFamily();
    apply(family, Households.eligible());

    assertThat(get(family, "/api/portal/foster-register").body()).isEmpty();
  }

  private JsonNode register(User staff) {
    Response register = get(staff, "/api/foster-register");
    assertThat(register.status()).as("register for %s", staff.username()).isEqualTo(200);
    return register.body();
  }

  private static JsonNode entry(JsonNode register, String applicationNumber) {
    for (JsonNode entry : register) {
      if (entry.path("applicationNumber").asText().equals(applicationNumber)) {
        return entry;
      }
    }
    throw new AssertionError(applicationNumber + " is not in the register: " + register);
  }

  private String qualify(User family, String institutionCode, Staff staff) {
    return qualifyFosterFamily(family, institutionCode, staff.caseworker(), staff.assessor(), staff.director());
  }
}

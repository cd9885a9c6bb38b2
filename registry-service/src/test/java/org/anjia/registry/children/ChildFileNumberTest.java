package org.anjia.registry.children;

import static org.anjia.registry.TestIdentityProvider.CASEWORKER_JIUJIANG;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anjia.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

/** Child file numbers people read: institution code, year of admission, sequence (档案编号). */
class ChildFileNumberTest extends RegistryIntegrationTest {

  @Test
  void numbersFollowTheInstitutionAndTheYearOfAdmission() {
    // years no other test admits in, so the sequences below are this test's alone
    String first = admit(CASEWORKER_NANCHANG, "2014-05-02");
    String second = admit(CASEWORKER_NANCHANG, "2014-07-09");
    String otherYear = admit(CASEWORKER_NANCHANG, "2015-01-20");
    String otherInstitution = admit(CASEWORKER_JIUJIANG, "2014-06-01");

    assertThat(first).matches("NC01-2014-\\d{6}");
    assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
    assertThat(otherYear).isEqualTo("NC01-2015-000001");
    assertThat(otherInstitution).isEqualTo("JJ01-2014-000001");
  }

  @Test
  void admissionsAtTheSameTimeNeverShareANumber() throws Exception {
    int admissions = 12;
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < admissions; i++) {
      // a caseworker and the director of one institution, on several days of one year
      var user = i % 2 == 0 ? CASEWORKER_NANCHANG : DIRECTOR_NANCHANG;
      String day = "2013-03-%02d".formatted(1 + i);
      calls.add(() -> admit(user, day));
    }
    List<String> numbers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(admissions)) {
      for (Future<String> number : pool.invokeAll(calls)) {
        numbers.add(number.get());
      }
    }

    assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("NC01-2013-\\d{6}"));
    assertThat(numbers.stream().map(ChildFileNumberTest::sequence).sorted())
        .as("no gap and no repeat").containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, admissions)
            .boxed().toList());
  }

  @Test
  void theNumberIsShownWhereTheChildIsListedAndItsFileRead() {
    // the newest admission, so it is on the list's first page (newest first)
    JsonNode admitted = post(CASEWORKER_NANCHANG, "/api/children", record("2026-03-01")).body();
    String id = admitted.path("id").asText();
    String number = admitted.path("fileNumber").asText();

    assertThat(number).matches("NC01-2026-\\d{6}");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id).body().path("fileNumber").asText()).isEqualTo(number);
    assertThat(get(CASEWORKER_NANCHANG, "/api/children/" + id).body().path("institutionName").asText())
        .isEqualTo("南昌市儿童福利院");
    assertThat(get(CASEWORKER_NANCHANG, "/api/children?size=200").body())
        .anySatisfy(c -> {
          assertThat(c.path("id").asText()).isEqualTo(id);
          assertThat(c.path("fileNumber").asText()).isEqualTo(number);
        });
  }

  private String admit(org.anjia.registry.TestIdentityProvider.User user, String admissionDate) {
    Response admitted = post(user, "/api/children", record(admissionDate));
    if (admitted.status() != 201) {
      throw new AssertionError("admission answered " + admitted.status() + " " + admitted.body());
    }
    return admitted.body().path("fileNumber").asText();
  }

  private static Map<String, Object> record(String admissionDate) {
    Map<String, Object> child = new HashMap<>(ChildFileTest.foundling());
    child.put("birthDate", "2012-01-15");
    child.put("admissionDate", admissionDate);
    return child;
  }

  private static int sequence(String number) {
    return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
  }
}

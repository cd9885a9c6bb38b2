package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.anjia.registry.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The dashboard in the browser: with an application and a child file of 南昌市儿童福利院 made
 * through the API (as their demo users, with the real Keycloak's tokens), the director opens 看板,
 * sees the charts, filters, exports the CSV, and reads it on a phone.
 */
class DashboardBrowserTest extends BrowserIntegrationTest {

  @Test
  void directorReadsFiltersAndExportsTheDashboardOnADesktopAndAPhone() throws Exception {
    assertThat(post(keycloakToken(newKeycloakFamily()), "/api/foster-applications", Households.eligible()))
        .isEqualTo(201);
    Map<String, Object> child = orphanOfNanchang("南小图", "FEMALE", "2019-09-09");
    child.put("category", "DISABLED");
    child.put("admissionDate", today().toString());
    assertThat(post(keycloakToken("cw-nanchang"), "/api/children", child)).isEqualTo(201);

    String output = browser("dashboard.mjs", DEMO_PASSWORD, today().toString());

    assertThat(output).contains("charts drawn", "refused next to its field", "nothing counted",
        "CSV downloaded", "no horizontal scroll");
  }

  private int post(String token, String path, Object body) {
    return http.post().uri(path).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
        .body(body).exchange((request, response) -> response.getStatusCode().value());
  }
}

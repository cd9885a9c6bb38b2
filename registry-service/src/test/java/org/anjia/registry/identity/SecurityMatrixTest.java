package org.anjia.registry.identity;

import static org.anjia.registry.TestIdentityProvider.ADMIN;
import static org.anjia.registry.TestIdentityProvider.ASSESSOR_DONGHU;
import static org.anjia.registry.TestIdentityProvider.AUDITOR;
import static org.anjia.registry.TestIdentityProvider.CASEWORKER_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.DIRECTOR_NANCHANG;
import static org.anjia.registry.TestIdentityProvider.EVERY_ROLE;
import static org.anjia.registry.TestIdentityProvider.FAMILY_WANG;
import static org.anjia.registry.TestIdentityProvider.REGISTRAR_DONGHU;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.anjia.registry.RegistryIntegrationTest;
import org.anjia.registry.TestIdentityProvider;
import org.anjia.registry.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every endpoint × every role: allowed (anything but 401/403) or refused (403), and 401 without a
 * token. The rows are the security policy in one table; an endpoint without a row fails the test.
 * Scope (which objects within an allowed endpoint) is tested in {@code DataScopeTest}.
 */
class SecurityMatrixTest extends RegistryIntegrationTest {

  private static final Map<String, Set<User>> ALLOWED = new LinkedHashMap<>();

  static {
    Set<User> staff = Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, REGISTRAR_DONGHU, ASSESSOR_DONGHU);
    Set<User> staffAndAuditor = Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, REGISTRAR_DONGHU, ASSESSOR_DONGHU,
        AUDITOR);
    Set<User> everyone = Set.copyOf(EVERY_ROLE);
    ALLOWED.put("GET /api/me", everyone);
    ALLOWED.put("GET /api/institutions", everyone);
    ALLOWED.put("POST /api/foster-applications", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/adoption-applications", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/applications/{id}/confirm", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/applications/{id}/dissolution", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/applications/{id}/journey", Set.of(FAMILY_WANG, CASEWORKER_NANCHANG, DIRECTOR_NANCHANG,
        REGISTRAR_DONGHU, ASSESSOR_DONGHU, AUDITOR));
    ALLOWED.put("GET /api/foster-register", Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, REGISTRAR_DONGHU, AUDITOR));
    ALLOWED.put("GET /api/applications/{id}", Set.of(FAMILY_WANG, CASEWORKER_NANCHANG, DIRECTOR_NANCHANG,
        REGISTRAR_DONGHU, ASSESSOR_DONGHU, AUDITOR));
    ALLOWED.put("POST /api/applications/{id}/documents", Set.of(FAMILY_WANG, CASEWORKER_NANCHANG, REGISTRAR_DONGHU));
    ALLOWED.put("GET /api/documents/{id}/content", Set.of(FAMILY_WANG, CASEWORKER_NANCHANG, DIRECTOR_NANCHANG,
        REGISTRAR_DONGHU, ASSESSOR_DONGHU, AUDITOR));
    ALLOWED.put("POST /api/applications/{id}/seal", Set.of(REGISTRAR_DONGHU));
    ALLOWED.put("POST /api/applications/{id}/assessors", Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG,
        REGISTRAR_DONGHU));
    ALLOWED.put("GET /api/applications/{id}/assessors", staffAndAuditor);
    ALLOWED.put("GET /api/portal/applications", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/portal/foster-register", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/portal/adoptable-children/{id}", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/family/invitations", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/family/join", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/worklist", staffAndAuditor);
    ALLOWED.put("GET /api/worklist/processes", staffAndAuditor);
    ALLOWED.put("GET /api/tasks/{key}", Stream.concat(staffAndAuditor.stream(), Stream.of(FAMILY_WANG))
        .collect(java.util.stream.Collectors.toSet()));
    ALLOWED.put("POST /api/tasks/{key}/claim", Stream.concat(staff.stream(), Stream.of(FAMILY_WANG))
        .collect(java.util.stream.Collectors.toSet()));
    ALLOWED.put("POST /api/tasks/{key}/unclaim", Stream.concat(staff.stream(), Stream.of(FAMILY_WANG))
        .collect(java.util.stream.Collectors.toSet()));
    ALLOWED.put("POST /api/tasks/{key}/complete", Stream.concat(staff.stream(), Stream.of(FAMILY_WANG))
        .collect(java.util.stream.Collectors.toSet()));
    ALLOWED.put("POST /api/tasks/{key}/assignee", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("GET /api/incidents", staffAndAuditor);
    Set<User> childReaders = Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, REGISTRAR_DONGHU, AUDITOR);
    Set<User> childKeepers = Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG);
    ALLOWED.put("GET /api/children", childReaders);
    ALLOWED.put("GET /api/children/{id}", childReaders);
    ALLOWED.put("GET /api/children/{id}/history", childReaders);
    ALLOWED.put("POST /api/children", childKeepers);
    ALLOWED.put("PUT /api/children/{id}", childKeepers);
    ALLOWED.put("POST /api/children/{id}/placements", childKeepers);
    ALLOWED.put("POST /api/children/{id}/siblings", childKeepers);
    ALLOWED.put("POST /api/children/{id}/adoption-placement", childKeepers);
    ALLOWED.put("POST /api/children/{id}/root-seeking-visits", childKeepers);
    ALLOWED.put("GET /api/children/{id}/root-seeking-visits", childReaders);
    ALLOWED.put("POST /api/root-seeking-visits", childKeepers);
    ALLOWED.put("POST /api/children/{id}/birth-parent-claim", Set.of(REGISTRAR_DONGHU));
    ALLOWED.put("POST /api/children/{id}/documents", childKeepers);
    ALLOWED.put("GET /api/children/{id}/documents", childReaders);
    ALLOWED.put("GET /api/children/{id}/documents/{documentId}/content", childReaders);
    ALLOWED.put("POST /api/applications/{id}/child-consent", Set.of(REGISTRAR_DONGHU, ASSESSOR_DONGHU));
    ALLOWED.put("GET /api/applications/{id}/child-consent", staffAndAuditor);
    ALLOWED.put("POST /api/foster-placements", Set.of(CASEWORKER_NANCHANG));
    ALLOWED.put("POST /api/children/{id}/foster-consent", Set.of(CASEWORKER_NANCHANG));
    ALLOWED.put("GET /api/children/{id}/foster-placements", childKeepers);
    ALLOWED.put("GET /api/foster-families/{id}/placements", childKeepers);
    ALLOWED.put("GET /api/portal/foster-placements", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/foster-placements/{id}/signature", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/foster-placements/{id}/care-record", childKeepers);
    ALLOWED.put("POST /api/foster-placements/{id}/respites", childKeepers);
    ALLOWED.put("POST /api/foster-placements/{id}/visits/{visitId}/photos", childKeepers);
    ALLOWED.put("POST /api/foster-placements/{id}/termination", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("GET /api/portal/foster-placements/{id}/care-record", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/foster-placements/{id}/respite-requests", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/foster-placements/{id}/termination-request", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/foster-register/{entryId}/renewal", childKeepers);
    ALLOWED.put("POST /api/foster-register/{entryId}/member-checks", Set.of(CASEWORKER_NANCHANG));
    ALLOWED.put("POST /api/foster-register/{entryId}/suspension", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("DELETE /api/foster-register/{entryId}/suspension", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("GET /api/foster-placements", childKeepers);
    ALLOWED.put("GET /api/foster-placement-rules", childKeepers);
    ALLOWED.put("GET /api/foster-placements/{id}/agreement.pdf", childKeepers);
    ALLOWED.put("GET /api/children/{id}/foster-consent", childKeepers);
    ALLOWED.put("GET /api/portal/foster-placements/{id}/agreement.pdf", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/foster-placements/{id}/termination-notice.pdf", childKeepers);
    ALLOWED.put("GET /api/portal/foster-placements/{id}/termination-notice.pdf", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/dashboard", Set.of(DIRECTOR_NANCHANG, REGISTRAR_DONGHU, AUDITOR));
    ALLOWED.put("GET /api/dashboard.csv", Set.of(DIRECTOR_NANCHANG, REGISTRAR_DONGHU, AUDITOR));
    ALLOWED.put("GET /api/audit", Set.of(AUDITOR));
    ALLOWED.put("GET /api/audit/verify", Set.of(AUDITOR, ADMIN));
    ALLOWED.put("GET /api/certificates/verification", everyone);
    // 机构内家庭式养育: the units board for the institution's staff and auditors; the director changes it
    ALLOWED.put("GET /api/family-style/units", Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, AUDITOR));
    ALLOWED.put("POST /api/family-style/units", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("PUT /api/family-style/units/{id}", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("POST /api/family-style/units/{id}/children", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("POST /api/family-style/units/{id}/children/{childId}/end", Set.of(DIRECTOR_NANCHANG));
    // 机构内家庭式养育, the couple's side (familystyle)
    ALLOWED.put("GET /api/family-style/calls", everyone);
    ALLOWED.put("POST /api/family-style/calls", Set.of(DIRECTOR_NANCHANG));
    ALLOWED.put("POST /api/family-style/applications", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/family-style/applications/{id}/confirm", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/portal/family-style", Set.of(FAMILY_WANG));
    ALLOWED.put("POST /api/portal/family-style/contracts/{id}/signature", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/portal/family-style/contracts/{id}.pdf", Set.of(FAMILY_WANG));
    ALLOWED.put("GET /api/family-style/contracts/{id}.pdf", Set.of(CASEWORKER_NANCHANG, DIRECTOR_NANCHANG, AUDITOR));
  }

  /** Answer without a token: the public endpoints' own (a verification without a certificate: 404). */
  private static final Map<String, Integer> ANONYMOUS = Map.of(
      "GET /api/institutions", 200,
      "GET /api/certificates/verification", 404,
      "GET /api/family-style/calls", 200);

  private static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointHasARow() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (info.getPathPatternsCondition() == null) {
        return;
      }
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue; // pages, the error page and the OpenAPI documents are not part of the API
        }
        info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern));
      }
    });

    assertThat(endpoints).as("every API endpoint needs a row in the matrix").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
  }

  @TestFactory
  Stream<DynamicTest> everyRoleOnEveryEndpoint() {
    return ALLOWED.entrySet().stream().flatMap(row -> Stream.concat(
        EVERY_ROLE.stream().map(user -> DynamicTest.dynamicTest(row.getKey() + " as " + user.role(), () -> {
          int status = call(row.getKey(), "Bearer " + TestIdentityProvider.get().token(user));
          if (row.getValue().contains(user)) {
            assertThat(status).as(row.getKey() + " as " + user.role() + " is allowed").isNotIn(401, 403);
          } else {
            assertThat(status).as(row.getKey() + " as " + user.role() + " is refused").isEqualTo(403);
          }
        })),
        Stream.of(DynamicTest.dynamicTest(row.getKey() + " without a token", () ->
            assertThat(call(row.getKey(), null)).as(row.getKey() + " without a token")
                .isEqualTo(ANONYMOUS.getOrDefault(row.getKey(), 401))))));
  }

  @Test
  void tokensFromAnotherKeyOrForAnotherAudienceAreRefused() {
    assertThat(call("GET /api/me", "Bearer " + TestIdentityProvider.get().tokenSignedByAnotherKey(CASEWORKER_NANCHANG)))
        .isEqualTo(401);
    assertThat(call("GET /api/me", "Bearer " + TestIdentityProvider.get().tokenForAnotherAudience(CASEWORKER_NANCHANG)))
        .isEqualTo(401);
  }

  @Test
  void pagesOtherThanTheLandingPageSendTheBrowserToLogin() throws Exception {
    var browser = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    var landing = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        "http://localhost:" + port + "/")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());

    assertThat(landing.statusCode()).isEqualTo(200);
    for (String page : new String[] {"/worklist.html", "/placements.html", "/units.html"}) {
      var response = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          "http://localhost:" + port + page)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(location ->
          assertThat(location).endsWith("/oauth2/authorization/keycloak"));
    }
  }

  private int call(String row, String authorization) {
    String[] parts = row.split(" ", 2);
    String path = parts[1].replaceAll("\\{\\w+}", UUID.randomUUID().toString());
    // each call from an address of its own (documentation prefix): public endpoints count attempts per address
    var request = http.method(HttpMethod.valueOf(parts[0])).uri(path)
        .header("X-Forwarded-For", "2001:db8:" + Integer.toHexString(CALLS.incrementAndGet()) + "::1");
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    if (parts[0].equals("POST") || parts[0].equals("PUT")) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(Map.of());
    }
    return request.exchange((req, response) -> response.getStatusCode().value());
  }

}

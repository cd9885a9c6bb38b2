package org.anjia.registry.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.Labels;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's numbers as JSON for the page and as CSV for a spreadsheet; the same filter for both. */
@RestController
class DashboardController {

  private final Dashboard dashboard;
  private final CurrentUsers users;
  private final Labels labels;

  DashboardController(Dashboard dashboard, CurrentUsers users, Labels labels) {
    this.dashboard = dashboard;
    this.users = users;
    this.labels = labels;
  }

  /** {@code institution}: a code in the caller's scope (none: all of it); {@code from}, {@code to}: ISO dates, inclusive. */
  @GetMapping("/api/dashboard")
  DashboardView dashboard(@RequestParam(required = false) String institution,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    CurrentUser user = users.current();
    return dashboard.view(user, dashboard.select(user, institution, from, to));
  }

  @GetMapping("/api/dashboard.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String institution,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    CurrentUser user = users.current();
    Dashboard.Selection selection = dashboard.select(user, institution, from, to);
    DashboardView view = dashboard.view(user, selection);
    String fileName = String.join("_", Stream.of("anjia-dashboard", selection.institutionCode(),
            selection.from() == null ? null : selection.from().toString(),
            selection.to() == null ? null : selection.to().toString())
        .filter(part -> part != null).toList()) + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(DashboardCsv.of(view, labels).getBytes(StandardCharsets.UTF_8));
  }
}

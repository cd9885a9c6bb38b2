package org.anjia.registry.fostering;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 寄养家庭名册续期与复查 for the institution's staff: the entry's renewal and its adults' checks, a
 * check recorded (an adult who joined later, or a re-check), and the director's suspension.
 */
@RestController
class FosterRenewalController {

  private final RegisterRenewals renewals;

  FosterRenewalController(RegisterRenewals renewals) {
    this.renewals = renewals;
  }

  @GetMapping("/api/foster-register/{entryId}/renewal")
  RegisterRenewals.EntryRenewal renewal(@PathVariable UUID entryId) {
    return renewals.renewal(entryId);
  }

  /** A caseworker records an adult's criminal-record query (未成年人保护法 art. 98) or health certificate (art. 8(3)). */
  @PostMapping("/api/foster-register/{entryId}/member-checks")
  @ResponseStatus(HttpStatus.CREATED)
  RegisterRenewals.EntryRenewal recordCheck(@PathVariable UUID entryId,
      @RequestBody HouseholdChecks.CheckRequest request) {
    return renewals.recordCheck(entryId, request);
  }

  @PostMapping("/api/foster-register/{entryId}/suspension")
  RegisterRenewals.EntryRenewal suspend(@PathVariable UUID entryId,
      @RequestBody RegisterRenewals.SuspensionRequest request) {
    return renewals.suspend(entryId, request);
  }

  @DeleteMapping("/api/foster-register/{entryId}/suspension")
  RegisterRenewals.EntryRenewal lift(@PathVariable UUID entryId) {
    return renewals.lift(entryId);
  }
}

package org.anjia.registry.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class AuditController {

  private final AuditChain chain;

  AuditController(AuditChain chain) {
    this.chain = chain;
  }

  /** Auditors search the log, newest first. */
  @GetMapping("/api/audit")
  List<AuditEntry> search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return chain.search(new AuditChain.Search(actor, objectType, objectId, action), page, size);
  }

  @GetMapping("/api/audit/verify")
  AuditChain.Verification verify() {
    return chain.verify();
  }
}

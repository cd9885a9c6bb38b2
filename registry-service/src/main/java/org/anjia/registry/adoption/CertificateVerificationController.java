package org.anjia.registry.adoption;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import org.anjia.registry.web.RateLimiter;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public verification of a certificate (no login): what verify.html asks. */
@RestController
class CertificateVerificationController {

  static final String PURPOSE = "certificate-verification";

  private final CertificateVerifications verifications;
  private final RateLimiter limiter;
  private final CertificateVerificationRules rules;

  CertificateVerificationController(CertificateVerifications verifications, RateLimiter limiter,
      CertificateVerificationRules rules) {
    this.verifications = verifications;
    this.limiter = limiter;
    this.rules = rules;
  }

  /**
   * Counted per client address before anything is looked up (behind the load balancer the address it
   * sets in X-Forwarded-For); 429 with Retry-After beyond the limit, 404 for any certificate that does
   * not match. Never cached: a certificate's standing changes with a dissolution.
   */
  @GetMapping("/api/certificates/verification")
  @SecurityRequirements // public: no token

  ResponseEntity<CertificateVerifications.Verification> verify(@RequestParam(required = false) String number,
      @RequestParam(required = false) String code, HttpServletRequest request) {
    limiter.attempt(PURPOSE, request.getRemoteAddr(), rules.verification().limit());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(verifications.verify(number, code));
  }
}

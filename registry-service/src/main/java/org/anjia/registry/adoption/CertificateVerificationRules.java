package org.anjia.registry.adoption;

import java.time.Duration;
import org.anjia.registry.web.RateLimiter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the certificates' QR codes lead and how often one client address may ask; defaults in
 * application.yaml (anjia.certificates.*).
 *
 * @param publicBaseUrl the address people reach the service at, printed into every QR code
 * @param verification attempts per client address and window at the public verification
 */
@ConfigurationProperties("anjia.certificates")
record CertificateVerificationRules(String publicBaseUrl, Verification verification) {

  record Verification(int attempts, Duration window) {

    RateLimiter.Limit limit() {
      return new RateLimiter.Limit(attempts, window);
    }
  }
}

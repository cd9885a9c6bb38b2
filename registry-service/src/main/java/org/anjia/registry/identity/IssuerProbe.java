package org.anjia.registry.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Whether Keycloak answers now: the realm's signing keys (which every login needs, to check the
 * tokens it brings back), asked with a short timeout. Each replica
 * asks for itself, and an answer stands for {@code probe-reuse} only: nothing to agree on across
 * replicas, and during an outage a crowd of logins waits for one timeout, not one each.
 */
@Component
class IssuerProbe {

  private record Answer(boolean up, Instant at) {}

  private final IdentityProperties identity;
  private final URI keys;
  private final HttpClient http;
  private final Clock wallClock = Clock.systemUTC();
  private volatile Answer last;

  IssuerProbe(IdentityProperties identity) {
    this.identity = identity;
    this.keys = URI.create(identity.endpoint("certs"));
    this.http = HttpClient.newBuilder().connectTimeout(identity.probeTimeout()).build();
  }

  boolean answers() {
    Answer answer = last;
    Instant now = wallClock.instant();
    if (answer == null || !now.isBefore(answer.at().plus(identity.probeReuse()))) {
      answer = new Answer(ask(), now);
      last = answer;
    }
    return answer.up();
  }

  private boolean ask() {
    try {
      return http.send(HttpRequest.newBuilder(keys).timeout(identity.probeTimeout()).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

package org.anjia.registry.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer the Keycloak realm's issuer, exactly as tokens carry it (host name included)
 * @param audience the audience the API's tokens must carry
 * @param clientId the browser login's client, for the logout redirect
 * @param keySetRefresh how long the realm's signing keys are used before they are fetched again
 * @param keySetOutageTolerance how long the last keys fetched keep verifying tokens while Keycloak does
 *     not answer (an API client's token stays usable until it expires)
 * @param probeTimeout how long the login entry waits for Keycloak's answer before it calls it down
 * @param probeReuse how long one probe's answer stands (per replica), so a crowd of logins during an
 *     outage does not tie up request threads waiting for a dead host
 */
@ConfigurationProperties("anjia.identity")
record IdentityProperties(String issuer, String audience, String clientId,
    @DefaultValue("PT5M") Duration keySetRefresh,
    @DefaultValue("PT12H") Duration keySetOutageTolerance,
    @DefaultValue("PT2S") Duration probeTimeout,
    @DefaultValue("PT5S") Duration probeReuse) {

  String endpoint(String path) {
    return issuer + "/protocol/openid-connect/" + path;
  }
}

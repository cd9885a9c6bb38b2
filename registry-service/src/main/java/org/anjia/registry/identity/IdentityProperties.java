package org.anjia.registry.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the Keycloak realm's issuer, exactly as tokens carry it (host name included)
 * @param audience the audience the API's tokens must carry
 * @param clientId the browser login's client, for the logout redirect
 */
@ConfigurationProperties("anjia.identity")
record IdentityProperties(String issuer, String audience, String clientId) {

  String endpoint(String path) {
    return issuer + "/protocol/openid-connect/" + path;
  }
}

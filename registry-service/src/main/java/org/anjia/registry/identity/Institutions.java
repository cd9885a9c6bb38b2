package org.anjia.registry.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The child-welfare institutions (儿童福利机构) this deployment serves, each under a county-level
 * civil-affairs jurisdiction. Their codes are the {@code institution} claim of staff tokens
 * (Keycloak group attributes); configuration, managed by admins.
 */
@ConfigurationProperties("anjia")
public record Institutions(List<Institution> institutions) {

  /**
   * {@code fileCode}: the short code that opens the numbers of its children's files (NC01 in
   * NC01-2026-000123), as the institution writes it on paper; the code itself when none is set.
   */
  public record Institution(String code, String name, String jurisdiction, String jurisdictionName, String fileCode) {

    public String fileCode() {
      return fileCode == null || fileCode.isBlank() ? code.toUpperCase() : fileCode;
    }
  }

  public Optional<Institution> find(String code) {
    return institutions.stream().filter(i -> i.code().equals(code)).findFirst();
  }
}

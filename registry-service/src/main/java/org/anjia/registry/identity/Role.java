package org.anjia.registry.identity;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of Keycloak realm {@code anjia} (infra/keycloak/README.md). */
public enum Role {
  /** 社工: keeps children's files, works the institution's tasks. */
  CASEWORKER,
  /** 机构负责人: approves placements and foster families. */
  DIRECTOR,
  /** 收养登记员 (县级以上民政部门): reviews and registers adoptions; only role that may open sealed records. */
  REGISTRAR,
  /** 评估人员: home visits and assessment reports, only on cases assigned to them. */
  ASSESSOR,
  /** 申请家庭: applies and follows its own applications. */
  FAMILY,
  /** 监督: reads everything, changes nothing. */
  AUDITOR,
  /** 系统管理员: configuration, not case data. */
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }

  /** The candidate group of user tasks meant for this role (BPMN uses the lower-case role name). */
  public String candidateGroup() {
    return name().toLowerCase();
  }

  static Optional<Role> fromRealmRole(String realmRole) {
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(realmRole)).findFirst();
  }
}

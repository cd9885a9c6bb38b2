package org.anjia.registry.identity;

/**
 * Who did something, as a history entry keeps it: the login (for the audit trail only, never shown
 * outside it), the person's name from their token, the role they acted in and their unit (the
 * institution code, or the jurisdiction code of a registrar or assessor). The engine acting on its
 * own (a decision table, a timer, a registration it completes) has no role.
 */
public record Actor(String login, Role role, String name, String unit) {

  /** The login under which the engine's own steps were always recorded. */
  public static final String ENGINE_LOGIN = "engine";

  public static Actor system() {
    return new Actor(ENGINE_LOGIN, null, null, null);
  }

  /** As a record keeps it beside its row: the role by its name, null when none was recorded. */
  public static Actor stored(String login, String role, String name, String unit) {
    return new Actor(login, role == null ? null : Role.valueOf(role), name, unit);
  }

  public boolean isSystem() {
    return role == null && ENGINE_LOGIN.equals(login);
  }
}

package org.anjia.registry.audit;

import org.anjia.registry.identity.SecurityIncident;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Failed logins, bad tokens and refused requests go into the audit log too. */
@Component
class SecurityIncidentAudit {

  private final AuditLog log;

  SecurityIncidentAudit(AuditLog log) {
    this.log = log;
  }

  @EventListener
  void on(SecurityIncident incident) {
    AuditAction action = incident.kind() == SecurityIncident.Kind.AUTHENTICATION_FAILED
        ? AuditAction.AUTHENTICATION_FAILED : AuditAction.DENIED;
    log.recordRefusal(action, "REQUEST", incident.method() + " " + incident.path(), incident.detail(),
        incident.username(), incident.address());
  }
}

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

  /** audit_entry.object_id's width: a longer request line is cut, so the refusal is still recorded. */
  private static final int OBJECT_ID_LENGTH = 100;

  @EventListener
  void on(SecurityIncident incident) {
    AuditAction action = incident.kind() == SecurityIncident.Kind.AUTHENTICATION_FAILED
        ? AuditAction.AUTHENTICATION_FAILED : AuditAction.DENIED;
    String request = incident.method() + " " + incident.path();
    if (request.length() > OBJECT_ID_LENGTH) {
      request = request.substring(0, OBJECT_ID_LENGTH - 1) + "…";
    }
    log.recordRefusal(action, "REQUEST", request, incident.detail(), incident.username(), incident.address());
  }
}

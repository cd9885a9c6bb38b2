-- Keycloak's user events (logins, failed passwords and codes, logouts, password and TOTP changes),
-- copied into the audit log by the import process (processes/keycloak-event-import.bpmn). One row per
-- Keycloak event id: an import that meets an event already imported (a second tick, a second replica)
-- inserts nothing and so appends no second audit entry. The audit entry itself is in audit_entry.
create table keycloak_event (
    event_id    varchar(100) primary key,
    occurred_at timestamptz  not null,
    type        varchar(60)  not null,
    user_id     varchar(100),
    username    varchar(255),
    imported_at timestamptz  not null
);
-- where the next import starts (the newest event imported)
create index keycloak_event_time on keycloak_event (occurred_at);
-- a logout names only the user's id: the user name comes from that user's last event that had one
create index keycloak_event_user on keycloak_event (user_id, occurred_at);

-- Identity, scopes and the audit log (issue: login, roles, data scopes, sealed records, audit).

-- Where an application belongs: the institution it was made to and that institution's county-level
-- civil-affairs jurisdiction (民政部门). Existing rows predate scopes: they belong to the first demo
-- institution so nobody loses sight of them.
alter table application add column institution_code  varchar(60) not null default 'nanchang-cwi';
alter table application add column jurisdiction_code varchar(20) not null default '360102';
alter table application alter column institution_code drop default;
alter table application alter column jurisdiction_code drop default;
-- 民法典 art. 1110: a sealed record is seen only by the registrar of its jurisdiction, with a stated reason.
alter table application add column sealed boolean not null default false;
create index application_institution on application (institution_code);
create index application_jurisdiction on application (jurisdiction_code);

-- The Keycloak accounts of a household's adults; each adult signs in with an own account.
create table family_account (
    family_id  uuid         not null references family (id),
    subject    varchar(100) not null,
    username   varchar(200) not null,
    linked_at  timestamptz  not null,
    primary key (family_id, subject)
);
create index family_account_subject on family_account (subject);

-- A one-time code with which a second adult joins the household's accounts.
create table family_invitation (
    code        varchar(20)  primary key,
    family_id   uuid         not null references family (id),
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_by     varchar(100),
    used_at     timestamptz
);

-- Assessors see only the cases assigned to them.
create table case_assignment (
    application_id uuid         not null references application (id),
    assessor       varchar(200) not null,
    assigned_by    varchar(200) not null,
    assigned_at    timestamptz  not null,
    primary key (application_id, assessor)
);

-- Who read and changed what. Append-only (the trigger refuses updates and deletes) and
-- hash-chained: each entry's hash covers its content and the previous entry's hash.
create table audit_entry (
    id            bigserial primary key,
    occurred_at   timestamptz  not null,
    actor         varchar(200) not null,
    roles         varchar(200) not null,
    action        varchar(30)  not null,
    object_type   varchar(40)  not null,
    object_id     varchar(100),
    fields        text         not null,
    reason        text,
    address       varchar(100),
    previous_hash char(64)     not null,
    hash          char(64)     not null unique
);
create index audit_entry_actor on audit_entry (actor);
create index audit_entry_object on audit_entry (object_type, object_id);
create index audit_entry_time on audit_entry (occurred_at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

-- Spring Session JDBC: browser sessions in PostgreSQL so any replica serves any browser.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null unique,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create index spring_session_expiry on spring_session (expiry_time);
create index spring_session_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

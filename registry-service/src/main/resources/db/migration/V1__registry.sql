-- Registry records: families, applications with their status history, documents, the foster register.
-- Identifiers are UUIDs made by the service, so any replica can create records without coordination.

create table family (
    id                           uuid primary key,
    display_name                 varchar(200) not null,
    address                      varchar(500) not null,
    hukou_locality               varchar(200) not null,   -- 户籍所在地
    local_hukou                  boolean      not null,   -- 当地户籍 (寄养办法 art. 8(1))
    fixed_home                   boolean      not null,
    living_space_m2              numeric(8, 2) not null,
    monthly_income_yuan          numeric(12, 2) not null,
    phone                        varchar(40)  not null,
    infectious_or_mental_illness boolean      not null,
    criminal_record              boolean      not null,
    created_at                   timestamptz  not null,
    version                      bigint       not null
);

create table household_member (
    id          uuid primary key,
    family_id   uuid         not null references family (id),
    position    int          not null,
    name        varchar(100) not null,
    resident_id varchar(18)  not null,   -- 公民身份号码 (GB 11643)
    birth_date  date         not null,   -- read from the resident ID
    sex         varchar(6)   not null,
    role        varchar(30)  not null,
    education   varchar(30)  not null,
    health_note varchar(500)
);
create index household_member_family on household_member (family_id);

create sequence application_number_seq;

create table application (
    id                   uuid primary key,
    number               varchar(30)  not null unique,
    type                 varchar(40)  not null,
    status               varchar(40)  not null,
    family_id            uuid         not null references family (id),
    motivation           text,
    submitted_at         timestamptz  not null,
    decided_at           timestamptz,
    version              bigint       not null
);
create index application_family on application (family_id);

create table application_status_change (
    id             bigserial primary key,
    application_id uuid        not null references application (id),
    status         varchar(40) not null,
    changed_at     timestamptz not null,
    actor          varchar(200),
    note           text
);
create index application_status_change_application on application_status_change (application_id);

create table application_rejection_reason (
    application_id uuid         not null references application (id),
    position       int          not null,
    rule           varchar(60)  not null,
    article        varchar(200) not null,
    reason         text         not null,
    primary key (application_id, position)
);

create table document (
    id             uuid primary key,
    application_id uuid         not null references application (id),
    type           varchar(40)  not null,
    file_name      varchar(255) not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null,
    sha256         varchar(64)  not null,
    content        bytea        not null,
    uploaded_at    timestamptz  not null
);
create index document_application on document (application_id);

-- 寄养家庭名册: families approved under 寄养办法 art. 12, with the date their approval lapses.
create table foster_register_entry (
    id                 uuid primary key,
    family_id          uuid         not null references family (id),
    application_id     uuid         not null unique references application (id),
    primary_caregiver  varchar(100) not null,
    training_hours     numeric(6, 1) not null,
    approved_on        date         not null,
    expires_on         date         not null,
    created_at         timestamptz  not null
);

-- What a user submitted to complete a task; one per task, so a second submission is refused.
create table task_submission (
    id                 uuid primary key,
    user_task_key      bigint       not null unique,
    process_instance_key bigint     not null,
    element_id         varchar(255) not null,
    application_id     uuid references application (id),
    variables          jsonb        not null,
    submitted_by       varchar(200) not null,
    submitted_at       timestamptz  not null
);

-- Reminders and escalations the engine's deadline timers raised for a task (idempotent by key).
create table task_signal (
    user_task_key bigint      not null,
    kind          varchar(20) not null,
    raised_at     timestamptz not null,
    primary key (user_task_key, kind)
);

-- Spring Modulith's event publication registry: the transactional outbox towards the engine.
create table event_publication (
    id               uuid primary key,
    listener_id      text        not null,
    event_type       text        not null,
    serialized_event text        not null,
    publication_date timestamptz not null,
    completion_date  timestamptz
);
create index event_publication_incomplete on event_publication (completion_date) where completion_date is null;

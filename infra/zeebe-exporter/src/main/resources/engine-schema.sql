-- Read model of the Zeebe engine, written only by org.anjia.exporter.PostgresExporter.
-- Idempotent: every broker partition's exporter runs this on open (serialised by an advisory lock).
-- Every row carries the log position of the record that last wrote it; writes are upserts that
-- only apply when the incoming record is newer (position guard), so replays change nothing.

create schema if not exists engine;

create table if not exists engine.user_task (
  user_task_key              bigint primary key,
  partition_id               int         not null,
  position                   bigint      not null,
  state                      varchar(16) not null check (state in ('CREATED', 'COMPLETED', 'CANCELED')),
  element_id                 text,
  element_instance_key       bigint,
  process_instance_key       bigint,
  process_definition_key     bigint,
  bpmn_process_id            text,
  process_definition_version int,
  form_key                   bigint,
  external_form_reference    text,
  assignee                   text,
  candidate_groups           text[]      not null default '{}',
  candidate_users            text[]      not null default '{}',
  due_date                   timestamptz,
  follow_up_date             timestamptz,
  priority                   int,
  custom_headers             jsonb       not null default '{}',
  tenant_id                  text,
  created_at                 timestamptz,
  completed_at               timestamptz,
  canceled_at                timestamptz,
  updated_at                 timestamptz not null
);
create index if not exists user_task_process_instance_key_idx on engine.user_task (process_instance_key);
create index if not exists user_task_state_due_date_idx on engine.user_task (state, due_date);

create table if not exists engine.process_instance (
  process_instance_key        bigint primary key,
  partition_id                int         not null,
  -- -1 while the row only holds a business key seen before the instance's own events
  position                    bigint      not null,
  bpmn_process_id             text,
  process_definition_key      bigint,
  version                     int,
  parent_process_instance_key bigint,
  state                       varchar(16) not null check (state in ('ACTIVE', 'COMPLETED', 'TERMINATED')),
  business_key                varchar,
  -- position of the variable record that set business_key (guards it separately from position)
  business_key_position       bigint,
  started_at                  timestamptz,
  ended_at                    timestamptz
);
create index if not exists process_instance_business_key_idx on engine.process_instance (business_key);
create index if not exists process_instance_parent_idx on engine.process_instance (parent_process_instance_key);

create table if not exists engine.incident (
  incident_key         bigint primary key,
  partition_id         int         not null,
  position             bigint      not null,
  process_instance_key bigint,
  bpmn_process_id      text,
  element_id           text,
  element_instance_key bigint,
  job_key              bigint,
  error_type           text,
  error_message        text,
  state                varchar(16) not null check (state in ('ACTIVE', 'RESOLVED')),
  created_at           timestamptz,
  resolved_at          timestamptz
);
create index if not exists incident_process_instance_key_idx on engine.incident (process_instance_key);
create index if not exists incident_state_idx on engine.incident (state);

create table if not exists engine.form (
  form_key    bigint primary key,
  form_id     text   not null,
  version     int    not null,
  resource    text   not null,
  position    bigint not null,
  deployed_at timestamptz
);
create index if not exists form_form_id_version_idx on engine.form (form_id, version);

create table if not exists engine.variable (
  variable_key         bigint primary key,
  partition_id         int         not null,
  position             bigint      not null,
  process_instance_key bigint      not null,
  scope_key            bigint      not null,
  name                 text        not null,
  value                jsonb,
  updated_at           timestamptz not null
);
create index if not exists variable_process_instance_key_name_idx on engine.variable (process_instance_key, name);
create index if not exists variable_scope_key_name_idx on engine.variable (scope_key, name);

create table if not exists engine.exporter_position (
  partition_id int primary key,
  position     bigint      not null,
  updated_at   timestamptz not null
);

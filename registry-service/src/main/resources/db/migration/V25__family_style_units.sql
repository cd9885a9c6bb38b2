-- 机构内家庭式养育 (seeds 000 专栏4.2, 003 三(一); spec/domain.md): residence units inside the
-- institution where a married couple raises a group of children as one family, the children assigned
-- to them (each assignment is a FAMILY_STYLE placement on the child's file, child_placement.reference =
-- the assignment's id) and the unit's periodic reviews (quarterly by default, local practice).

create table residence_unit (
    id                    uuid primary key,
    institution_code      varchar(60)  not null,
    name                  varchar(100) not null,
    place                 varchar(200) not null,
    capacity              integer      not null check (capacity > 0),
    state                 varchar(20)  not null check (state in ('OPEN', 'OCCUPIED', 'CLOSED')),
    -- the couple living in the unit: their application/contract (issue 11, couple's side); no FK here
    couple_application_id uuid null,
    created_by            varchar(200) not null,
    created_at            timestamptz  not null,
    closed_at             timestamptz
);
create unique index residence_unit_name on residence_unit (institution_code, name);

create table unit_assignment (
    id                    uuid primary key,
    unit_id               uuid         not null references residence_unit (id),
    child_id              uuid         not null references child (id),
    started_on            date         not null,
    ended_on              date,
    end_reason            text,
    siblings_apart_reason text,
    assigned_by           varchar(200) not null,
    assigned_at           timestamptz  not null
);
create index unit_assignment_unit on unit_assignment (unit_id) where ended_on is null;
-- a child lives in one unit at a time: a second assignment at once fails instead of being written
create unique index unit_assignment_one_open on unit_assignment (child_id) where ended_on is null;

create table unit_review (
    id          uuid primary key,
    unit_id     uuid         not null references residence_unit (id),
    -- the engine task it was recorded from: a repeated completion records nothing twice
    task_id     varchar(64)  not null unique,
    held_on     date         not null,
    reviewed_by varchar(200) not null,
    recorded_at timestamptz  not null,
    summary     text
);
create index unit_review_unit on unit_review (unit_id, held_on);

create table unit_review_note (
    review_id   uuid not null references unit_review (id),
    child_id    uuid not null references child (id),
    health      text,
    schooling   text,
    development text,
    primary key (review_id, child_id)
);

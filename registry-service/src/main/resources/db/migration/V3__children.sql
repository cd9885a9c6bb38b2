-- One child, one file (一人一档): the whole life cycle of a child in an institution's care.

create table child (
    id                     uuid primary key,
    institution_code       varchar(60)  not null,
    jurisdiction_code      varchar(20)  not null,
    name                   varchar(100) not null,
    sex                    varchar(6)   not null,
    birth_date             date         not null,
    birth_date_estimated   boolean      not null,   -- foundlings: age estimated by a doctor
    resident_id            varchar(18),
    category               varchar(40)  not null,   -- 机构养育, 社会散居孤儿, 事实无人抚养儿童 …
    admission_reason       varchar(40)  not null,   -- A foundling … E other (DB36/T 2141-2025)
    admission_date         date         not null,
    admission_record       text         not null,
    disability_type        varchar(40),
    disability_grade       int,
    disability_certificate varchar(60),
    health_notes           text,
    education_notes        text,
    guardian               varchar(200) not null,
    current_placement      varchar(30)  not null,
    discharged_on          date,
    discharge_reason       varchar(40),
    sealed                 boolean      not null default false,
    created_at             timestamptz  not null,
    version                bigint       not null
);
create index child_institution on child (institution_code);

-- Siblings are kept together where possible (family-style care, adoption matching).
create table child_sibling (
    child_id   uuid not null references child (id),
    sibling_id uuid not null references child (id),
    primary key (child_id, sibling_id),
    check (child_id <> sibling_id)
);

create table child_placement (
    id          uuid primary key,
    child_id    uuid         not null references child (id),
    kind        varchar(30)  not null,   -- INSTITUTION, KIN, FOSTER, FAMILY_STYLE, ADOPTION
    started_on  date         not null,
    ended_on    date,
    end_reason  varchar(200),
    household   varchar(200),
    reference   varchar(100)             -- e.g. the foster agreement or adoption registration
);
create index child_placement_child on child_placement (child_id);

-- Every change to a file, field by field; rows are only ever added.
create table child_change (
    id          bigserial primary key,
    child_id    uuid         not null references child (id),
    changed_at  timestamptz  not null,
    actor       varchar(200) not null,
    field       varchar(60)  not null,
    old_value   text,
    new_value   text
);
create index child_change_child on child_change (child_id);

create function child_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'child_change is append-only';
end;
$$;
create trigger child_change_append_only before update or delete on child_change
    for each row execute function child_change_is_append_only();


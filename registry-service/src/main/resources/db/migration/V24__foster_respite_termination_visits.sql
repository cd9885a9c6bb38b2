-- 短期托养 (家庭寄养管理办法 art. 20): the child returns to the institution for at most 30 days, asked
-- for by the family on the portal or decided by the institution. One open respite per placement at a
-- time: the unique index makes a repeated request fail instead of creating a second one.
create table foster_respite (
    id                  uuid primary key,
    placement_id        uuid         not null references foster_placement (id),
    requested_by_family boolean      not null,
    requested_by        varchar(200) not null,
    requested_at        timestamptz  not null,
    starts_on           date         not null,
    ends_on             date         not null,   -- the day the child is due back with the family
    reason              text         not null,
    status              varchar(20)  not null,   -- REQUESTED, DECLINED, ACTIVE, ENDED
    decision_note       text,
    returned_on         date,
    return_notes        text
);
create index foster_respite_placement on foster_respite (placement_id, requested_at);
create unique index foster_respite_one_open on foster_respite (placement_id) where status in ('REQUESTED', 'ACTIVE');

-- 解除寄养关系 (arts. 18–19): the reason and its article, the family's written request if it asked,
-- and the filing with the county's civil-affairs department.
alter table foster_placement
    add column termination_reason       varchar(40),
    add column termination_details      text,
    add column termination_requested_by varchar(200),
    add column termination_requested_at timestamptz,
    add column termination_request_text text,
    add column termination_filed_on     date,
    add column termination_filed_with   varchar(200),
    add column termination_filed_by     varchar(200);

-- 探访记录 (arts. 16–17): one record per completed home-visit task, so a repeated completion cannot
-- record the same visit twice.
create table foster_visit (
    id            uuid primary key,
    placement_id  uuid         not null references foster_placement (id),
    task_id       varchar(64)  not null unique,
    visited_on    date         not null,
    visitor       varchar(200) not null,
    health        text,
    schooling     text,
    wellbeing     text,
    findings      text,
    recorded_at   timestamptz  not null
);
create index foster_visit_placement on foster_visit (placement_id, visited_on);

-- 家庭寄养管理办法 art. 23: the foster family is told when the institution places its foster child for
-- adoption, and its own application to adopt the child comes first.
alter table foster_placement add column adoption_notified_at timestamptz;
alter table application add column priority varchar(200);

-- Siblings are placed with the same family unless the caseworker records why not.
alter table foster_placement add column siblings_apart_reason text;

-- A visit's photos are documents on the child's file (one child, one file), linked to the visit. The
-- reference is checked at commit: the document is written by JPA, which flushes only then.
create table foster_visit_photo (
    visit_id     uuid not null references foster_visit (id),
    document_id  uuid not null unique references child_document (id) deferrable initially deferred,
    primary key (visit_id, document_id)
);

-- 寻根回访: adoptees who come back to the institution are received and the visit is recorded on
-- the child's file (seed 003 三(五)). Visits are only ever added.
create table root_seeking_visit (
    id           uuid primary key,
    child_id     uuid         not null references child (id),
    visited_on   date         not null,
    visitor      varchar(200) not null,
    companions   varchar(500),
    notes        text         not null,
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz  not null
);
create index root_seeking_visit_child on root_seeking_visit (child_id);

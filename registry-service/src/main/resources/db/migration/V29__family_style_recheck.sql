-- 续签复查 (issue 11, renewal with re-checks): before a family-style contract is renewed, both
-- spouses' criminal records (未成年人保护法 art. 98) and health are checked again. One row per
-- completed re-check task, for the term it was made in (term_until): a renewal starts a new term, which
-- needs a re-check of its own. Rows are never changed; the latest of a term counts.
create table family_style_recheck (
    id                uuid primary key,
    contract_id       uuid         not null references family_style_contract (id),
    term_until        date         not null,
    task_id           varchar(64)  not null unique,   -- a repeated completion never records twice
    applicant_record  varchar(10)  not null check (applicant_record in ('clear', 'found')),
    spouse_record     varchar(10)  not null check (spouse_record in ('clear', 'found')),
    applicant_health  varchar(10)  not null check (applicant_health in ('fit', 'unfit')),
    spouse_health     varchar(10)  not null check (spouse_health in ('fit', 'unfit')),
    checked_on        date         not null,
    passed            boolean      not null,
    notes             text,
    recorded_by       varchar(200) not null,
    recorded_by_name  varchar(200),
    recorded_at       timestamptz  not null
);
create index family_style_recheck_term on family_style_recheck (contract_id, term_until, recorded_at desc);

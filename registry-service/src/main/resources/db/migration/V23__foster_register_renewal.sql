-- 寄养家庭名册的年度续期与复查 (家庭寄养管理办法 民政部令第54号; 未成年人保护法 art. 98; seed 004 从业查询):
-- an entry is renewed each year after every adult of the household has been re-checked (criminal
-- record, health certificate) and the director approved; otherwise it FAILS (director's refusal) or
-- EXPIRES (no approval by its last day). A director may suspend it at any time. An entry that is not
-- ACTIVE, or suspended, takes no new child (fostering/RegisterRenewals).
alter table foster_register_entry add column status varchar(20) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'FAILED', 'EXPIRED'));
-- the renewal under way: opened on (null: none open) and its stage, RECHECK then APPROVAL
alter table foster_register_entry add column renewal_opened_on date;
alter table foster_register_entry add column renewal_stage varchar(20) check (renewal_stage in ('RECHECK', 'APPROVAL'));
alter table foster_register_entry add column renewal_reminded_on date;
-- a director's suspension: the entry takes no new child until lifted (who and why kept for the audit)
alter table foster_register_entry add column suspended_at timestamptz;
alter table foster_register_entry add column suspended_by varchar(200);
alter table foster_register_entry add column suspension_reason text;

-- One check of one adult of the household, kept for life, never changed: the latest of a kind counts.
-- The person is named by resident ID, since a household's members are re-declared with each application.
create table foster_member_check (
    id                 uuid primary key,
    entry_id           uuid         not null references foster_register_entry (id),
    resident_id        varchar(18)  not null,
    member_name        varchar(100) not null,
    kind               varchar(20)  not null check (kind in ('CRIMINAL_RECORD', 'HEALTH')),
    result             varchar(10)  not null check (result in ('PASSED', 'FAILED')),
    checked_on         date         not null,   -- the query's answer or the certificate's date
    note               text,
    checked_by         varchar(200) not null,   -- login, for the audit trail only
    checked_by_name    varchar(200),
    checked_by_role    varchar(30),
    checked_by_unit    varchar(100),
    recorded_at        timestamptz  not null
);
create index foster_member_check_entry on foster_member_check (entry_id, resident_id, kind, checked_on, recorded_at);

-- Entries made before this migration: the home assessment's background check (寄养办法 art. 12(2))
-- becomes their adults' first criminal-record check, as FosterRegister records it for new entries
-- (adults: 18 or over on the approval day, 民法典 art. 17; anjia.foster.renewal.adult-age is not read here).
-- Their renewal process is not started by this migration.
insert into foster_member_check (id, entry_id, resident_id, member_name, kind, result, checked_on, note, checked_by,
                                 recorded_at)
select gen_random_uuid(), e.id, m.resident_id, m.name, 'CRIMINAL_RECORD', 'PASSED', e.approved_on,
       '资格评估（申请' || a.number || '）入户评估中的背景调查（《家庭寄养管理办法》第十二条第（二）项）', 'engine', now()
from foster_register_entry e
join application a on a.id = e.application_id
join household_member m on m.family_id = e.family_id
where m.birth_date <= e.approved_on - interval '18 years';

-- 机构内家庭式养育 (in-institution family-style care, issue 11), the couple's side: the institution's
-- call for couples, the couple's declaration on a FAMILY_STYLE application, and the contract with the
-- institution. Sources: Jilin plan box 4.2, Hubei plan III(1); local practice (Xining), spec/domain.md.
-- Residence units, assignments and reviews are another migration's (V25).

-- 招募公告: an institution's call; couples apply to an open one.
create table family_style_call (
    id               uuid primary key,
    institution_code varchar(60)  not null,
    title            varchar(200) not null,
    description      text,
    opens_on         date         not null,
    closes_on        date         not null,
    places           integer      not null check (places > 0),
    created_by       varchar(200) not null,
    created_at       timestamptz  not null,
    check (closes_on >= opens_on)
);
create index family_style_call_open on family_style_call (institution_code, closes_on);

-- What a couple declares with its application (the household itself is the family's record):
-- when the marriage was registered and which partner cares full time (local practice, Xining).
create table couple_declaration (
    application_id           uuid primary key references application (id),
    call_id                  uuid         not null references family_style_call (id),
    marriage_registered_on   date         not null,
    full_time_partner_id     varchar(18)  not null,   -- the partner's resident ID number
    spouse_resident_id       varchar(18)  not null
);

-- 家庭式养育合同: term, unit, duties; signed by both spouses on the portal and by the director.
-- unit_id names a residence unit of the units module without a foreign key (built separately).
create table family_style_contract (
    id                  uuid primary key,
    application_id      uuid         not null unique references application (id),
    family_id           uuid         not null,
    institution_code    varchar(60)  not null,
    unit_id             uuid,
    unit_name           varchar(200),
    term_from           date         not null,
    term_until          date         not null,
    duties              text         not null,
    applicant_signed_by varchar(200),
    applicant_signed_at timestamptz,
    spouse_signed_by    varchar(200),
    spouse_signed_at    timestamptz,
    director_signed_by  varchar(200),
    director_signed_at  timestamptz,
    status              varchar(20)  not null,   -- AWAITING_SIGNATURES, ACTIVE, ENDED
    renewals            integer      not null default 0,
    first_reminder_at   timestamptz,              -- the reminders before the end (anjia.family-style.couples.contract-reminders)
    second_reminder_at  timestamptz,
    created_at          timestamptz  not null,
    check (term_until >= term_from)
);
create index family_style_contract_family on family_style_contract (family_id);

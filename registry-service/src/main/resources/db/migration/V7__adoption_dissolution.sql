-- 解除收养关系 (民法典 arts. 1114–1117; 登记办法 arts. 10–11): the parties' request, then the
-- registrar's registration (with the number of the 解除收养关系证明) or refusal.
create sequence adoption_dissolution_seq;

create table adoption_dissolution (
    id                  uuid primary key,
    application_id      uuid         not null references adoption_registration (application_id),
    requested_by        varchar(200) not null,
    requested_at        timestamptz  not null,
    agreement_signed_on date         not null,
    -- AGREEMENT_MINOR (art. 1114) or AGREEMENT_ADULT (art. 1115), from the adoptee's age at the request
    basis               varchar(20)  not null,
    child_consents      boolean,
    reason              text         not null,
    outcome             varchar(20)  not null default 'REQUESTED' check (outcome in ('REQUESTED', 'REGISTERED', 'REFUSED')),
    certificate_number  varchar(40) unique,
    decided_on          date,
    decision_note       text
);
-- one open request per adoption: the process's message start allows one instance per correlation key too
create unique index adoption_dissolution_open on adoption_dissolution (application_id) where outcome = 'REQUESTED';

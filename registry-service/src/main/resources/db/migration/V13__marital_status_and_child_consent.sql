-- Adoption applications state the applicant's marital status (民法典 art. 1101: a married person
-- adopts only jointly with the spouse). The child's consent (art. 1104) is no longer declared by
-- the applicants: an official hears the child and records it (child_consent).
alter table adoption_declaration add column marital_status varchar(20);
update adoption_declaration d set marital_status =
    case when exists (select 1 from application a join household_member m on m.family_id = a.family_id
                      where a.id = d.application_id and m.role = 'SPOUSE') then 'MARRIED' else 'UNMARRIED' end;
alter table adoption_declaration alter column marital_status set not null;
alter table adoption_declaration drop column child_consents;

-- 听取被收养人意见: who heard the child of 8 or more, when, and what the child said. Append-only:
-- the latest hearing counts, earlier ones stay as they were recorded.
create table child_consent (
    id              uuid primary key,
    application_id  uuid         not null references application (id),
    heard_on        date         not null,
    heard_by        varchar(200) not null,   -- the official's user name
    heard_by_name   varchar(200) not null,   -- and name, as the record shows it
    heard_by_role   varchar(30)  not null,   -- REGISTRAR or ASSESSOR
    consents        boolean      not null,
    child_words     text         not null,
    recorded_at     timestamptz  not null
);
create index child_consent_application on child_consent (application_id, recorded_at);

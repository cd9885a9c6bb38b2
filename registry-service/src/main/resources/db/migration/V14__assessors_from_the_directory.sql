-- Assessors are people Keycloak knows (identity/StaffDirectory): the assignment keeps the name
-- people read besides the user name, and an adoption's assessors are those named with the
-- applicants' consent to the assessment (收养评估办法 arts. 5, 9).
alter table case_assignment add column assessor_name varchar(200);
update case_assignment set assessor_name = assessor;
alter table case_assignment alter column assessor_name set not null;

create table consented_assessor (
    application_id uuid         not null references application (id),
    assessor       varchar(200) not null,   -- the user name
    assessor_name  varchar(200) not null,
    primary key (application_id, assessor)
);

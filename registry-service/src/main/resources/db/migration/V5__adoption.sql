-- Adoption (收养): the child an application concerns, confidentiality (民法典 art. 1110), the
-- spouse's confirmation (art. 1101), and the registration with its certificate (收养登记证).
alter table application add column child_id uuid references child (id);
alter table application add column confidential boolean not null default false;
alter table application add column spouse_confirmed_by varchar(200);

create sequence adoption_certificate_seq;

create table adoption_registration (
    application_id     uuid primary key references application (id),
    child_id           uuid         not null references child (id),
    certificate_number varchar(40)  not null unique,
    registered_on      date         not null,
    certificate_id     uuid         not null references document (id)
);

-- What the applicants declared, kept until the process starts (after the spouse's confirmation).
create table adoption_declaration (
    application_id        uuid primary key references application (id),
    can_raise_and_protect boolean not null,
    child_consents        boolean
);

-- Who uploaded a document is shown to people by name, role and unit (identity/Actor), never by login;
-- the login stays in uploaded_by for the audit trail. Earlier uploads: a family's by its role only
-- (the name was not kept), staff's as a person whose name is unknown.
alter table document add column uploaded_by_name varchar(200);
alter table document add column uploaded_by_role varchar(30);
alter table document add column uploaded_by_unit varchar(100);
update document set uploaded_by_role = 'FAMILY' where uploaded_by is not null and not uploaded_by_staff;

alter table child_document add column uploaded_by_name varchar(200);
alter table child_document add column uploaded_by_role varchar(30);
alter table child_document add column uploaded_by_unit varchar(100);

-- Who uploaded an application's document, and whether staff did it on the family's behalf (a
-- document check accepts a file from either; 材料审核 must show whose it is). Earlier rows and the
-- certificates the registration issues have no uploader.
alter table document add column uploaded_by varchar(200);
alter table document add column uploaded_by_staff boolean not null default false;

-- Who recorded a root-seeking visit (寻根回访) is shown by name, role and unit (identity/Actor), like
-- an upload's uploader (V22), never by login; the login stays in recorded_by for the audit trail.
-- Visits recorded before: shown as a person whose name was not kept.
alter table root_seeking_visit add column recorded_by_name varchar(200);
alter table root_seeking_visit add column recorded_by_role varchar(30);
alter table root_seeking_visit add column recorded_by_unit varchar(100);

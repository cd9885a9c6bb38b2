-- A root-seeking visit (寻根回访) sent again with the same Idempotency-Key (a double tap, a retry after a
-- timeout) is recorded once: the key is kept with the visit, unique per recorder. Visits sent without a
-- key (and those recorded before) have none; PostgreSQL's unique index does not compare nulls.
alter table root_seeking_visit add column request_key varchar(100);
create unique index root_seeking_visit_request_key on root_seeking_visit (recorded_by, request_key);

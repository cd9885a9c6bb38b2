-- The audit log becomes several hash chains ("lanes"), each under its own advisory lock, so audited
-- requests no longer all commit one after another (AuditLog). Entries written before this migration
-- are lane 0: their hashes and links are unchanged, so an existing log still verifies.
-- A plain "add column ... default" stores the default in the catalogue and rewrites no row, so the
-- append-only trigger does not fire.
alter table audit_entry add column lane smallint not null default 0 check (lane >= 0);
-- each lane's head (the previous hash of its next entry) and its verification in order
create index audit_entry_lane on audit_entry (lane, id);

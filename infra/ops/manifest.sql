-- What a backup must bring back, one line each, sorted so two databases compare with diff:
--   count <table> <rows>                       every table of the public schema (registry and engine)
--   document <table> <id> <recorded sha256> <sha256 of the stored bytes>
--                                              every stored document (tables with sha256 and content)
--   audit_head <lane> <id> <hash>              the last entry of each lane of the audit log (each lane is
--                                              a hash chain: its head anchors the whole lane)
--   schema_version <flyway version>
-- Run by infra/ops/backup inside the dump's snapshot and by infra/ops/verify-restore on the restored
-- database (psql -At -F ' ').
select 'count', table_name,
       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', table_name),
                                            false, true, '')))[1]::text
  from information_schema.tables
 where table_schema = 'public' and table_type = 'BASE TABLE'
 order by table_name;
select format('select %L, %L, id, sha256, encode(sha256(content), ''hex'') from public.%I order by id',
              'document', table_name, table_name)
  from information_schema.columns
 where table_schema = 'public' and column_name in ('sha256', 'content')
 group by table_name
having count(*) = 2
 order by table_name
\gexec
select distinct on (lane) 'audit_head', lane, id, hash from audit_entry order by lane, id desc;
select 'schema_version', version from flyway_schema_history
 where success and version is not null order by installed_rank desc limit 1;

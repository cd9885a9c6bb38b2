-- The case (application or child) a process instance belongs to is its business key, read as a uuid
-- (Worklist.CASE_ID: the same expression, or PostgreSQL will not use this index). With it the
-- worklist can go from a user's cases to their tasks, e.g. an assessor's few assigned applications,
-- instead of reading every process instance (infra/bench/REPORT.md).
create index anjia_idx_execution_case_id on act_ru_execution
  ((cast(case when business_key_ ~ '^[0-9a-f-]{36}$' then business_key_ end as uuid)));

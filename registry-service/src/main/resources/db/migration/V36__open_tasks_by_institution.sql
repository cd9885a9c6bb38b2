-- Every open engine task with the institution and jurisdiction of its case (application, child's file or
-- residence unit) and its due date, indexed together. A worklist page walks its reader's institution or
-- jurisdiction in due-date order instead of every task of the province: the engine's due-date index made a
-- small institution's page walk past the other institutions' tasks, more of them as its own got done
-- (infra/bench/REPORT.md, the soak). Worklist and TaskScope read it; the scope's rules still decide.
--
-- Kept by triggers, in the transaction that changes the engine's task: every path that creates, re-dates or
-- ends a task (the service, the engine's timers and cancellations, the operator console) is covered, and the
-- engine's tables are only read. A case's institution and jurisdiction never change once written.
create table open_task (
    task_id           varchar(64) primary key references act_ru_task (id_) on delete cascade,
    -- the process instance's business key: every process of a case carries the case's id
    case_id           uuid,
    institution_code  varchar(60),
    jurisdiction_code varchar(20),
    due_date          timestamp,
    created_at        timestamp   not null
);
-- No index of the due date alone: readers of every institution (auditors) walk the engine's own, and with one
-- here PostgreSQL walked it with the institution as a filter instead of the index below (3,000-task bench).
create index open_task_institution_due on open_task (institution_code, due_date, task_id);
create index open_task_jurisdiction_due on open_task (jurisdiction_code, due_date, task_id);
create index open_task_case on open_task (case_id);

-- The case's codes as the row is written. The engine writes its task at the end of its command, which may be
-- before the case's own row reaches the database in the same transaction (JPA writes at commit): then the codes
-- are null here and the case's insert fills them in (open_task_of_new_case).
create function open_task_created() returns trigger language plpgsql as $$
begin
  insert into open_task (task_id, case_id, institution_code, jurisdiction_code, due_date, created_at)
  select new.id_, k.case_id,
         coalesce(a.institution_code, c.institution_code, u.institution_code),
         coalesce(a.jurisdiction_code, c.jurisdiction_code),
         new.due_date_, new.create_time_
  from (select cast(case when pi.business_key_ ~ '^[0-9a-f-]{36}$' then pi.business_key_ end as uuid) as case_id
        from act_ru_execution pi where pi.id_ = new.proc_inst_id_) k
  left join application a on a.id = k.case_id
  left join child c on c.id = k.case_id
  left join residence_unit u on u.id = k.case_id;
  return null;
end $$;

create trigger open_task_created after insert on act_ru_task
  for each row execute function open_task_created();

-- a due date moved through the engine's API (e.g. in the operator console)
create function open_task_redated() returns trigger language plpgsql as $$
begin
  update open_task set due_date = new.due_date_ where task_id = new.id_;
  return null;
end $$;

create trigger open_task_redated after update of due_date_ on act_ru_task
  for each row when (old.due_date_ is distinct from new.due_date_) execute function open_task_redated();

-- A residence unit has no jurisdiction of its own: read as JSON, the missing column is null.
create function open_task_of_new_case() returns trigger language plpgsql as $$
begin
  update open_task
     set institution_code = new.institution_code, jurisdiction_code = to_jsonb(new) ->> 'jurisdiction_code'
   where case_id = new.id;
  return null;
end $$;

create trigger open_task_of_new_case after insert on application
  for each row execute function open_task_of_new_case();
create trigger open_task_of_new_case after insert on child
  for each row execute function open_task_of_new_case();
create trigger open_task_of_new_case after insert on residence_unit
  for each row execute function open_task_of_new_case();

-- the tasks open now
insert into open_task (task_id, case_id, institution_code, jurisdiction_code, due_date, created_at)
select t.id_, k.case_id,
       coalesce(a.institution_code, c.institution_code, u.institution_code),
       coalesce(a.jurisdiction_code, c.jurisdiction_code),
       t.due_date_, t.create_time_
from act_ru_task t
join lateral (select cast(case when pi.business_key_ ~ '^[0-9a-f-]{36}$' then pi.business_key_ end as uuid) as case_id
              from act_ru_execution pi where pi.id_ = t.proc_inst_id_) k on true
left join application a on a.id = k.case_id
left join child c on c.id = k.case_id
left join residence_unit u on u.id = k.case_id;

-- An assessor's own cases now lead to their tasks through open_task_case (TaskScope): V11's index of the business
-- key read as a case id has no reader left, and every process instance's write kept it.
drop index anjia_idx_execution_case_id;

-- Completing a task makes the engine look for its subtasks (select * from ACT_RU_TASK where
-- PARENT_TASK_ID_ = ?), and its create script indexes no such column: at 100,000 open tasks that
-- sequential scan took 195 ms of every completion, for the raw engine and for the service alike
-- (infra/bench/REPORT.md). Flyway owns the engine's schema (V9), so the index is added here. Only
-- subtasks have a parent: the index holds those alone, and `= ?` implies `is not null`, so it serves.
create index anjia_idx_task_parent on act_ru_task (parent_task_id_) where parent_task_id_ is not null;

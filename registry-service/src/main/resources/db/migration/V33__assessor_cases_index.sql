-- An assessor's worklist starts from the cases assigned to them (TaskScope): without this index every
-- worklist read of an assessor scanned all assignments ever made, which grow with every assessed case.
create index anjia_idx_case_assignment_assessor on case_assignment (assessor, application_id);

-- 家庭寄养管理办法 art. 7: a child who needs long-term professional care (需要长期依靠专业机构照料) stays in the
-- institution's care and is not placed with a foster family; the caseworker marks it on the file.
alter table child add column needs_professional_care boolean not null default false;

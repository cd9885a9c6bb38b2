-- 送养: where a child stands on the way to adoption (登记办法 arts. 7-8).
alter table child add column adoption_status varchar(30) not null default 'NOT_PLACED';
alter table child add column adoption_status_note text;

-- Documents on a child's file (一人一档): admission record, police report of the found child, proof
-- of the parents' death, disability certificate, medical reports, photos, court judgments. The
-- originals of 登记办法 art. 7 travel with the file; like its history, they are only ever added.
create table child_document (
    id           uuid primary key,
    child_id     uuid         not null references child (id),
    type         varchar(40)  not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(200) not null,
    uploaded_at  timestamptz  not null
);
create index child_document_child on child_document (child_id, uploaded_at);

create function child_document_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'child_document is append-only';
end;
$$;
create trigger child_document_append_only before update or delete on child_document
    for each row execute function child_document_is_append_only();

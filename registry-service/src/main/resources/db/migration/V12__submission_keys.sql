-- One submission is one application: the key the page sends with a submission (Idempotency-Key),
-- per account. A repeat with the same key gets the application the first one made.
create table submission_key (
  subject        varchar(255) not null,
  key            varchar(100) not null,
  application_id uuid references application (id),
  submitted_at   timestamp with time zone not null,
  primary key (subject, key)
);

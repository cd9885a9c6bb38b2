-- Verifiable certificates: the 收养登记证 and the 解除收养关系证明 carry a QR code with their number and
-- a random verification code (核验码) that a public page checks. Certificate numbers are sequential, so
-- the number alone must not be enough. Certificates issued before this migration have no code (their
-- PDFs carry no QR code) and do not verify.
alter table adoption_registration add column verification_code varchar(32);
alter table adoption_dissolution add column verification_code varchar(32);

-- Attempts per client address and window, shared by every replica (a limit kept in one JVM's memory
-- would multiply with the replicas). One row per address and purpose; the window starts with the
-- address's first attempt after the previous window ended.
create table request_attempt (
    purpose        varchar(40)  not null,
    client_address varchar(64)  not null,
    window_start   timestamptz  not null,
    attempts       integer      not null,
    primary key (purpose, client_address)
);
-- finished windows are deleted by age
create index request_attempt_window on request_attempt (window_start);

-- Every backup taken (nightly job, administrator's button), kept in the database so that every instance shows
-- the same history and the home page can warn when the last good backup is too old.
create table backup_run (
    id          bigserial primary key,
    started_at  timestamptz  not null default now(),
    finished_at timestamptz,
    status      varchar(10)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    trigger     varchar(10)  not null check (trigger in ('SCHEDULE', 'MANUAL')),
    requested_by varchar(64),
    node        varchar(200),
    file_name   varchar(200),
    directory   varchar(1000),
    size_bytes  bigint,
    row_count   bigint,
    millis      bigint,
    message     varchar(2000)
);
create index backup_run_started_idx on backup_run (started_at desc);

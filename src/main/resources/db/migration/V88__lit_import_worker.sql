-- Which running instance (JVM) owns an import job, and when each instance was last alive: a job whose instance
-- stopped (killed, crashed, restarted) is marked failed instead of showing "RUNNING" forever. The import itself is
-- one transaction, so nothing of it reached the register.
alter table lit_import add column instance_id varchar(40);
create table lit_import_worker (
    instance_id  varchar(40) primary key,
    heartbeat_at timestamptz not null default now()
);

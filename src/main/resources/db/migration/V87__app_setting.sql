-- Properties of the database itself, decided once and shared by every instance. demo_mode: whether this database
-- is a demonstration database (demo accounts); decided by the first instance that starts on it, never by a later
-- instance's own configuration, so a node started without the demo flag cannot delete every node's demo accounts.
create table app_setting (
    key    varchar(100)  primary key,
    value  varchar(1000) not null,
    set_at timestamptz   not null default now()
);
-- an existing database that already has demo accounts is a demo database
insert into app_setting (key, value) select 'demo_mode', 'true' where exists (select 1 from app_user where demo);

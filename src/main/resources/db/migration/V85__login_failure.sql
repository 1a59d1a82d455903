-- Failed logins counted per (user name, client address) and per client address, for known and unknown names
-- alike: a wrong guess from one address locks that name for that address only, so nobody can keep another
-- person's account locked, and a locked name looks the same whether it exists or not.
create table login_failure (
    key          varchar(400) primary key,
    failures     integer      not null,
    locked_until timestamptz,
    updated_at   timestamptz  not null default now()
);
create index login_failure_updated_idx on login_failure (updated_at);

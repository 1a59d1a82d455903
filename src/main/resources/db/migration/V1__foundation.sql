-- XHHT foundation: administrative units over time, accounts, audit trail, sessions, job locks.
-- Every business table knows its province (directly or through org_unit.province_id) so that
-- national use can later be distributed by province.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); naming the dictionary lets us declare an
-- IMMUTABLE wrapper usable in generated columns and indexes.
create function xhht_search_key(txt text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, normalize(txt, NFC))) $$;

-- Administrative unit (đơn vị hành chính) and the hamlets / residential groups below communes.
-- level: 0 nation, 1 province, 2 district (abolished 1/7/2025), 3 commune, 4 hamlet / residential group.
-- Codes are reused across structures (00004 = Phường Trúc Bạch until 30/6/2025, Phường Ba Đình after),
-- so the identity is the surrogate id; (code, level, valid_from) is unique.
create table org_unit (
    id                   bigserial primary key,
    code                 varchar(32)  not null,
    name                 varchar(200) not null,
    type                 varchar(60)  not null,
    level                smallint     not null check (level between 0 and 4),
    parent_id            bigint references org_unit (id),
    province_id          bigint references org_unit (id),
    path                 varchar(200) not null default '',
    valid_from           date,
    valid_to             date,
    border_commune       boolean      not null default false,
    zone                 varchar(20) check (zone in ('HIGHLAND', 'MOUNTAIN', 'LOWLAND', 'ISLAND')),
    especially_difficult boolean      not null default false,
    ethnic_minority_area boolean      not null default false,
    source               varchar(40)  not null,
    search_name          text generated always as (xhht_search_key(name)) stored,
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    constraint org_unit_period check (valid_to is null or valid_from is null or valid_to >= valid_from),
    constraint org_unit_parent check ((level = 0) = (parent_id is null))
);
create unique index org_unit_code_key on org_unit (code, level, coalesce(valid_from, '-infinity'::date));
create index org_unit_parent_idx on org_unit (parent_id);
create index org_unit_province_idx on org_unit (province_id);
create index org_unit_path_idx on org_unit (path text_pattern_ops);
create index org_unit_level_period_idx on org_unit (level, valid_from, valid_to);
create index org_unit_search_idx on org_unit using gin (search_name gin_trgm_ops);
-- two open hamlets of one commune may not share a name (case-insensitive; diacritics matter: Bản Na ≠ Bản Nà)
create unique index org_unit_hamlet_name_key on org_unit (parent_id, lower(name)) where level = 4 and valid_to is null;

-- Successor links of the 2025 reform: which old unit went into which new one.
create table org_unit_succession (
    predecessor_id bigint      not null references org_unit (id),
    successor_id   bigint      not null references org_unit (id),
    coverage       varchar(10) not null check (coverage in ('FULL', 'PARTIAL')),
    effective_on   date        not null,
    primary key (predecessor_id, successor_id)
);
create index org_unit_succession_successor_idx on org_unit_succession (successor_id);

insert into org_unit (code, name, type, level, parent_id, province_id, path, source)
values ('VN', 'Việt Nam', 'Quốc gia', 0, null, null, '', 'SYSTEM');
update org_unit set path = '/' || id || '/' where code = 'VN' and level = 0;

-- Accounts. The province of a user is that of its unit.
create table app_user (
    id                   bigserial primary key,
    username             varchar(64)  not null unique check (username = lower(username)),
    full_name            varchar(200) not null,
    email                varchar(200),
    password_hash        varchar(255) not null,
    role                 varchar(40)  not null,
    unit_id              bigint       not null references org_unit (id),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    demo                 boolean      not null default false,
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index app_user_unit_idx on app_user (unit_id);

-- Audit trail: append-only record of changes to business data and of reads/exports of personal data.
create table audit_event (
    id           bigserial primary key,
    occurred_at  timestamptz not null default now(),
    actor        varchar(64),
    actor_id     bigint,
    action       varchar(20) not null,
    entity_type  varchar(60) not null,
    entity_id    varchar(64),
    unit_id      bigint,
    province_id  bigint,
    summary      text,
    before_data  jsonb,
    after_data   jsonb,
    remote_addr  varchar(64)
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_actor_idx on audit_event (actor);

create function audit_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_immutable();

-- Spring Session JDBC (sessions in the database: instances are stateless).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);
create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- ShedLock: a scheduled job runs on one instance at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

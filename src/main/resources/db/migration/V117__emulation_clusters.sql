-- Emulation (R27, seed 004): an association's emulation plan of contents and criteria (the City association's plan of
-- 5 contents and 10 criteria), the clusters of units that compete under it (a district association and its 3 ward
-- clusters), the clusters' quarterly briefings, and each member's points per criterion, from which the cluster's
-- results are ranked.
create table emulation_plan (
    id            bigserial primary key,
    owner_unit_id bigint       not null references org_unit (id),
    province_id   bigint       not null references org_unit (id),
    plan_year     integer      not null,
    title         varchar(300) not null,
    issuer        varchar(300) not null,
    created_by    varchar(64),
    created_at    timestamptz  not null default now()
);
create index emulation_plan_owner_idx on emulation_plan (owner_unit_id, plan_year);

create table emulation_plan_item (
    id              bigserial primary key,
    plan_id         bigint        not null references emulation_plan (id),
    content_no      integer       not null,
    content_title   varchar(300)  not null,
    criterion_no    integer       not null,
    criterion_title varchar(300)  not null,
    max_points      numeric(6, 2) not null check (max_points > 0),
    unique (plan_id, criterion_no)
);

create table emulation_cluster (
    id            bigserial primary key,
    plan_id       bigint       not null references emulation_plan (id),
    name          varchar(200) not null,
    created_by    varchar(64),
    created_at    timestamptz  not null default now(),
    unique (plan_id, name)
);

create table emulation_cluster_member (
    cluster_id bigint not null references emulation_cluster (id),
    unit_id    bigint not null references org_unit (id),
    primary key (cluster_id, unit_id)
);

create table emulation_briefing (
    id         bigserial primary key,
    cluster_id bigint      not null references emulation_cluster (id),
    quarter    integer     not null check (quarter between 1 and 4),
    held_on    date        not null,
    note       text,
    created_by varchar(64),
    created_at timestamptz not null default now()
);
create index emulation_briefing_idx on emulation_briefing (cluster_id, quarter);

create table emulation_score (
    cluster_id bigint        not null references emulation_cluster (id),
    unit_id    bigint        not null references org_unit (id),
    item_id    bigint        not null references emulation_plan_item (id),
    points     numeric(6, 2) not null check (points >= 0),
    primary key (cluster_id, unit_id, item_id)
);

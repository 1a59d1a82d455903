-- Public portal (issue 16): what a resident needs to find and join a centre, and what offices publish.

-- centre: opening hours as the centre writes them ("Thứ Hai – Thứ Sáu, 7 giờ 30 – 17 giờ"), shown on its public page
alter table centre add column opening_hours varchar(300);
-- club: how a resident joins, in the club's own words; shown on the centre's public page
alter table club add column how_to_join varchar(500);

-- publishing: news, stories of exemplary people and models, corrections of violations, written by an office
-- for its own area; draft → approved (review workflow) → published; withdrawn with a reason; every version kept.
create table pub_item (
    id               bigserial primary key,
    unit_id          bigint        not null references org_unit (id),
    province_id      bigint        not null references org_unit (id),
    kind             varchar(12)   not null check (kind in ('NEWS', 'STORY', 'CORRECTION')),
    title            varchar(300)  not null,
    summary          varchar(1000),
    body             varchar(20000),
    subject_unit     varchar(300),
    subject_year     integer check (subject_year between 1945 and 2100),
    status           varchar(12)   not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    withdrawn_reason varchar(1000),
    published_at     timestamptz,
    withdrawn_at     timestamptz,
    version          integer       not null default 1,
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);
create index pub_item_public_idx on pub_item (status, published_at desc);
create index pub_item_unit_idx on pub_item (unit_id);

create table pub_item_version (
    id           bigserial primary key,
    item_id      bigint        not null references pub_item (id),
    version      integer       not null,
    title        varchar(300)  not null,
    summary      varchar(1000),
    body         varchar(20000),
    subject_unit varchar(300),
    subject_year integer,
    status       varchar(12)   not null,
    note         varchar(1000),
    changed_by   varchar(64)   not null,
    changed_at   timestamptz   not null default now(),
    unique (item_id, version)
);

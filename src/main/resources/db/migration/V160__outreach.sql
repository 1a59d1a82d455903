-- Office outreach (issue 16): communication plans (R40), border cooperation (R44), contingency scenarios (R45) and the
-- office's reading-culture plan (R46). Owned by the outreach module; centres, campaigns and activities are reached
-- through the centre module's API, so no foreign key names a centre table here.

-- Channels are a list kept as data: an office adds a channel without a release.
create table comm_channel (
    code       varchar(30)  primary key,
    name       varchar(200) not null,
    sort_order integer      not null default 0,
    active     boolean      not null default true
);
insert into comm_channel (code, name, sort_order) values
('LOUDSPEAKER', 'Loa truyền thanh xã', 10),
('RADIO', 'Đài phát thanh', 20),
('TV', 'Truyền hình', 30),
('NEWSPAPER', 'Báo in, báo điện tử', 40),
('WEBSITE', 'Trang thông tin điện tử', 50),
('SOCIAL', 'Trang mạng xã hội (Fanpage, Zalo)', 60),
('MEETING', 'Hội nghị, họp dân', 70);

create table comm_plan_item (
    id               bigserial primary key,
    unit_id          bigint        not null,
    plan_year        integer       not null check (plan_year between 2000 and 2100),
    channel_code     varchar(30)   not null references comm_channel (code),
    topic            varchar(500)  not null,
    planned_on       date          not null,
    responsible_unit varchar(300)  not null,
    campaign_id      bigint,
    -- null: not yet marked; true: done; false: not done (with the reason in outcome_note)
    done             boolean,
    marked_on        date,
    outcome_note     varchar(2000),
    created_by       varchar(64),
    version          bigint        not null default 0,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);
create index comm_plan_item_unit_year_idx on comm_plan_item (unit_id, plan_year);

-- Border-guard posts are organisations of a province; the border communes they cover are dated links, because
-- communes merge and posts change their area.
create table border_post (
    id          bigserial primary key,
    unit_id     bigint       not null,
    name        varchar(250) not null,
    address     varchar(500),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now()
);
create table border_post_commune (
    id         bigserial primary key,
    post_id    bigint not null references border_post (id),
    commune_id bigint not null,
    valid_from date   not null,
    valid_to   date,
    constraint border_post_commune_dates check (valid_to is null or valid_to >= valid_from)
);
create index border_post_commune_post_idx on border_post_commune (post_id);

create table coop_programme (
    id         bigserial primary key,
    unit_id    bigint        not null,
    number     varchar(80)   not null,
    title      varchar(500)  not null,
    parties    varchar(1000) not null,
    starts_on  date          not null,
    ends_on    date          not null,
    created_by varchar(64),
    version    bigint        not null default 0,
    created_at timestamptz   not null default now(),
    updated_at timestamptz   not null default now(),
    constraint coop_programme_dates check (ends_on >= starts_on)
);

-- Joint models with what they support; blank counts are "not reported", not zero.
create table coop_model (
    id          bigserial primary key,
    programme_id bigint       not null references coop_programme (id),
    kind        varchar(30)   not null check (kind in ('ADOPT_CHILD', 'SCHOOL_SUPPORT', 'OTHER')),
    name        varchar(300)  not null,
    post_id     bigint references border_post (id),
    commune_id  bigint,
    model_year  integer       not null check (model_year between 2000 and 2100),
    children    integer check (children >= 0),
    households  integer check (households >= 0),
    version     bigint        not null default 0
);

-- Schedule items coordinated by a post chosen from the organisations, never a typed name.
create table coop_schedule_item (
    id           bigserial primary key,
    programme_id bigint       not null references coop_programme (id),
    post_id      bigint       not null references border_post (id),
    held_on      date         not null,
    title        varchar(500) not null,
    commune_id   bigint,
    version      bigint       not null default 0
);

create table contingency_scenario (
    id          bigserial primary key,
    unit_id     bigint        not null,
    -- null: the office's own scenario; else the scenario of that centre (its commune is unit_id)
    centre_id   bigint,
    hazard      varchar(20)   not null check (hazard in ('FLOOD', 'STORM', 'LANDSLIDE', 'EPIDEMIC')),
    action      varchar(20)   not null check (action in ('POSTPONE', 'ONLINE', 'MOVE_VENUE')),
    alt_venue   varchar(300),
    decider     varchar(300)  not null,
    note        varchar(2000),
    created_by  varchar(64),
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    constraint contingency_scenario_venue check (action <> 'MOVE_VENUE' or alt_venue is not null)
);
create unique index contingency_scenario_one_per_hazard on contingency_scenario (unit_id, coalesce(centre_id, 0), hazard);

create table contingency_activation (
    id           bigserial primary key,
    scenario_id  bigint        not null references contingency_scenario (id),
    starts_on    date          not null,
    ends_on      date          not null,
    reason       varchar(1000) not null,
    affected     integer       not null default 0,
    activated_by varchar(64),
    created_at   timestamptz   not null default now(),
    constraint contingency_activation_dates check (ends_on >= starts_on)
);

create table reading_plan (
    id         bigserial primary key,
    unit_id    bigint        not null,
    plan_year  integer       not null check (plan_year between 2000 and 2100),
    content    varchar(8000) not null,
    created_by varchar(64),
    version    bigint        not null default 0,
    updated_at timestamptz   not null default now(),
    unique (unit_id, plan_year)
);

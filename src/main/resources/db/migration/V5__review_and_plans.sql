-- The review workflow shared by plans, reports and evaluations: draft → submitted → approved, or returned
-- with comments → submitted again. Every step is an event (who, when, comment); approval locks the subject.
create table review_state (
    subject_type    varchar(40) not null,
    subject_id      bigint      not null,
    owner_unit_id   bigint      not null references org_unit (id),
    reviewer_unit_id bigint     not null references org_unit (id),
    province_id     bigint      not null references org_unit (id),
    status          varchar(20) not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    due_date        date,
    submitted_at    timestamptz,
    decided_at      timestamptz,
    version         bigint      not null default 0,
    primary key (subject_type, subject_id)
);
create index review_state_reviewer_idx on review_state (reviewer_unit_id, status);

create table review_event (
    id           bigserial primary key,
    subject_type varchar(40) not null,
    subject_id   bigint      not null,
    action       varchar(20) not null check (action in ('CREATE', 'SUBMIT', 'RETURN', 'APPROVE', 'REOPEN')),
    actor        varchar(64) not null,
    comment      text,
    occurred_at  timestamptz not null default now()
);
create index review_event_subject_idx on review_event (subject_type, subject_id, id);

-- Plan years per province (school year Sept–Aug or calendar year) and submission deadlines: data, per year.
create table plan_setting (
    province_id bigint      primary key references org_unit (id),
    year_kind   varchar(10) not null check (year_kind in ('SCHOOL', 'CALENDAR'))
);
create table plan_deadline (
    id          bigserial primary key,
    province_id bigint references org_unit (id),   -- null: the national default
    plan_year   integer not null,
    due_date    date    not null,
    note        varchar(300)
);
create unique index plan_deadline_key on plan_deadline (coalesce(province_id, 0), plan_year);

-- A plan of a centre (or of an office: owner is then the office's unit) for one plan year.
create table plan (
    id            bigserial primary key,
    owner_unit_id bigint       not null references org_unit (id),
    centre_id     bigint references centre (id),
    province_id   bigint       not null references org_unit (id),
    plan_year     integer      not null,
    year_kind     varchar(10)  not null check (year_kind in ('SCHOOL', 'CALENDAR')),
    title         varchar(300) not null,
    direction     text,
    tasks         text,
    solutions     text,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    unique (owner_unit_id, plan_year)
);

-- Targets (chỉ tiêu): well-known codes and free targets.
create table plan_target (
    id       bigserial primary key,
    plan_id  bigint       not null references plan (id) on delete cascade,
    code     varchar(40),
    label    varchar(300) not null,
    unit     varchar(40),
    target   numeric(14, 2) not null check (target >= 0),
    sort     integer      not null default 0
);
create index plan_target_plan_idx on plan_target (plan_id);

-- Month-by-month schedule (seed 002 part IV): month · activity · lead unit · coordinating units · note.
create table plan_row (
    id           bigserial primary key,
    plan_id      bigint        not null references plan (id) on delete cascade,
    month        date          not null,   -- first day of the month
    activity     varchar(1000) not null,
    lead_unit    varchar(300),
    coordinating varchar(1000),
    note         varchar(1000),
    sort         integer       not null default 0
);
create index plan_row_plan_idx on plan_row (plan_id, month);

-- Seed 003 (TP.HCM, 2021): centre plans due before 23 January. National default for calendar-year plans.
insert into plan_deadline (province_id, plan_year, due_date, note) values
(null, 2026, '2026-01-23', 'Mặc định theo hướng dẫn mẫu (seed 003: trước ngày 23 tháng 01); Sở điều chỉnh theo năm'),
(null, 2027, '2027-01-23', 'Mặc định theo hướng dẫn mẫu (seed 003: trước ngày 23 tháng 01); Sở điều chỉnh theo năm');

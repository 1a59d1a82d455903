-- Evaluation and recognition (R23–R27). Criteria frameworks are versioned data: the YAML text of each version is
-- kept as written (shipped file or an administrator's edit) and parsed by the same validator; an evaluation points
-- at the version it was made with.
create table eval_framework_version (
    id             bigserial primary key,
    code           varchar(60)  not null,
    version        integer      not null,
    title          varchar(300) not null,
    subject_type   varchar(20)  not null,
    scoring        varchar(10)  not null,
    effective_from date,
    effective_to   date,
    complete       boolean      not null,
    source         varchar(10)  not null check (source in ('FILE', 'UI')),
    source_name    varchar(200),
    yaml           text         not null,
    note           varchar(500),
    created_by     varchar(64),
    created_at     timestamptz  not null default now(),
    unique (code, version)
);

-- Families, clans, agencies (learning units) and centres evaluated under an org unit (a family under its hamlet).
create table eval_subject (
    id           bigserial primary key,
    kind         varchar(20)  not null check (kind in ('FAMILY', 'CLAN', 'UNIT', 'CENTRE')),
    name         varchar(300) not null,
    head_name    varchar(200),
    member_count integer check (member_count is null or member_count >= 0),
    unit_id      bigint       not null references org_unit (id),
    province_id  bigint       not null references org_unit (id),
    created_by   varchar(64),
    created_at   timestamptz  not null default now(),
    version      bigint       not null default 0
);
create index eval_subject_unit_idx on eval_subject (unit_id, kind);

-- A campaign opened by an office: framework version, year, timetable (defaults from the framework, editable).
create table eval_campaign (
    id                   bigserial primary key,
    owner_unit_id        bigint       not null references org_unit (id),
    province_id          bigint       not null references org_unit (id),
    framework_version_id bigint       not null references eval_framework_version (id),
    eval_year            integer      not null,
    title                varchar(300) not null,
    self_from            date,
    self_to              date,
    dossier_due          date,
    decision_due         date,
    created_by           varchar(64),
    created_at           timestamptz  not null default now(),
    version              bigint       not null default 0
);
create table eval_campaign_unit (
    campaign_id bigint not null references eval_campaign (id),
    unit_id     bigint not null references org_unit (id),
    primary key (campaign_id, unit_id)
);

create table evaluation (
    id                   bigserial primary key,
    framework_version_id bigint       not null references eval_framework_version (id),
    campaign_id          bigint references eval_campaign (id),
    subject_unit_id      bigint references org_unit (id),
    subject_id           bigint references eval_subject (id),
    subject_name         varchar(300) not null,
    owner_unit_id        bigint       not null references org_unit (id),
    reviewer_unit_id     bigint       not null references org_unit (id),
    province_id          bigint       not null references org_unit (id),
    eval_year            integer      not null,
    stage                varchar(12)  not null check (stage in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'CHECKED',
                                                              'PROPOSED', 'DECIDED', 'PUBLISHED')),
    total                numeric(8, 2),
    level_code           varchar(30),
    recognised           boolean      not null default false,
    requested_level      varchar(30),
    checked_total        numeric(8, 2),
    checked_level        varchar(30),
    check_team           text,
    check_date           date,
    check_note           text,
    proposed_level       varchar(30),
    decision_number      varchar(60),
    decision_date        date,
    decision_signer      varchar(200),
    valid_from           date,
    valid_until          date,
    submitted_at         timestamptz,
    accepted_at          timestamptz,
    checked_at           timestamptz,
    decided_at           timestamptz,
    published_at         timestamptz,
    created_by           varchar(64),
    created_at           timestamptz  not null default now(),
    version              bigint       not null default 0,
    constraint evaluation_subject check ((subject_unit_id is null) <> (subject_id is null))
);
create unique index evaluation_subject_year on evaluation (framework_version_id, coalesce(subject_unit_id, 0), coalesce(subject_id, 0), eval_year);
create index evaluation_owner_idx on evaluation (owner_unit_id, stage);
create index evaluation_reviewer_idx on evaluation (reviewer_unit_id, stage);
create index evaluation_campaign_idx on evaluation (campaign_id);

-- One line per item of the framework version: the self-assessment and, beside it, the check team's finding.
create table evaluation_score (
    id            bigserial primary key,
    evaluation_id bigint      not null references evaluation (id),
    item_code     varchar(40) not null,
    points        numeric(8, 2) check (points is null or points >= 0),
    met           boolean,
    value         numeric(8, 2) check (value is null or value >= 0),
    comment       text,
    check_points  numeric(8, 2) check (check_points is null or check_points >= 0),
    check_met     boolean,
    check_value   numeric(8, 2),
    check_comment text,
    unique (evaluation_id, item_code)
);

create table evaluation_event (
    id            bigserial primary key,
    evaluation_id bigint      not null references evaluation (id),
    action        varchar(20) not null,
    actor         varchar(64) not null,
    comment       text,
    occurred_at   timestamptz not null default now()
);
create index evaluation_event_idx on evaluation_event (evaluation_id, id);

-- Emulation and awards (R27): commendations to collectives and individuals with the granting decision.
create table award (
    id              bigserial primary key,
    unit_id         bigint       not null references org_unit (id),
    province_id     bigint       not null references org_unit (id),
    recipient_kind  varchar(12)  not null check (recipient_kind in ('COLLECTIVE', 'INDIVIDUAL')),
    recipient_name  varchar(300) not null,
    award_title     varchar(300) not null,
    award_year      integer      not null,
    decision_number varchar(60)  not null,
    decision_date   date         not null,
    issuer          varchar(300) not null,
    reason          text,
    evaluation_id   bigint references evaluation (id),
    created_by      varchar(64),
    created_at      timestamptz  not null default now()
);
create index award_unit_idx on award (unit_id, award_year);

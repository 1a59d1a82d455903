-- Periodic reports (issue 7, R28–R32): one report per template, period and unit; its figures and texts; due-date
-- overrides per year; reminders. The review status lives in review_state (subject_type 'Report').
create table report (
    id            bigserial primary key,
    template_code varchar(60)  not null,
    period_code   varchar(20)  not null,
    unit_id       bigint       not null references org_unit (id),
    province_id   bigint       not null references org_unit (id),
    period_from   date         not null,
    period_to     date         not null,
    aggregate     boolean      not null default false, -- made from the approved reports of the units below
    refreshed_at  timestamptz,
    created_by    varchar(64),
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    unique (template_code, period_code, unit_id)
);
create index report_period_idx on report (template_code, period_code, province_id);

-- A figure or text of a report. source_value is what the data said at the last refresh; a value that differs from
-- it is an override and carries its reason.
create table report_value (
    report_id       bigint         not null references report (id) on delete cascade,
    field_code      varchar(40)    not null,
    num             numeric(18, 4),
    txt             text,
    source_value    numeric(18, 4),
    overridden      boolean        not null default false,
    override_reason varchar(1000),
    primary key (report_id, field_code)
);

-- The due date of a template's period set by a province for that year (the rule gives the default).
create table report_due_override (
    template_code varchar(60) not null,
    period_code   varchar(20) not null,
    province_id   bigint      not null references org_unit (id),
    due_date      date        not null,
    set_by        varchar(64) not null,
    set_at        timestamptz not null default now(),
    primary key (template_code, period_code, province_id)
);

-- Reminders sent from the completeness board; shown on the home dashboard of the unit until it submits.
create table report_reminder (
    id            bigserial primary key,
    template_code varchar(60) not null,
    period_code   varchar(20) not null,
    unit_id       bigint      not null references org_unit (id),
    sent_by       varchar(64) not null,
    sent_at       timestamptz not null default now(),
    emailed       integer     not null default 0
);
create index report_reminder_unit_idx on report_reminder (unit_id, sent_at);

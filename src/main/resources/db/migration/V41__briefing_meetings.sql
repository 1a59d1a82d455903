-- Quarterly briefing meetings between the office and the centre directors, with their minutes (R32; seeds 001, 003).
create table briefing_meeting (
    id          bigserial primary key,
    unit_id     bigint       not null references org_unit (id), -- the office (province, district) holding it
    province_id bigint       not null references org_unit (id),
    period_code varchar(20)  not null,                          -- the quarter briefed, e.g. 2026Q3
    held_on     date         not null,
    place       varchar(300),
    chair       varchar(200),
    attendees   varchar(4000),
    minutes     text         not null,
    created_by  varchar(64),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now()
);
create index briefing_meeting_unit_idx on briefing_meeting (unit_id, held_on);

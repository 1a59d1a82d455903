-- Planned activities moved or marked by an activated contingency scenario (issue 16, R45). The centre module owns
-- activities, so it keeps the mark; the activation is named by an opaque reference of the module that asked.
create table activity_disruption (
    id             bigserial primary key,
    activity_id    bigint        not null references activity (id),
    action         varchar(20)   not null check (action in ('POSTPONE', 'ONLINE', 'MOVE_VENUE')),
    reason         varchar(1000) not null,
    source_ref     varchar(80)   not null,
    original_venue varchar(300),
    created_by     varchar(64),
    created_at     timestamptz   not null default now(),
    unique (activity_id, source_ref)
);
create index activity_disruption_activity_idx on activity_disruption (activity_id);

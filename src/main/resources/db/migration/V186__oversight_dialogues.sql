-- Dialogues of an office with the businesses that run out-of-school establishments (seed 001 asks for them twice a
-- year; how many a year is expected is the DIALOGUES_PER_YEAR row of ovs_rule, not a constant).
create table ovs_dialogue (
    id          bigserial primary key,
    unit_id     bigint        not null references org_unit (id),
    held_on     date          not null,
    parties     varchar(2000) not null,
    topics      varchar(4000) not null,
    conclusions varchar(4000),
    follow_ups  varchar(4000),
    created_by  varchar(64),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     bigint        not null default 0
);
create index ovs_dialogue_unit_idx on ovs_dialogue (unit_id, held_on);

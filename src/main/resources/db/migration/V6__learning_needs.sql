-- Learning needs (R12): survey rounds of a centre and residents' registrations, entered by staff or sent by
-- residents from the public page (no personal data required; an optional phone number).
create table survey_round (
    id          bigserial primary key,
    centre_id   bigint      not null references centre (id),
    province_id bigint      not null references org_unit (id),
    held_on     date        not null,
    channel     varchar(20) not null check (channel in ('MEETING', 'INTERVIEW', 'MAILBOX', 'SOCIAL_NETWORK', 'ONLINE_FORM')),
    note        varchar(1000),
    created_by  varchar(64),
    created_at  timestamptz not null default now()
);
create index survey_round_centre_idx on survey_round (centre_id, held_on);

create table learning_need (
    id          bigserial primary key,
    centre_id   bigint        not null references centre (id),
    province_id bigint        not null references org_unit (id),
    round_id    bigint references survey_round (id),
    topic_code  varchar(40)   not null references topic (code),
    detail      varchar(1000),
    age_group   varchar(10) check (age_group in ('UNDER_15', 'AGE_15_35', 'AGE_36_60', 'OVER_60')),
    sex         varchar(6) check (sex in ('MALE', 'FEMALE')),
    hamlet_id   bigint references org_unit (id),
    phone       varchar(20),
    source      varchar(10)   not null check (source in ('STAFF', 'PUBLIC')),
    created_by  varchar(64),
    created_at  timestamptz   not null default now()
);
create index learning_need_centre_idx on learning_need (centre_id, created_at);

-- Public submissions per (hashed) address, for rate limiting across instances; purged by a scheduled job.
create table public_submission (
    id         bigserial primary key,
    client_key char(64)    not null,
    at         timestamptz not null default now()
);
create index public_submission_key_idx on public_submission (client_key, at);

-- Literacy and universal education (issue 5, R17–R22): household register, survey rounds, imports,
-- effective-dated rules (age method, standards), recognition decisions, literacy classes.

-- The literacy permission: person-level register data is shown only to users that hold it (R17, personal data).
alter table app_user add column literacy_access boolean not null default false;

-- How ages are computed for the indicators (rule data: NĐ 20/2014 Điều 31 — the reference date — was not read).
-- EXACT: completed years on the date asked; BIRTH_YEAR: year of the school year (rolled over on the given
-- month/day) minus the year of birth, the way PCGD survey forms count "độ tuổi".
create table lit_setting (
    id              bigserial primary key,
    effective_from  date        not null unique,
    age_method      varchar(12) not null check (age_method in ('EXACT', 'BIRTH_YEAR')),
    rollover_month  smallint    not null default 9 check (rollover_month between 1 and 12),
    rollover_day    smallint    not null default 1 check (rollover_day between 1 and 31),
    pass_score      numeric(4, 2) not null default 5, -- TT 10/2022: minimum final score in each subject (uncertain)
    legal_basis     text        not null,
    certainty       varchar(12) not null,
    created_by      varchar(64),
    created_at      timestamptz not null default now()
);
insert into lit_setting (effective_from, age_method, rollover_month, rollover_day, legal_basis, certainty, created_by)
values ('2014-05-15', 'EXACT', 9, 1,
        'NĐ 20/2014/NĐ-CP Điều 31 (thời điểm báo cáo số liệu) — nội dung chưa đọc được; mặc định: tuổi tròn tại ngày tính',
        'unknown', 'system');
comment on table lit_setting is 'pass_score: TT 10/2022/TT-BGDĐT final score per subject needed to complete a stage — secondary/uncertain';

-- Survey round (đợt điều tra): each change of a person's status records the round it came from.
create table lit_survey_round (
    id           bigserial primary key,
    unit_id      bigint       not null references org_unit (id),
    survey_date  date         not null,
    team         varchar(300),
    note         varchar(500),
    created_by   varchar(64),
    created_at   timestamptz  not null default now()
);
create index lit_survey_round_unit_idx on lit_survey_round (unit_id, survey_date desc);

-- Household (hộ gia đình) in a hamlet / residential group; the stable key is (commune, code).
create table lit_household (
    id           bigserial primary key,
    commune_id   bigint       not null,
    province_id  bigint       not null,
    hamlet_id    bigint       not null,
    code         varchar(40)  not null,
    head_name    varchar(200),
    address      varchar(300),
    version      bigint       not null default 0,
    updated_at   timestamptz  not null default now(),
    constraint lit_household_key unique (commune_id, code)
);
create index lit_household_hamlet_idx on lit_household (hamlet_id);

-- Person (nhân khẩu). No foreign keys on the unit columns: imports validate them against the unit directory
-- before writing, and a million-row load must not pay a trigger per row. (commune_id, code) is the stable
-- key an import matches on, so re-importing the same survey changes nothing.
-- lit_level is the literacy level the register implies (NĐ 20/2014 Điều 19): a recorded status wins; otherwise
-- completed grade 5 (or primary) → level 2, completed grade 3 → level 1.
create table lit_person (
    id              bigserial primary key,
    commune_id      bigint       not null,
    province_id     bigint       not null,
    hamlet_id       bigint       not null,
    household_code  varchar(40)  not null,
    code            varchar(40)  not null,
    full_name       varchar(200) not null,
    sex             char(1)      not null check (sex in ('M', 'F')),
    birth_date      date,
    birth_year      smallint     not null,
    birth_key       integer      not null, -- yyyymmdd, or yyyy0000 when only the year is known
    ethnicity       varchar(2)   not null,
    disability      boolean      not null default false,
    priority_group  varchar(10),
    resident_status varchar(10)  not null check (resident_status in ('PRESENT', 'MOVED_IN', 'MOVED_OUT', 'DECEASED')),
    moved_in_date   date,
    left_date       date,        -- moved out or deceased
    in_school       boolean      not null default false,
    current_grade   smallint     check (current_grade between 1 and 12),
    highest_grade   smallint     not null default 0 check (highest_grade between 0 and 12),
    primary_year    smallint,    -- year the primary programme was completed
    lsec_year       smallint,    -- year of the lower-secondary diploma
    literacy_status varchar(12)  check (literacy_status in ('L1', 'L2', 'ILLITERATE', 'REILLITERATE')),
    literacy_basis  varchar(10)  check (literacy_basis in ('SCHOOL', 'CLASS', 'ASSESSMENT')),
    basis_class_id  bigint,
    lit_level       smallint generated always as (
        case when literacy_status in ('ILLITERATE', 'REILLITERATE') then 0
             when literacy_status = 'L2' or highest_grade >= 5 or primary_year is not null then 2
             when literacy_status = 'L1' or highest_grade >= 3 then 1
             else 0 end) stored,
    round_id        bigint,
    import_id       bigint,
    version         bigint       not null default 0,
    updated_at      timestamptz  not null default now(),
    constraint lit_person_key unique (commune_id, code)
);
create index lit_person_hamlet_idx on lit_person (hamlet_id);
create index lit_person_province_idx on lit_person (province_id);

-- History of status changes (resident status, literacy status) with the survey round they came from.
create table lit_person_change (
    id          bigserial primary key,
    person_id   bigint       not null,
    round_id    bigint,
    import_id   bigint,
    field       varchar(20)  not null,
    old_value   varchar(40),
    new_value   varchar(40),
    changed_by  varchar(64),
    changed_at  timestamptz  not null default now()
);
create index lit_person_change_person_idx on lit_person_change (person_id, changed_at);

-- Import job: progress for the page and the API, and every rejected row.
create table lit_import (
    id             bigserial primary key,
    unit_id        bigint       not null references org_unit (id),
    user_id        bigint,
    username       varchar(64),
    file_name      varchar(300),
    status         varchar(12)  not null check (status in ('RUNNING', 'MERGING', 'DONE', 'REJECTED', 'FAILED')),
    rows_total     integer,
    rows_done      integer      not null default 0,
    inserted       integer      not null default 0,
    updated        integer      not null default 0,
    unchanged      integer      not null default 0,
    round_id       bigint,
    message        varchar(500),
    peak_heap_bytes bigint,
    created_at     timestamptz  not null default now(),
    finished_at    timestamptz
);
create table lit_import_error (
    import_id  bigint       not null references lit_import (id) on delete cascade,
    line       integer      not null,
    field      varchar(40)  not null,
    reason     varchar(300) not null
);
create index lit_import_error_idx on lit_import_error (import_id, line);

-- Standards as versioned, effective-dated rule data (loaded from literacy-standards.yaml, editable by an
-- administrator: an edit is a new version from a date, the old one ends the day before).
create table lit_standard (
    id             bigserial primary key,
    code           varchar(20)  not null,     -- XMC, PCGDTH, PCGDTHCS, PCGDMN5, …
    level          smallint     not null,
    subject_level  varchar(10)  not null check (subject_level in ('commune', 'district', 'province')),
    version        integer      not null,
    effective_from date,
    effective_to   date,
    source         varchar(300) not null,
    note           varchar(500),
    created_by     varchar(64),
    created_at     timestamptz  not null default now(),
    constraint lit_standard_version_key unique (code, level, subject_level, version)
);
create table lit_standard_condition (
    standard_id           bigint       not null references lit_standard (id) on delete cascade,
    position              smallint     not null,
    code                  varchar(30)  not null,
    measure               varchar(30)  not null,
    age_from              smallint,
    age_to                smallint,
    min_percent           numeric(6, 2),
    difficult_min_percent numeric(6, 2),
    applies_to            varchar(10)  not null default 'ALL' check (applies_to in ('ALL', 'NORMAL', 'DIFFICULT')),
    requires_code         varchar(20),
    requires_level        smallint,
    certainty             varchar(12)  not null,
    note                  varchar(500),
    primary key (standard_id, position)
);

-- Recognition per year (R20): commune self-check, check by the level above, decision number and date.
create table lit_recognition (
    id              bigserial primary key,
    unit_id         bigint       not null references org_unit (id),
    year            smallint     not null,
    standard_code   varchar(20)  not null,
    level           smallint     not null,
    step            varchar(12)  not null check (step in ('SELF_CHECK', 'UPPER_CHECK', 'DECISION')),
    decided_by      varchar(200),
    decision_number varchar(60),
    decision_date   date,
    note            varchar(500),
    created_by      varchar(64),
    created_at      timestamptz  not null default now()
);
create index lit_recognition_unit_idx on lit_recognition (unit_id, year);

-- Literacy classes (R18): programme stage 1 / 2 (TT 33/2021), continuing education after literacy,
-- complementary classes; enrolment from the register, sessions, attendance, assessments (TT 10/2022).
create table lit_class (
    id           bigserial primary key,
    commune_id   bigint       not null references org_unit (id),
    province_id  bigint       not null,
    hamlet_id    bigint       references org_unit (id),
    programme    varchar(20)  not null check (programme in ('XMC_STAGE1', 'XMC_STAGE2', 'POST_LITERACY', 'COMPLEMENTARY')),
    name         varchar(200) not null,
    venue        varchar(300),
    teachers     varchar(500),
    start_date   date         not null,
    end_date     date,
    funding      varchar(300),
    closed       boolean      not null default false,
    version      bigint       not null default 0,
    created_at   timestamptz  not null default now()
);
create index lit_class_commune_idx on lit_class (commune_id, start_date);
create table lit_enrolment (
    id            bigserial primary key,
    class_id      bigint      not null references lit_class (id),
    person_id     bigint      not null references lit_person (id),
    enrolled_on   date        not null,
    result        varchar(14) check (result in ('COMPLETED', 'NOT_COMPLETED')),
    completed_on  date,
    constraint lit_enrolment_key unique (class_id, person_id)
);
create index lit_enrolment_person_idx on lit_enrolment (person_id);
create table lit_session (
    id           bigserial primary key,
    class_id     bigint       not null references lit_class (id),
    session_date date         not null,
    topic        varchar(300)
);
create table lit_attendance (
    session_id   bigint  not null references lit_session (id),
    enrolment_id bigint  not null references lit_enrolment (id),
    present      boolean not null,
    primary key (session_id, enrolment_id)
);
create table lit_assessment (
    id           bigserial primary key,
    enrolment_id bigint       not null references lit_enrolment (id),
    subject      varchar(20)  not null check (subject in ('VIETNAMESE', 'MATHS')),
    score        numeric(4, 2) check (score between 0 and 10),
    assessed_on  date         not null,
    constraint lit_assessment_key unique (enrolment_id, subject)
);

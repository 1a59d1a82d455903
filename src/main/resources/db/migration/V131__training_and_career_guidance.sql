-- Training of the centres' people (R37): events organised by the province, the commune, the TTGDNN-GDTX or the
-- study-promotion association, who attended (from the centres' people records), and the yearly minimum each centre
-- must reach, as data per province with its basis and certainty (no national rule found; the seeds say twice a year).

create table training_event (
    id              bigserial primary key,
    unit_id         bigint       not null references org_unit (id),
    province_id     bigint       not null references org_unit (id),
    organiser       varchar(20)  check (organiser in ('PROVINCE', 'COMMUNE', 'TTGDNN', 'ASSOCIATION', 'OTHER')),
    title           varchar(300) not null,
    topic           varchar(300),
    start_date      date         not null,
    end_date        date         not null,
    venue           varchar(300),
    trainers        varchar(1000),
    audience        varchar(300),
    created_by      varchar(64),
    created_at      timestamptz  not null default now(),
    check (end_date >= start_date)
);
create index training_event_province_idx on training_event (province_id, start_date);

create table training_attendance (
    event_id    bigint  not null references training_event (id),
    person_id   bigint  not null references person (id),
    primary key (event_id, person_id)
);
create index training_attendance_person_idx on training_attendance (person_id);

create table training_rule (
    id              bigserial primary key,
    province_id     bigint       references org_unit (id),
    min_per_year    integer      not null check (min_per_year >= 0),
    valid_from      date         not null,
    valid_to        date,
    legal_basis     varchar(300) not null,
    certainty       varchar(300) not null
);
insert into training_rule (province_id, min_per_year, valid_from, legal_basis, certainty) values
(null, 2, '2020-01-01', 'Kế hoạch của địa phương: tập huấn cán bộ quản lý, giáo viên, báo cáo viên, hướng dẫn viên ít nhất 2 lần/năm',
 'verified (kế hoạch của địa phương); chưa có quy định toàn quốc');

-- Career guidance and streaming after lower-secondary school (R42, QĐ 522/QĐ-TTg) as a topic and a kind of activity,
-- so the existing summaries and reports count it.
insert into topic (code, name_vi, name_en, sort) values
('CAREER_GUIDANCE', 'Hướng nghiệp, phân luồng học sinh sau trung học cơ sở', 'Career guidance and streaming', 150)
on conflict (code) do nothing;
insert into activity_type (code, name_vi, name_en, sort) values
('CAREER_GUIDANCE', 'Tư vấn hướng nghiệp, phân luồng (phối hợp trường THCS)', 'Career guidance with lower-secondary schools', 100)
on conflict (code) do nothing;

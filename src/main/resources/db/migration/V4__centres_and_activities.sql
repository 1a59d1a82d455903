-- Community learning centres (TTHTCĐ), their activities with participations, and evidence files.

-- One centre per commune (R4), created for every commune of both structures: a centre of a commune that
-- closed on 30/06/2025 keeps its history. province_id is the distribution key.
create table centre (
    id                           bigserial primary key,
    commune_id                   bigint       not null unique references org_unit (id),
    province_id                  bigint       not null references org_unit (id),
    name                         varchar(250) not null,
    founding_decision            varchar(250),
    founded_on                   date,
    premises                     varchar(30)  not null default 'SHARED_COMMUNE_OFFICE'
        check (premises in ('OWN', 'SHARED_COMMUNE_OFFICE', 'CULTURAL_HOUSE', 'SCHOOL', 'OTHER')),
    combined_with_culture_centre boolean      not null default false,
    model_centre                 boolean      not null default false,
    model_since_year             integer check (model_since_year between 2000 and 2100),
    address                      varchar(300),
    phone                        varchar(40),
    email                        varchar(200),
    version                      bigint       not null default 0,
    created_at                   timestamptz  not null default now(),
    updated_at                   timestamptz  not null default now()
);
create index centre_province_idx on centre (province_id);

insert into centre (commune_id, province_id, name)
select u.id, u.province_id, 'Trung tâm học tập cộng đồng ' || lower(left(u.name, 1)) || substr(u.name, 2)
from org_unit u where u.level = 3;

-- Reference lists as data: stable codes used by the UI, the API and exports.
create table activity_type (
    code    varchar(40) primary key,
    name_vi varchar(200) not null,
    name_en varchar(200) not null,
    sort    integer      not null
);
insert into activity_type (code, name_vi, name_en, sort) values
('THEMATIC_SESSION', 'Chuyên đề', 'Thematic session', 10),
('SHORT_VOCATIONAL', 'Lớp ngắn hạn, dạy nghề', 'Short vocational class', 20),
('HOBBY_CLASS', 'Lớp sở thích', 'Hobby class', 30),
('CLUB_SESSION', 'Sinh hoạt câu lạc bộ', 'Club session', 40),
('SELF_STUDY', 'Tự học, học qua internet', 'Self-study / internet class', 50),
('CONTEST_SEMINAR', 'Hội thi, hội thảo', 'Contest or seminar', 60),
('CULTURE_SPORTS', 'Hoạt động văn hóa, thể thao', 'Cultural or sports event', 70),
('AGRICULTURAL_TRAINING', 'Tập huấn chuyển giao khoa học kỹ thuật nông nghiệp', 'Agricultural training', 80),
('PROPAGANDA', 'Tuyên truyền', 'Propaganda session', 90);

create table topic (
    code    varchar(40) primary key,
    name_vi varchar(200) not null,
    name_en varchar(200) not null,
    sort    integer      not null,
    active  boolean      not null default true
);
insert into topic (code, name_vi, name_en, sort) values
('LAW', 'Pháp luật', 'Law', 10),
('HEALTH_POPULATION', 'Sức khỏe, dinh dưỡng, dân số, gia đình', 'Health, nutrition, population, family', 20),
('ENVIRONMENT_SOCIAL_EVILS', 'Môi trường, phòng chống tệ nạn xã hội', 'Environment and social evils', 30),
('CULTURE_SOCIETY', 'Văn hóa, xã hội', 'Culture and society', 40),
('ECONOMY_TECHNOLOGY', 'Phát triển kinh tế, chuyển giao khoa học kỹ thuật', 'Economic development and technology transfer', 50),
('LIFE_SKILLS', 'Kỹ năng sống', 'Life skills', 60),
('IT', 'Tin học', 'Information technology', 70),
('FOREIGN_LANGUAGE', 'Ngoại ngữ', 'Foreign language', 80),
('LITERACY', 'Xóa mù chữ, giáo dục tiếp tục sau biết chữ', 'Literacy and continuing education after literacy', 90),
('TRAFFIC_SAFETY', 'An toàn giao thông', 'Traffic safety', 100),
('FOOD_SAFETY', 'An toàn thực phẩm', 'Food safety', 110),
('CHILD_RIGHTS', 'Quyền trẻ em, phòng chống bạo lực gia đình', 'Child rights, domestic-violence prevention', 120),
('LIVESTOCK_CROPS', 'Chăn nuôi, trồng trọt, lâm nghiệp', 'Livestock, crops and forestry', 130),
('READING_CULTURE', 'Văn hóa đọc', 'Reading culture', 140),
('OTHER', 'Khác', 'Other', 999);

-- An activity of a centre with its participations (lượt người) and their breakdown (R13, R14).
create table activity (
    id               bigserial primary key,
    centre_id        bigint       not null references centre (id),
    province_id      bigint       not null references org_unit (id),
    type_code        varchar(40)  not null references activity_type (code),
    topic_code       varchar(40)  not null references topic (code),
    title            varchar(300) not null,
    start_date       date         not null,
    end_date         date         not null,
    venue            varchar(300),
    hamlet_id        bigint references org_unit (id),
    lead_unit        varchar(250),
    coordinating     varchar(1000),
    speakers         varchar(1000),
    participations   integer      not null check (participations >= 0),
    women            integer      not null default 0 check (women >= 0),
    ethnic_minority  integer      not null default 0 check (ethnic_minority >= 0),
    disadvantaged    integer      not null default 0 check (disadvantaged >= 0),
    cost             numeric(14, 0) check (cost >= 0),
    plan_row_id      bigint,
    note             varchar(2000),
    created_by       varchar(64),
    version          bigint       not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint activity_dates check (end_date >= start_date),
    constraint activity_breakdown check (women <= participations and ethnic_minority <= participations
                                         and disadvantaged <= participations)
);
create index activity_centre_date_idx on activity (centre_id, start_date);
create index activity_province_date_idx on activity (province_id, start_date);

-- Evidence files (minh chứng): photos, attendance sheets, scans. Kept in the database so that every
-- instance serves them (the app is stateless); unit_id bounds who may read them.
create table evidence_file (
    id           bigserial primary key,
    owner_type   varchar(40)  not null,
    owner_id     bigint       not null,
    unit_id      bigint       not null references org_unit (id),
    province_id  bigint       not null references org_unit (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    sha256       char(64)     not null,
    data         bytea        not null,
    uploaded_by  varchar(64),
    uploaded_at  timestamptz  not null default now()
);
create index evidence_owner_idx on evidence_file (owner_type, owner_id);

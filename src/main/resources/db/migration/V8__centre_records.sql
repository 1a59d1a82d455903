-- The rest of a centre's record (R4–R8, R15, R16, R44): board and subcommittees, people and their training,
-- facilities and assets, the bookcase and its lending log, partner organisations, clubs, campaigns.

create table board_member (
    id          bigserial primary key,
    centre_id   bigint         not null references centre (id),
    full_name   varchar(200)   not null,
    position    varchar(20)    not null check (position in ('DIRECTOR', 'DEPUTY', 'ACCOUNTANT', 'TREASURER', 'MEMBER')),
    main_post   varchar(200),           -- e.g. "Phó Chủ tịch UBND xã" for a concurrent director
    concurrent  boolean        not null default true,
    allowance   numeric(14, 0) check (allowance >= 0),
    term_start  date           not null,
    term_end    date,
    constraint board_member_term check (term_end is null or term_end >= term_start)
);
create index board_member_centre_idx on board_member (centre_id);

create table subcommittee (
    id        bigserial primary key,
    centre_id bigint       not null references centre (id),
    name      varchar(200) not null,
    members   varchar(1000)
);

-- A person may serve several centres; the province keeps one record of them.
create table person (
    id          bigserial primary key,
    province_id bigint       not null references org_unit (id),
    full_name   varchar(200) not null,
    field       varchar(200),
    origin_org  varchar(200),
    phone       varchar(20)
);
create table centre_person (
    id        bigserial primary key,
    centre_id bigint      not null references centre (id),
    person_id bigint      not null references person (id),
    role      varchar(20) not null check (role in ('TEACHER', 'SECONDED_TEACHER', 'REPORTER', 'INSTRUCTOR', 'COLLABORATOR')),
    since     date,
    until     date,
    unique (centre_id, person_id, role)
);
create table training (
    id        bigserial primary key,
    person_id bigint       not null references person (id),
    course    varchar(300) not null,
    organiser varchar(200),
    held_on   date         not null
);

create table asset (
    id        bigserial primary key,
    centre_id bigint         not null references centre (id),
    kind      varchar(10)    not null check (kind in ('ROOM', 'EQUIPMENT', 'OTHER')),
    item      varchar(200)   not null,
    quantity  integer        not null check (quantity >= 0),
    source    varchar(200),
    value     numeric(14, 0) check (value >= 0),
    condition varchar(10)    not null default 'GOOD' check (condition in ('GOOD', 'FAIR', 'POOR', 'BROKEN'))
);

create table book (
    id        bigserial primary key,
    centre_id bigint       not null references centre (id),
    title     varchar(300) not null,
    author    varchar(200),
    copies    integer      not null default 1 check (copies >= 1)
);
create table book_loan (
    id       bigserial primary key,
    book_id  bigint       not null references book (id),
    borrower varchar(200) not null,
    out_on   date         not null,
    back_on  date,
    constraint book_loan_dates check (back_on is null or back_on >= out_on)
);

-- Partner organisations of a unit (mass organisations, schools, the agricultural extension station,
-- border-guard posts of border communes).
create table partner_org (
    id      bigserial primary key,
    unit_id bigint       not null references org_unit (id),
    name    varchar(250) not null,
    kind    varchar(20)  not null check (kind in ('MASS_ORG', 'SCHOOL', 'EXTENSION', 'BORDER_POST', 'HEALTH', 'OTHER'))
);
create index partner_org_unit_idx on partner_org (unit_id);

create table club (
    id         bigserial primary key,
    centre_id  bigint       not null references centre (id),
    name       varchar(200) not null,
    field      varchar(200),
    founded_on date
);
create table club_member (
    id        bigserial primary key,
    club_id   bigint       not null references club (id),
    full_name varchar(200) not null,
    sex       varchar(6) check (sex in ('MALE', 'FEMALE')),
    joined_on date         not null,
    left_on   date
);
alter table activity add column club_id bigint references club (id);

-- Campaigns (R16) group activities and get their own summary; yearly themes are data.
create table campaign (
    id        bigserial primary key,
    kind      varchar(30)  not null check (kind in ('LIFELONG_LEARNING_WEEK', 'STUDY_PROMOTION_DAY', 'BOOK_DAY', 'EDUCATION_ACTION_WEEK', 'SUMMER', 'OTHER')),
    year      integer      not null,
    name      varchar(300) not null,
    theme     varchar(500),
    starts_on date         not null,
    ends_on   date         not null,
    constraint campaign_dates check (ends_on >= starts_on)
);
insert into campaign (kind, year, name, starts_on, ends_on) values
('LIFELONG_LEARNING_WEEK', 2026, 'Tuần lễ hưởng ứng học tập suốt đời năm 2026', '2026-10-01', '2026-10-07'),
('STUDY_PROMOTION_DAY', 2026, 'Ngày Khuyến học Việt Nam 02/10/2026', '2026-10-02', '2026-10-02'),
('BOOK_DAY', 2026, 'Ngày Sách và Văn hóa đọc Việt Nam 21/4/2026', '2026-04-21', '2026-04-21');
alter table activity add column campaign_id bigint references campaign (id);

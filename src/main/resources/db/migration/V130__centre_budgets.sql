-- Budgets of the community learning centres (R36): the annual financial plan (estimate) the centre makes and the
-- commune chairman approves (TT 344/2016/TT-BTC Điều 16), then allocation, receipts, spending and settlement, each a
-- line in whole đồng. The rules around it (spending categories, TT 96/2008 minimum support, the calendar) are rows
-- with their legal basis and certainty, so a change in the law is a new row, not a release.

create table budget_category (
    code      varchar(40)  primary key,
    name_vi   varchar(200) not null,
    name_en   varchar(200) not null,
    sort      integer      not null,
    active    boolean      not null default true
);
insert into budget_category (code, name_vi, name_en, sort) values
('MATERIALS', 'Tài liệu, sách, học liệu, đồ dùng học tập', 'Learning materials and books', 10),
('ALLOWANCES', 'Phụ cấp kiêm nhiệm, thù lao', 'Allowances and fees', 20),
('ACTIVITIES', 'Tổ chức lớp học, chuyên đề, hoạt động', 'Classes, sessions and activities', 30),
('EQUIPMENT', 'Mua sắm, sửa chữa trang thiết bị', 'Equipment', 40),
('TRAINING', 'Tập huấn, bồi dưỡng cán bộ, báo cáo viên', 'Training of staff', 50),
('OTHER', 'Chi khác', 'Other spending', 999);

-- TT 96/2008/TT-BTC minimum state support per centre. zone: the QĐ 301/2006/QĐ-UBDT region of an ethnic-minority or
-- mountain commune (REGION_I, REGION_II_III), NULL for every centre.
create table budget_support_level (
    id            bigserial primary key,
    kind          varchar(20)  not null check (kind in ('SETUP', 'RECURRENT')),
    zone          varchar(20)  check (zone in ('REGION_I', 'REGION_II_III')),
    min_vnd       bigint       check (min_vnd >= 0),
    label         varchar(300) not null,
    valid_from    date         not null,
    valid_to      date,
    legal_basis   varchar(300) not null,
    certainty     varchar(300) not null
);
insert into budget_support_level (kind, zone, min_vnd, label, valid_from, legal_basis, certainty) values
('SETUP', null, 30000000, 'Hỗ trợ ban đầu cho trung tâm mới thành lập (trang thiết bị quản lý, tài liệu, sách)',
 '2008-12-01', 'Thông tư 96/2008/TT-BTC ngày 27/10/2008', 'secondary (lawnet.vn 145742; còn hiệu lực: chưa thấy văn bản thay thế)'),
('RECURRENT', 'REGION_I', 20000000, 'Hỗ trợ hằng năm mua tài liệu, sách, đồ dùng học tập — xã vùng dân tộc, miền núi khu vực I',
 '2008-12-01', 'Thông tư 96/2008/TT-BTC ngày 27/10/2008', 'secondary (lawnet.vn 145742)'),
('RECURRENT', 'REGION_II_III', 25000000, 'Hỗ trợ hằng năm mua tài liệu, sách, đồ dùng học tập — xã vùng dân tộc, miền núi khu vực II, III',
 '2008-12-01', 'Thông tư 96/2008/TT-BTC ngày 27/10/2008', 'secondary (lawnet.vn 145742)'),
('RECURRENT', null, null, 'Phụ cấp kiêm nhiệm cho người quản lý trung tâm: mức do Chủ tịch UBND tỉnh quyết định',
 '2008-12-01', 'Thông tư 96/2008/TT-BTC ngày 27/10/2008', 'secondary (lawnet.vn 145742)');

-- When each step is due for the budget of year Y: month/day of year Y + year_offset. province_id NULL is the rule of
-- every province that has no row of its own.
create table budget_deadline (
    id            bigserial primary key,
    province_id   bigint       references org_unit (id),
    kind          varchar(20)  not null check (kind in ('ESTIMATE', 'ALLOCATION', 'SETTLEMENT')),
    year_offset   integer      not null check (year_offset between -1 and 1),
    due_month     integer      not null check (due_month between 1 and 12),
    due_day       integer      not null check (due_day between 1 and 31),
    valid_from    date         not null,
    valid_to      date,
    legal_basis   varchar(300) not null,
    certainty     varchar(300) not null
);
insert into budget_deadline (province_id, kind, year_offset, due_month, due_day, valid_from, legal_basis, certainty) values
(null, 'ESTIMATE', -1, 11, 30, '2017-02-13', 'Hướng dẫn lập dự toán năm sau trong tháng 11 (kế hoạch Phòng GD&ĐT Hà Quảng 2022, phần IV); TT 344/2016/TT-BTC Điều 11',
 'verified (kế hoạch của địa phương); ngày cụ thể do tỉnh quy định'),
(null, 'ALLOCATION', -1, 12, 31, '2017-02-13', 'Giao dự toán trong tháng 12 (kế hoạch Phòng GD&ĐT Hà Quảng 2022, phần IV)',
 'verified (kế hoạch của địa phương)'),
(null, 'SETTLEMENT', 1, 3, 31, '2017-02-13', 'TT 344/2016/TT-BTC Điều 13: chỉnh lý quyết toán đến 31/01 năm sau, hạn báo cáo quyết toán do HĐND tỉnh quy định; kiểm tra chi tiêu tháng 3 (kế hoạch Phòng GD&ĐT Hà Quảng 2022)',
 'uncertain (hạn quyết toán do từng tỉnh quy định)');

create table budget (
    id                    bigserial primary key,
    centre_id             bigint       not null references centre (id),
    commune_id            bigint       not null references org_unit (id),
    province_id           bigint       not null references org_unit (id),
    budget_year           integer      not null check (budget_year between 2000 and 2100),
    note                  varchar(2000),
    settlement_locked_at  timestamptz,
    settlement_locked_by  varchar(64),
    created_by            varchar(64),
    created_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    unique (centre_id, budget_year)
);
create index budget_province_year_idx on budget (province_id, budget_year);
create index budget_commune_year_idx on budget (commune_id, budget_year);

-- One amount. A line with a category is spending (planned in an estimate, or actual); a line without is revenue
-- by its source. Amounts are whole đồng, never negative: a correction is a new line, not a changed one.
create table budget_line (
    id           bigserial primary key,
    budget_id    bigint       not null references budget (id),
    stage        varchar(20)  not null check (stage in ('ESTIMATE', 'ALLOCATION', 'RECEIPT', 'SPENDING', 'SETTLEMENT')),
    source       varchar(20)  check (source in ('STATE_SUPPORT', 'COMMUNE_BUDGET', 'CONTRIBUTIONS', 'PAID_ACTIVITIES', 'DONORS')),
    category     varchar(40)  references budget_category (code),
    amount_vnd   bigint       not null check (amount_vnd >= 0),
    line_date    date         not null,
    activity_id  bigint       references activity (id),
    description  varchar(500),
    created_by   varchar(64),
    created_at   timestamptz  not null default now(),
    check (source is not null or category is not null),
    check (stage <> 'SPENDING' or category is not null)
);
create index budget_line_budget_idx on budget_line (budget_id, stage);

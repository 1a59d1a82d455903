-- Oversight of out-of-school education establishments and inspections (R33, R34). Who licenses what, fines, check
-- items and thresholds are rows with their validity, legal basis and certainty (regulations notes
-- oversight-resources-authorities.md §1), never constants in code.

-- Which act an establishment kind receives in a period, who issues it and which role records it in XHHT.
-- act_kind INSPECTION names who inspects that kind of establishment.
create table ovs_issuer_rule (
    id                 bigserial primary key,
    establishment_kind varchar(30)  not null,
    act_kind           varchar(30)  not null,
    valid_from         date,
    valid_to           date,
    issuer_vi          varchar(300) not null,
    recorder_role      varchar(40)  not null,
    legal_basis        varchar(500) not null,
    certainty          varchar(12)  not null,
    enabled            boolean      not null default true
);

-- Numeric thresholds of the rules (months without activity before suspension is due, director's term, …).
create table ovs_rule (
    code        varchar(40)   not null,
    value_num   numeric(14,2) not null,
    valid_from  date          not null,
    valid_to    date,
    legal_basis varchar(500)  not null,
    certainty   varchar(12)   not null,
    primary key (code, valid_from)
);

create table ovs_establishment (
    id                 bigserial primary key,
    kind               varchar(30)  not null,
    name               varchar(300) not null,
    address            varchar(500) not null,
    unit_id            bigint       not null references org_unit (id),
    owner_name         varchar(300),
    owner_kind         varchar(12)  not null default 'ORGANISATION',
    director_name      varchar(200),
    director_term_from date,
    director_term_to   date,
    programmes         varchar(4000),
    fees               varchar(4000),
    disclosure         varchar(4000),
    first_activity_on  date,
    status             varchar(12)  not null default 'PENDING',
    search_text        text generated always as (xhht_search_key(name || ' ' || address || ' ' || coalesce(owner_name, ''))) stored,
    created_by         varchar(64),
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    version            bigint       not null default 0
);
create index ovs_establishment_unit_idx on ovs_establishment (unit_id);
create index ovs_establishment_status_idx on ovs_establishment (status);
create index ovs_establishment_search_idx on ovs_establishment using gin (search_text gin_trgm_ops);

create table ovs_teacher (
    id                bigserial primary key,
    establishment_id  bigint       not null references ovs_establishment (id) on delete cascade,
    full_name         varchar(200) not null,
    is_foreign        boolean      not null default false,
    nationality       varchar(100),
    qualification     varchar(300),
    work_permit_until date
);
create index ovs_teacher_establishment_idx on ovs_teacher (establishment_id);

create table ovs_act (
    id               bigserial primary key,
    establishment_id bigint       not null references ovs_establishment (id),
    kind             varchar(30)  not null,
    number           varchar(80)  not null,
    issued_on        date         not null,
    issuer           varchar(300) not null,
    rule_id          bigint references ovs_issuer_rule (id),
    note             varchar(1000),
    created_by       varchar(64),
    created_at       timestamptz  not null default now()
);
create index ovs_act_establishment_idx on ovs_act (establishment_id);
-- one issuer never gives the same number twice
create unique index ovs_act_number_key on ovs_act (xhht_search_key(issuer), xhht_search_key(number));

create table ovs_violation_type (
    code           varchar(20)   primary key,
    description    varchar(1000) not null,
    fine_min_vnd   bigint,
    fine_max_vnd   bigint        not null,
    extra_measures varchar(1000),
    legal_basis    varchar(500)  not null,
    valid_from     date,
    valid_to       date,
    certainty      varchar(12)   not null,
    enabled        boolean       not null default true,
    sort_order     int           not null default 0
);

create table ovs_check_item (
    subject_type varchar(20)  not null,
    item_no      int          not null,
    title        varchar(500) not null,
    legal_basis  varchar(500) not null,
    certainty    varchar(12)  not null,
    primary key (subject_type, item_no)
);

create table ovs_inspection (
    id               bigserial primary key,
    subject_type     varchar(20)  not null,
    establishment_id bigint references ovs_establishment (id),
    centre_id        bigint,
    unit_id          bigint       not null references org_unit (id),
    subject_name     varchar(300) not null,
    inspected_on     date         not null,
    plan_year        int          not null,
    conclusion       varchar(4000),
    inspector_id     bigint,
    created_by       varchar(64),
    created_at       timestamptz  not null default now(),
    constraint ovs_inspection_subject check ((subject_type = 'ESTABLISHMENT') = (establishment_id is not null)
                                             and (subject_type = 'CENTRE') = (centre_id is not null))
);
create index ovs_inspection_unit_idx on ovs_inspection (unit_id, inspected_on);
create index ovs_inspection_establishment_idx on ovs_inspection (establishment_id);

create table ovs_team_member (
    id            bigserial primary key,
    inspection_id bigint       not null references ovs_inspection (id) on delete cascade,
    full_name     varchar(200) not null,
    agency        varchar(300) not null,
    position      varchar(100)
);
create index ovs_team_member_inspection_idx on ovs_team_member (inspection_id);

create table ovs_finding (
    id                  bigserial primary key,
    inspection_id       bigint        not null references ovs_inspection (id) on delete cascade,
    item_no             int,
    violation_code      varchar(20) references ovs_violation_type (code),
    note                varchar(2000),
    remedy              varchar(1000),
    remedy_working_days int,
    remedy_due          date,
    resolved_on         date,
    resolved_note       varchar(1000),
    created_at          timestamptz   not null default now()
);
create index ovs_finding_inspection_idx on ovs_finding (inspection_id);
create index ovs_finding_open_idx on ovs_finding (remedy_due) where resolved_on is null and remedy_due is not null;

create table ovs_sanction (
    id            bigserial primary key,
    inspection_id bigint       not null unique references ovs_inspection (id),
    number        varchar(80)  not null,
    decided_on    date         not null,
    authority     varchar(300) not null,
    fine_vnd      bigint       not null,
    offender_kind varchar(12)  not null,
    created_by    varchar(64),
    created_at    timestamptz  not null default now()
);
create unique index ovs_sanction_number_key on ovs_sanction (xhht_search_key(authority), xhht_search_key(number));

-- ---- rule data ----

insert into ovs_rule (code, value_num, valid_from, valid_to, legal_basis, certainty) values
('INACTIVITY_MONTHS', 12, '2024-11-20', null, 'Nghị định 125/2024/NĐ-CP, Điều 45 khoản 1 (không hoạt động giáo dục trong 1 năm kể từ ngày có quyết định)', 'SECONDARY'),
('DIRECTOR_TERM_YEARS', 5, '2018-10-10', null, 'Thông tư 21/2018/TT-BGDĐT, Điều 6 (nhiệm kỳ giám đốc trung tâm ngoại ngữ, tin học)', 'SECONDARY'),
('INDIVIDUAL_FINE_PERCENT', 50, '2021-03-10', null, 'Nghị định 04/2021/NĐ-CP: mức phạt ghi tại các điều là của tổ chức, cá nhân bằng một nửa', 'SECONDARY'),
('DIALOGUES_PER_YEAR', 2, '2022-01-01', null, 'Kế hoạch GDTX của Sở GD&ĐT Hà Nội (đối thoại với doanh nghiệp 2 lần/năm)', 'UNCERTAIN');

insert into ovs_issuer_rule (establishment_kind, act_kind, valid_from, valid_to, issuer_vi, recorder_role, legal_basis, certainty) values
('FOREIGN_LANGUAGE_IT', 'ESTABLISHMENT_DECISION', null, '2024-11-19', 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 46/2017/NĐ-CP, Điều 47 (sửa đổi bởi Nghị định 135/2018/NĐ-CP)', 'SECONDARY'),
('FOREIGN_LANGUAGE_IT', 'ESTABLISHMENT_DECISION', '2024-11-20', null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 44', 'UNCERTAIN'),
('FOREIGN_LANGUAGE_IT', 'OPERATION_PERMISSION', null, '2024-11-19', 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 46/2017/NĐ-CP, Điều 47 (sửa đổi bởi Nghị định 135/2018/NĐ-CP)', 'SECONDARY'),
('FOREIGN_LANGUAGE_IT', 'OPERATION_PERMISSION', '2024-11-20', null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 44', 'UNCERTAIN'),
('FOREIGN_LANGUAGE_IT', 'SUSPENSION', null, null, 'Cơ quan đã cho phép thành lập (Giám đốc Sở Giáo dục và Đào tạo)', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 45', 'SECONDARY'),
('FOREIGN_LANGUAGE_IT', 'DISSOLUTION', null, null, 'Cơ quan đã cho phép thành lập (Giám đốc Sở Giáo dục và Đào tạo)', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 42–45', 'UNCERTAIN'),
('FOREIGN_LANGUAGE_IT', 'BUSINESS_REGISTRATION', null, null, 'Cơ quan đăng ký kinh doanh', 'PROVINCE_OFFICER', 'Luật Doanh nghiệp; Nghị định 125/2024/NĐ-CP (hồ sơ kèm giấy chứng nhận đăng ký doanh nghiệp)', 'SECONDARY'),
('CONTINUING_EDUCATION_OTHER', 'ESTABLISHMENT_DECISION', null, null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 42–45', 'UNCERTAIN'),
('CONTINUING_EDUCATION_OTHER', 'OPERATION_PERMISSION', null, null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Thông tư 04/2014/TT-BGDĐT (cấp phép hoạt động giáo dục kỹ năng sống); Nghị định 125/2024/NĐ-CP', 'SECONDARY'),
('CONTINUING_EDUCATION_OTHER', 'BUSINESS_REGISTRATION', null, null, 'Cơ quan đăng ký kinh doanh', 'PROVINCE_OFFICER', 'Thông tư 04/2014/TT-BGDĐT, Điều 7 (giấy chứng nhận đăng ký kinh doanh trong hồ sơ)', 'SECONDARY'),
('CONTINUING_EDUCATION_OTHER', 'SUSPENSION', null, null, 'Cơ quan đã cho phép thành lập (Giám đốc Sở Giáo dục và Đào tạo)', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 45', 'SECONDARY'),
('CONTINUING_EDUCATION_OTHER', 'DISSOLUTION', null, null, 'Cơ quan đã cho phép thành lập (Giám đốc Sở Giáo dục và Đào tạo)', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 42–45', 'UNCERTAIN'),
('STUDY_ABROAD_CONSULTING', 'STUDY_ABROAD_CERTIFICATE', null, '2024-11-19', 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 46/2017/NĐ-CP (dịch vụ tư vấn du học)', 'SECONDARY'),
('STUDY_ABROAD_CONSULTING', 'STUDY_ABROAD_CERTIFICATE', '2024-11-20', null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 115–117', 'SECONDARY'),
('STUDY_ABROAD_CONSULTING', 'BUSINESS_REGISTRATION', null, null, 'Cơ quan đăng ký kinh doanh', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 117 (bản sao giấy chứng nhận đăng ký doanh nghiệp)', 'SECONDARY'),
('STUDY_ABROAD_CONSULTING', 'SUSPENSION', null, null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 115–117', 'UNCERTAIN'),
('STUDY_ABROAD_CONSULTING', 'DISSOLUTION', null, null, 'Giám đốc Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 115–117', 'UNCERTAIN'),
('EXTRA_TEACHING', 'BUSINESS_REGISTRATION', null, '2025-06-30', 'Cơ quan đăng ký kinh doanh cấp huyện', 'DISTRICT_OFFICER', 'Thông tư 29/2024/TT-BGDĐT, Điều 6 (đăng ký kinh doanh, công khai theo Mẫu số 02)', 'SECONDARY'),
('EXTRA_TEACHING', 'BUSINESS_REGISTRATION', '2025-07-01', null, 'Cơ quan đăng ký kinh doanh', 'COMMUNE_OFFICER', 'Thông tư 29/2024/TT-BGDĐT, Điều 6; Thông tư 10/2025/TT-BGDĐT, Điều 16 (Ủy ban nhân dân cấp xã quản lý)', 'SECONDARY'),
('EXTRA_TEACHING', 'SUSPENSION', null, '2025-06-30', 'Ủy ban nhân dân cấp huyện', 'DISTRICT_OFFICER', 'Thông tư 29/2024/TT-BGDĐT, Điều 10', 'SECONDARY'),
('EXTRA_TEACHING', 'SUSPENSION', '2025-07-01', null, 'Chủ tịch Ủy ban nhân dân cấp xã', 'COMMUNE_OFFICER', 'Thông tư 10/2025/TT-BGDĐT, Điều 16 (xử lý hoặc đề nghị xử lý vi phạm)', 'UNCERTAIN'),
('EXTRA_TEACHING', 'DISSOLUTION', null, '2025-06-30', 'Ủy ban nhân dân cấp huyện', 'DISTRICT_OFFICER', 'Thông tư 29/2024/TT-BGDĐT, Điều 10', 'UNCERTAIN'),
('EXTRA_TEACHING', 'DISSOLUTION', '2025-07-01', null, 'Chủ tịch Ủy ban nhân dân cấp xã', 'COMMUNE_OFFICER', 'Thông tư 10/2025/TT-BGDĐT, Điều 16', 'UNCERTAIN'),
-- who inspects
('FOREIGN_LANGUAGE_IT', 'INSPECTION', null, null, 'Sở Giáo dục và Đào tạo (cơ quan cấp phép)', 'PROVINCE_OFFICER', 'Thông tư 21/2018/TT-BGDĐT; kế hoạch GDTX của Sở (đoàn kiểm tra liên ngành)', 'SECONDARY'),
('FOREIGN_LANGUAGE_IT', 'INSPECTION', null, '2025-06-30', 'Đoàn kiểm tra liên ngành cấp huyện', 'DISTRICT_OFFICER', 'Kế hoạch GDTX của Sở GD&ĐT Hà Nội (rà soát cơ sở giáo dục ngoài nhà trường)', 'VERIFIED'),
('CONTINUING_EDUCATION_OTHER', 'INSPECTION', null, null, 'Sở Giáo dục và Đào tạo (cơ quan cấp phép)', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 42–45', 'SECONDARY'),
('CONTINUING_EDUCATION_OTHER', 'INSPECTION', null, '2025-06-30', 'Đoàn kiểm tra liên ngành cấp huyện', 'DISTRICT_OFFICER', 'Kế hoạch GDTX của Sở GD&ĐT Hà Nội (rà soát cơ sở giáo dục ngoài nhà trường)', 'VERIFIED'),
('STUDY_ABROAD_CONSULTING', 'INSPECTION', null, null, 'Sở Giáo dục và Đào tạo (cơ quan cấp giấy chứng nhận)', 'PROVINCE_OFFICER', 'Nghị định 125/2024/NĐ-CP, Điều 115–117', 'SECONDARY'),
('EXTRA_TEACHING', 'INSPECTION', null, null, 'Sở Giáo dục và Đào tạo', 'PROVINCE_OFFICER', 'Thông tư 29/2024/TT-BGDĐT', 'SECONDARY'),
('EXTRA_TEACHING', 'INSPECTION', '2025-02-14', '2025-06-30', 'Ủy ban nhân dân cấp huyện', 'DISTRICT_OFFICER', 'Thông tư 29/2024/TT-BGDĐT, Điều 10', 'SECONDARY'),
('EXTRA_TEACHING', 'INSPECTION', '2025-07-01', null, 'Ủy ban nhân dân cấp xã', 'COMMUNE_OFFICER', 'Thông tư 10/2025/TT-BGDĐT, Điều 16', 'VERIFIED');

insert into ovs_violation_type (code, description, fine_min_vnd, fine_max_vnd, extra_measures, legal_basis, valid_from, valid_to, certainty, enabled, sort_order) values
('S-05a', 'Tẩy xóa, sửa chữa quyết định thành lập hoặc cho phép thành lập, cho phép hoạt động giáo dục', 15000000, 20000000, 'Tịch thu quyết định bị tẩy xóa, sửa chữa', 'Nghị định 04/2021/NĐ-CP, Điều 5', '2021-03-10', null, 'SECONDARY', true, 10),
('S-05b', 'Thành lập hoặc cung cấp dịch vụ giáo dục khi chưa được cơ quan có thẩm quyền cho phép', 20000000, 40000000, null, 'Nghị định 04/2021/NĐ-CP, Điều 5', '2021-03-10', null, 'SECONDARY', true, 20),
('S-06', 'Tổ chức giảng dạy tại địa điểm chưa được cho phép hoặc chưa đăng ký (cơ sở giáo dục thường xuyên)', 10000000, 20000000, 'Buộc đưa người học về địa điểm được cho phép', 'Nghị định 04/2021/NĐ-CP, Điều 6 khoản 2, khoản 7 điểm a', '2021-03-10', null, 'SECONDARY', true, 30),
('S-08', 'Tuyển sinh đào tạo ngành hoặc chương trình liên kết với nước ngoài khi chưa được phép', 40000000, 60000000, 'Trục xuất người nước ngoài vi phạm; chuyển người học hoặc hoàn trả học phí', 'Nghị định 04/2021/NĐ-CP, Điều 8 khoản 4–6', '2021-03-10', null, 'VERIFIED', true, 40),
('S-16a', 'Tư vấn du học: không công khai hoặc công khai sai thông tin về cơ sở giáo dục nước ngoài, kiểm định chất lượng; không báo cáo', 10000000, 20000000, 'Buộc cải chính thông tin sai; hoàn trả chi phí', 'Nghị định 04/2021/NĐ-CP, Điều 16 khoản 1', '2021-03-10', null, 'VERIFIED', true, 50),
('S-16b', 'Tư vấn du học: cho thuê, cho mượn giấy chứng nhận đăng ký kinh doanh dịch vụ tư vấn du học', 20000000, 30000000, null, 'Nghị định 04/2021/NĐ-CP, Điều 16 khoản 2', '2021-03-10', null, 'SECONDARY', true, 60),
('S-16c', 'Tư vấn du học: hoạt động trong thời gian bị đình chỉ', null, 50000000, null, 'Nghị định 04/2021/NĐ-CP, Điều 16 (mức tối đa; mức tối thiểu chưa đọc được)', '2021-03-10', null, 'UNCERTAIN', true, 70),
('S-FLX', 'Cấp chứng chỉ khi chưa được phê duyệt liên kết tổ chức thi cấp chứng chỉ năng lực ngoại ngữ', 80000000, 110000000, null, 'Nghị định 127/2021/NĐ-CP (sửa đổi Nghị định 04/2021/NĐ-CP)', '2022-01-01', null, 'SECONDARY', true, 80),
('S-VET20', 'Tư vấn du học trình độ giáo dục nghề nghiệp: tư vấn không trung thực, không công khai, không báo cáo, không lưu hồ sơ, người tư vấn không có chứng chỉ', 10000000, 20000000, null, 'Nghị định 88/2022/NĐ-CP, Điều 20 khoản 1', '2022-10-26', null, 'VERIFIED', true, 90),
('S-DT1', 'Dạy thêm: dạy học sinh tiểu học; giáo viên không được dạy thêm mà dạy thêm có thu tiền hoặc không báo cáo; quản lý dạy thêm sai quy định', 2000000, 5000000, null, 'Dự thảo Nghị định sửa đổi Nghị định 04/2021/NĐ-CP, Điều 16a khoản 1 (chưa ban hành)', null, null, 'UNCERTAIN', false, 100),
('S-DT2', 'Dạy thêm trong nhà trường: sai đối tượng, không có đơn đăng ký, không có kế hoạch, không công khai kế hoạch, sai thời khóa biểu, thu tiền', 5000000, 10000000, null, 'Dự thảo Nghị định sửa đổi Nghị định 04/2021/NĐ-CP, Điều 16a khoản 2 (chưa ban hành)', null, null, 'UNCERTAIN', false, 110),
('S-DT3', 'Cơ sở dạy thêm ngoài nhà trường: không đăng ký kinh doanh; không công khai, công khai không đầy đủ hoặc sai sự thật', 10000000, 20000000, 'Đình chỉ hoạt động từ 6 đến 12 tháng; hoàn trả tiền đã thu', 'Dự thảo Nghị định sửa đổi Nghị định 04/2021/NĐ-CP, Điều 16a khoản 3 (chưa ban hành)', null, null, 'UNCERTAIN', false, 120);

insert into ovs_check_item (subject_type, item_no, title, legal_basis, certainty) values
('ESTABLISHMENT', 1, 'Thẩm quyền thành lập, cho phép; quyết định thành lập còn nguyên vẹn, không tẩy xóa', 'Kế hoạch GDTX của Sở (mục III.1.3); Nghị định 04/2021/NĐ-CP, Điều 5', 'VERIFIED'),
('ESTABLISHMENT', 2, 'Cơ sở vật chất, phòng học, phòng chức năng, thiết bị dạy học đáp ứng chương trình', 'Nghị định 125/2024/NĐ-CP, Điều 43 khoản 1', 'SECONDARY'),
('ESTABLISHMENT', 3, 'Chương trình, tài liệu học tập theo quy định của Bộ GD&ĐT', 'Nghị định 125/2024/NĐ-CP, Điều 43 khoản 2; Thông tư 21/2018/TT-BGDĐT, Điều 13', 'SECONDARY'),
('ESTABLISHMENT', 4, 'Đội ngũ quản lý, giáo viên, nhân viên đủ và đạt chuẩn; hồ sơ giáo viên nước ngoài', 'Nghị định 125/2024/NĐ-CP, Điều 43 khoản 3; kế hoạch GDTX của Sở (mục III.3)', 'SECONDARY'),
('ESTABLISHMENT', 5, 'Quy chế tổ chức và hoạt động', 'Nghị định 125/2024/NĐ-CP, Điều 43 khoản 4', 'SECONDARY'),
('ESTABLISHMENT', 6, 'Tuyển sinh, thực hiện chương trình; chỉ dạy tại địa điểm được cho phép', 'Kế hoạch GDTX của Sở; Nghị định 04/2021/NĐ-CP, Điều 6', 'SECONDARY'),
('ESTABLISHMENT', 7, 'Cấp văn bằng, chứng chỉ (chứng chỉ ngoại ngữ, tin học; liên kết thi với tổ chức nước ngoài)', 'Kế hoạch GDTX của Sở; Nghị định 127/2021/NĐ-CP', 'SECONDARY'),
('ESTABLISHMENT', 8, 'Công khai thông tin, thực hiện báo cáo với cơ quan quản lý', 'Kế hoạch GDTX của Sở; Thông tư 21/2018/TT-BGDĐT', 'SECONDARY'),
('ESTABLISHMENT', 9, 'Dạy thêm: đăng ký kinh doanh; công khai theo Mẫu số 02; không dạy thêm học sinh tiểu học; giáo viên nhà trường đã báo cáo; thời gian; an ninh, vệ sinh, phòng cháy', 'Thông tư 29/2024/TT-BGDĐT, Điều 3, 4, 6; Thông tư 10/2025/TT-BGDĐT, Điều 16', 'SECONDARY'),
('ESTABLISHMENT', 10, 'Tư vấn du học: công khai thông tin cơ sở nước ngoài, kiểm định; báo cáo; không cho mượn giấy chứng nhận', 'Nghị định 04/2021/NĐ-CP, Điều 16', 'SECONDARY'),
('CENTRE', 1, 'Tổ chức bộ máy, ban giám đốc, quy chế hoạt động của trung tâm', 'Quyết định 09/2008/QĐ-BGDĐT (sửa đổi bởi Thông tư 40/2010/TT-BGDĐT)', 'SECONDARY'),
('CENTRE', 2, 'Kế hoạch hoạt động năm và việc thực hiện', 'Quyết định 09/2008/QĐ-BGDĐT', 'SECONDARY'),
('CENTRE', 3, 'Công tác xóa mù chữ, giáo dục tiếp tục sau khi biết chữ', 'Quyết định 09/2008/QĐ-BGDĐT; Thông tư 10/2022/TT-BGDĐT', 'SECONDARY'),
('CENTRE', 4, 'Chuyên đề, lớp bồi dưỡng, tập huấn theo nhu cầu người dân', 'Quyết định 09/2008/QĐ-BGDĐT', 'SECONDARY'),
('CENTRE', 5, 'Cơ sở vật chất, thiết bị, tủ sách', 'Quyết định 09/2008/QĐ-BGDĐT', 'SECONDARY'),
('CENTRE', 6, 'Quản lý, sử dụng kinh phí', 'Thông tư 96/2008/TT-BTC; Thông tư 344/2016/TT-BTC', 'SECONDARY'),
('CENTRE', 7, 'Hồ sơ, sổ sách của trung tâm', 'Quyết định 09/2008/QĐ-BGDĐT', 'SECONDARY'),
('CENTRE', 8, 'Thông tin, báo cáo', 'Quyết định 09/2008/QĐ-BGDĐT', 'SECONDARY');

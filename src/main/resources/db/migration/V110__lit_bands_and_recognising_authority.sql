-- Issue 14 (R19, R20): the age bands the literacy indicators show, and who recognises a unit for a standard, as
-- effective-dated rule data with their legal basis and certainty instead of constants in the code.

-- Age bands of the indicators. measure LITERACY: the seven literacy figures; UPPER_SECONDARY additionally shows
-- the share having completed upper secondary (seed 003 "phổ cập bậc trung học 18–21", a pre-2014 indicator).
create table lit_band (
    id           bigserial primary key,
    position     smallint     not null,
    age_from     smallint     not null check (age_from between 0 and 120),
    age_to       smallint     not null check (age_to between 0 and 120),
    measure      varchar(16)  not null default 'LITERACY' check (measure in ('LITERACY', 'UPPER_SECONDARY')),
    legal_basis  text         not null,
    certainty    varchar(12)  not null,
    valid_from   date,
    valid_to     date,
    check (age_to >= age_from),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
insert into lit_band (position, age_from, age_to, measure, legal_basis, certainty) values
 (1, 6, 6, 'LITERACY', 'NĐ 20/2014/NĐ-CP Điều 9–11: tỉ lệ trẻ 6 tuổi vào lớp 1', 'secondary'),
 (2, 11, 11, 'LITERACY', 'NĐ 20/2014/NĐ-CP Điều 10–11: trẻ 11 tuổi hoàn thành chương trình tiểu học', 'secondary'),
 (3, 11, 14, 'LITERACY', 'Chỉ tiêu địa phương "phổ cập tiểu học (11–14 tuổi)" (kế hoạch quận); NĐ 20/2014 Điều 9: trẻ đến 14 tuổi', 'secondary'),
 (4, 15, 18, 'LITERACY', 'NĐ 20/2014/NĐ-CP Điều 14–16: thanh thiếu niên 15–18 tuổi tốt nghiệp THCS', 'verified'),
 (5, 18, 21, 'UPPER_SECONDARY', 'Phổ cập bậc trung học 18–21 tuổi (Công văn 3420/THPT 2003, 10819/GDTrH 2004; chỉ tiêu địa phương, không thuộc NĐ 20/2014)', 'uncertain'),
 (6, 15, 25, 'LITERACY', 'NĐ 20/2014/NĐ-CP Điều 20 khoản 1: xã đặc biệt khó khăn, 15–25 tuổi', 'verified'),
 (7, 15, 35, 'LITERACY', 'NĐ 20/2014/NĐ-CP Điều 20 khoản 1: 15–35 tuổi', 'verified'),
 (8, 36, 60, 'LITERACY', 'Luật Giáo dục / NĐ 20/2014 Điều 17: xóa mù chữ cho người 15–60 tuổi (nhóm 36–60 theo phiếu điều tra)', 'secondary'),
 (9, 15, 60, 'LITERACY', 'NĐ 20/2014/NĐ-CP Điều 17, Điều 21 khoản 1: 15–60 tuổi', 'verified');

-- Who issues the recognition decision of a standard for a unit of a level, per period (NĐ 20/2014 Điều 25; since
-- 1/7/2025 NĐ 143/2025). authority_level is the level of the unit whose users record the decision (0 the ministry,
-- i.e. the nation, 1 province, 2 district); null while unknown, then configured_level (set by an administrator)
-- applies and pages say the authority is not settled by a text read.
create table lit_recognition_authority (
    id              bigserial primary key,
    subject_level   smallint     not null check (subject_level between 1 and 3),
    standard_code   varchar(20),             -- null: every standard
    standard_level  smallint,                -- null: every level
    authority_level smallint     check (authority_level between 0 and 3),
    configured_level smallint    check (configured_level between 0 and 3),
    authority_label varchar(200) not null,
    valid_from      date,
    valid_to        date,
    legal_basis     text         not null,
    certainty       varchar(12)  not null,
    configured_by   varchar(64),
    configured_at   timestamptz,
    check (authority_level is not null or configured_level is not null)
);
insert into lit_recognition_authority (subject_level, standard_code, standard_level, authority_level, configured_level,
                                       authority_label, valid_from, valid_to, legal_basis, certainty) values
 (3, null, null, 2, null, 'UBND cấp huyện', null, '2025-06-30', 'NĐ 20/2014/NĐ-CP Điều 25 khoản 1', 'verified'),
 (2, null, null, 1, null, 'UBND cấp tỉnh', null, '2025-06-30', 'NĐ 20/2014/NĐ-CP Điều 25', 'secondary'),
 (1, null, null, 0, null, 'Bộ Giáo dục và Đào tạo', null, '2025-06-30', 'NĐ 20/2014/NĐ-CP Điều 25', 'secondary'),
 (1, 'PCGDTH', 1, 1, null, 'Chủ tịch UBND cấp tỉnh', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'PCGDTH', 2, 1, null, 'Chủ tịch UBND cấp tỉnh', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'PCGDTHCS', 1, 1, null, 'Chủ tịch UBND cấp tỉnh', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'PCGDTHCS', 2, 1, null, 'Chủ tịch UBND cấp tỉnh', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'PCGDMN5', null, 1, null, 'Chủ tịch UBND cấp tỉnh', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'XMC', 1, 1, null, 'Chủ tịch UBND cấp tỉnh', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'PCGDTH', 3, 0, null, 'Bộ trưởng Bộ Giáo dục và Đào tạo', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'PCGDTHCS', 3, 0, null, 'Bộ trưởng Bộ Giáo dục và Đào tạo', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 (1, 'XMC', 2, 0, null, 'Bộ trưởng Bộ Giáo dục và Đào tạo', '2025-07-01', null, 'NĐ 143/2025/NĐ-CP (theo Điều 25 NĐ 20/2014)', 'secondary'),
 -- who recognises a commune after the two-level reform has not been found in a text: the province by default,
 -- changeable by an administrator, and shown as unknown
 (3, null, null, null, 1, 'Chưa xác định theo văn bản — tạm theo cấu hình: UBND cấp tỉnh', '2025-07-01', null,
  'NĐ 142/2025/NĐ-CP, NĐ 143/2025/NĐ-CP: chưa tìm thấy quy định cơ quan công nhận xã', 'unknown');

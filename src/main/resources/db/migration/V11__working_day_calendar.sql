-- Working-day calendar of public offices (cán bộ, công chức, viên chức): the weekdays off and the Saturdays worked
-- of each year. A year missing here is generated from the law on first use (all its days provisional) and then
-- corrected by an administrator against the year's notice. See shared/domain/regulations/working-days.md.
create table calendar_year (
    year        int primary key check (year between 1990 and 2100),
    source      text not null check (source in ('GENERATED', 'ENTERED')),
    created_at  timestamptz not null default now()
);

create table calendar_day (
    id           bigserial primary key,
    day          date not null unique,
    kind         text not null check (kind in ('HOLIDAY', 'TET', 'COMPENSATORY', 'SWAP_OFF', 'SWAP_WORK')),
    name         text not null,
    legal_basis  text,
    provisional  boolean not null default true,
    version      int not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   text,
    -- a worked day can only replace a weekly rest day
    constraint calendar_swap_work_on_weekend check (kind <> 'SWAP_WORK' or extract(isodow from day) in (6, 7))
);

-- Years checked against the official notices (2024–2026). 1/9/2026 is the usual adjacent day of 2/9 and stays
-- provisional until the notice is checked.
insert into calendar_year (year, source) values (2024, 'ENTERED'), (2025, 'ENTERED'), (2026, 'ENTERED');

insert into calendar_day (day, kind, name, legal_basis, provisional, updated_by) values
('2024-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a', false, 'system'),
('2024-02-08', 'TET', 'Nghỉ Tết Âm lịch Giáp Thìn (29 tháng Chạp)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2024 theo ý kiến Thủ tướng: nghỉ 08/02–14/02/2024', false, 'system'),
('2024-02-09', 'TET', 'Nghỉ Tết Âm lịch Giáp Thìn (30 tháng Chạp)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2024 theo ý kiến Thủ tướng: nghỉ 08/02–14/02/2024', false, 'system'),
('2024-02-10', 'TET', 'Tết Nguyên đán Giáp Thìn (mùng 1)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2024 theo ý kiến Thủ tướng: nghỉ 08/02–14/02/2024', false, 'system'),
('2024-02-11', 'TET', 'Tết Nguyên đán Giáp Thìn (mùng 2)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2024 theo ý kiến Thủ tướng: nghỉ 08/02–14/02/2024', false, 'system'),
('2024-02-12', 'TET', 'Tết Nguyên đán Giáp Thìn (mùng 3)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2024 theo ý kiến Thủ tướng: nghỉ 08/02–14/02/2024', false, 'system'),
('2024-02-13', 'COMPENSATORY', 'Nghỉ bù Tết (mùng 1 trùng thứ Bảy)', 'Bộ luật Lao động 2019, Điều 111 khoản 3', false, 'system'),
('2024-02-14', 'COMPENSATORY', 'Nghỉ bù Tết (mùng 2 trùng Chủ nhật)', 'Bộ luật Lao động 2019, Điều 111 khoản 3', false, 'system'),
('2024-04-18', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', false, 'system'),
('2024-04-29', 'SWAP_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)', 'Công văn 2450/VPCP-KGVX năm 2024 về hoán đổi ngày làm việc dịp 30/4–1/5', false, 'system'),
('2024-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', false, 'system'),
('2024-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d', false, 'system'),
('2024-05-04', 'SWAP_WORK', 'Làm bù cho thứ Hai 29/4/2024', 'Công văn 2450/VPCP-KGVX năm 2024 về hoán đổi ngày làm việc dịp 30/4–1/5', false, 'system'),
('2024-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', false, 'system'),
('2024-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Thông báo của Bộ LĐTBXH về nghỉ lễ Quốc khánh 2024: nghỉ 31/8–03/9/2024', false, 'system'),

('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a', false, 'system'),
('2025-01-27', 'TET', 'Nghỉ Tết Âm lịch Ất Tỵ (28 tháng Chạp)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2025 theo ý kiến Thủ tướng: nghỉ 25/01–02/02/2025', false, 'system'),
('2025-01-28', 'TET', 'Nghỉ Tết Âm lịch Ất Tỵ (giao thừa)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2025 theo ý kiến Thủ tướng: nghỉ 25/01–02/02/2025', false, 'system'),
('2025-01-29', 'TET', 'Tết Nguyên đán Ất Tỵ (mùng 1)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2025 theo ý kiến Thủ tướng: nghỉ 25/01–02/02/2025', false, 'system'),
('2025-01-30', 'TET', 'Tết Nguyên đán Ất Tỵ (mùng 2)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2025 theo ý kiến Thủ tướng: nghỉ 25/01–02/02/2025', false, 'system'),
('2025-01-31', 'TET', 'Tết Nguyên đán Ất Tỵ (mùng 3)', 'Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch 2025 theo ý kiến Thủ tướng: nghỉ 25/01–02/02/2025', false, 'system'),
('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', false, 'system'),
('2025-04-26', 'SWAP_WORK', 'Làm bù cho thứ Sáu 02/5/2025', 'Thông báo của Bộ LĐTBXH về hoán đổi ngày làm việc dịp 30/4–1/5/2025 theo ý kiến Thủ tướng', false, 'system'),
('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', false, 'system'),
('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d', false, 'system'),
('2025-05-02', 'SWAP_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Thông báo của Bộ LĐTBXH về hoán đổi ngày làm việc dịp 30/4–1/5/2025 theo ý kiến Thủ tướng', false, 'system'),
('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Thông báo của Bộ LĐTBXH về nghỉ lễ Quốc khánh 2025: nghỉ 30/8–02/9/2025', false, 'system'),
('2025-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', false, 'system'),

('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a', false, 'system'),
('2026-01-02', 'SWAP_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (nghỉ Tết Dương lịch 01/01–04/01/2026)', false, 'system'),
('2026-01-10', 'SWAP_WORK', 'Làm bù cho thứ Sáu 02/01/2026', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (nghỉ Tết Dương lịch 01/01–04/01/2026)', false, 'system'),
('2026-02-16', 'TET', 'Nghỉ Tết Âm lịch Bính Ngọ (29 tháng Chạp)', 'Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 theo ý kiến Thủ tướng: nghỉ 14/02–22/02/2026', false, 'system'),
('2026-02-17', 'TET', 'Tết Nguyên đán Bính Ngọ (mùng 1)', 'Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 theo ý kiến Thủ tướng: nghỉ 14/02–22/02/2026', false, 'system'),
('2026-02-18', 'TET', 'Tết Nguyên đán Bính Ngọ (mùng 2)', 'Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 theo ý kiến Thủ tướng: nghỉ 14/02–22/02/2026', false, 'system'),
('2026-02-19', 'TET', 'Tết Nguyên đán Bính Ngọ (mùng 3)', 'Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 theo ý kiến Thủ tướng: nghỉ 14/02–22/02/2026', false, 'system'),
('2026-02-20', 'TET', 'Tết Nguyên đán Bính Ngọ (mùng 4)', 'Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 theo ý kiến Thủ tướng: nghỉ 14/02–22/02/2026', false, 'system'),
('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', false, 'system'),
('2026-04-27', 'COMPENSATORY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)', 'Bộ luật Lao động 2019, Điều 111 khoản 3', false, 'system'),
('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', false, 'system'),
('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d', false, 'system'),
('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Dự kiến theo thông lệ (2/9 là thứ Tư); cần đối chiếu thông báo của Bộ Nội vụ', true, 'system'),
('2026-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', false, 'system'),
('2026-11-24', 'HOLIDAY', 'Ngày Văn hóa Việt Nam (24/11)', 'Nghị quyết 28/2026/QH16, Điều 2 (hiệu lực 01/7/2026)', false, 'system');

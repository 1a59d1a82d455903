-- When the units of a province owe the province the evaluation and list of out-of-school establishments (R30): one
-- row per half-year and level of the owing unit, dated (valid_from/valid_to on the due date), with its basis and
-- certainty. A province without rows has no dated rule here (the report template's default still applies).
create table ovs_report_due (
    id           bigserial primary key,
    province_id  bigint       not null references org_unit (id),
    owner_level  int          not null check (owner_level in (2, 3)),
    half         int          not null check (half in (1, 2)),
    due_month    int          not null check (due_month between 1 and 12),
    due_day      int          not null check (due_day between 1 and 31),
    valid_from   date         not null,
    valid_to     date,
    legal_basis  varchar(500) not null,
    certainty    varchar(12)  not null,
    unique (province_id, owner_level, half, valid_from)
);

-- Hà Nội (seed 001, §III.1.3: "gửi báo cáo đánh giá và thống kê danh sách các cơ sở giáo dục ngoài nhà trường về ...
-- Sở Giáo dục và Đào tạo Hà Nội trước ngày 30/6 và 30/12 hàng năm"). Districts owed it until the two-level reform;
-- from 1/7/2025 the commune took over the district's tasks, which is an inference, hence UNCERTAIN.
insert into ovs_report_due (province_id, owner_level, half, due_month, due_day, valid_from, valid_to, legal_basis, certainty)
select u.id, r.owner_level, r.half, r.due_month, r.due_day, cast(r.valid_from as date), cast(r.valid_to as date), r.legal_basis, r.certainty
from org_unit u
cross join (values
    (2, 1, 6, 30, '2020-10-26', '2025-06-30', 'Hướng dẫn 16/HD-PGDĐT ngày 26/10/2020 của Phòng GD&ĐT quận Ba Đình, mục III.1.3 (theo chỉ đạo của Sở GD&ĐT Hà Nội)', 'SECONDARY'),
    (2, 2, 12, 30, '2020-10-26', '2025-06-30', 'Hướng dẫn 16/HD-PGDĐT ngày 26/10/2020 của Phòng GD&ĐT quận Ba Đình, mục III.1.3 (theo chỉ đạo của Sở GD&ĐT Hà Nội)', 'SECONDARY'),
    (3, 1, 6, 30, '2025-07-01', null, 'Hướng dẫn 16/HD-PGDĐT (Ba Đình, 2020), mục III.1.3; từ 1/7/2025 Ủy ban nhân dân cấp xã thực hiện nhiệm vụ của cấp huyện', 'UNCERTAIN'),
    (3, 2, 12, 30, '2025-07-01', null, 'Hướng dẫn 16/HD-PGDĐT (Ba Đình, 2020), mục III.1.3; từ 1/7/2025 Ủy ban nhân dân cấp xã thực hiện nhiệm vụ của cấp huyện', 'UNCERTAIN')
) as r (owner_level, half, due_month, due_day, valid_from, valid_to, legal_basis, certainty)
-- the Hà Nội of each period: the province version before the reform for the districts, the one after for the communes
where u.level = 1 and u.code = '01'
  and (u.valid_from is null or u.valid_from <= cast(coalesce(r.valid_to, r.valid_from) as date))
  and (u.valid_to is null or u.valid_to >= cast(coalesce(r.valid_to, r.valid_from) as date));

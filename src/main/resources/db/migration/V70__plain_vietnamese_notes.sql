-- Texts that earlier migrations and the first start stored with research shorthand ("seed 003", English notes)
-- and that users read: legal-document notes, the age rule's basis, standard sources and condition notes, the plan
-- deadline note, the centre-rating framework as shipped. Rewritten in plain Vietnamese; rows an administrator has
-- already changed keep their text (each update matches the shipped wording only).

update legal_document set notes = 'Số, ngày ban hành đã kiểm chứng theo công văn của Phòng Giáo dục và Đào tạo huyện Gia Lộc (2019); ngày hiệu lực: nguồn thứ cấp.'
 where notes = 'Số, ngày ban hành đã kiểm chứng (seed 000); ngày hiệu lực: nguồn thứ cấp.';
update legal_document set notes = 'Một số văn bản địa phương ghi nhầm ngày ban hành là 06/8/2022.'
 where notes = 'Seed 002 ghi nhầm ngày 06/8/2022.';

update lit_setting set legal_basis = 'NĐ 20/2014/NĐ-CP Điều 31 (thời điểm báo cáo số liệu) — chưa đối chiếu văn bản gốc; mặc định: tuổi tròn tại ngày tính'
 where legal_basis = 'NĐ 20/2014/NĐ-CP Điều 31 (thời điểm báo cáo số liệu) — nội dung chưa đọc được; mặc định: tuổi tròn tại ngày tính';

update lit_standard set source = 'NĐ 20/2014 Điều 15 (ngưỡng lấy theo phần mềm phổ cập của đơn vị khác, chưa đối chiếu văn bản gốc)'
 where source = 'NĐ 20/2014 Điều 15 (not read; values from a third-party implementation)';
update lit_standard set source = 'NĐ 20/2014 Điều 15 (chưa đối chiếu văn bản gốc)'
 where source = 'NĐ 20/2014 Điều 15 (not read)';
update lit_standard set source = 'NĐ 277/2025/NĐ-CP (ngưỡng lấy theo phần mềm phổ cập của đơn vị khác, chưa đối chiếu văn bản gốc)'
 where source = 'NĐ 277/2025/NĐ-CP (values only from a third-party implementation)';

update lit_standard_condition set note = 'Xã có điều kiện kinh tế - xã hội đặc biệt khó khăn xét độ tuổi 15–25 thay cho 15–35.'
 where note = 'especially difficult communes use the 15-25 band instead of 15-35';
update lit_standard_condition set note = 'Xã có điều kiện kinh tế - xã hội đặc biệt khó khăn xét độ tuổi 15–35 thay cho 15–60.'
 where note = 'especially difficult communes use the 15-35 band instead of 15-60';
update lit_standard_condition set note = 'Văn bản ghi “trẻ em đến 14 tuổi” hoàn thành chương trình tiểu học.'
 where note = 'wording ''trẻ em đến 14 tuổi'' - children up to age 14 having completed primary';
update lit_standard_condition set note = 'Hoàn thành chương trình giáo dục mầm non theo từng độ tuổi, hằng năm.'
 where note = 'completion of the preschool programme for each age, per year';

update plan_deadline set note = 'Mặc định theo hướng dẫn của Phòng Giáo dục và Đào tạo (trước ngày 23 tháng 01); Sở điều chỉnh theo năm'
 where note = 'Mặc định theo hướng dẫn mẫu (seed 003: trước ngày 23 tháng 01); Sở điều chỉnh theo năm';

update eval_framework_version
   set yaml = replace(replace(yaml,
        'theo kế hoạch của Phòng GD&ĐT (seed 003)."', 'theo kế hoạch của Phòng GD&ĐT (ví dụ quận Gò Vấp, TP. Hồ Chí Minh)."'),
        'certainty: "verified (seed 003, 004)"', 'certainty: "verified (hướng dẫn của Phòng GD&ĐT quận Gò Vấp)"')
 where source = 'FILE' and code = 'centre-rating';

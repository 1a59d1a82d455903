-- Register of legal documents (R41): the bases that plans, frameworks and decisions cite.
-- scope_unit_id null: a national document; otherwise the unit (and so the province) that issued or keeps it.
create table legal_document (
    id             bigserial primary key,
    doc_type       varchar(20)  not null check (doc_type in ('LUAT', 'NGHI_QUYET', 'NGHI_DINH', 'QUYET_DINH', 'THONG_TU',
                                                             'CHI_THI', 'KE_HOACH', 'CONG_VAN', 'HUONG_DAN', 'KHAC')),
    number_symbol  varchar(80)  not null,
    title          text         not null,
    issued_on      date,
    issuer         varchar(200) not null,
    effective_from date,
    effective_to   date,
    certainty      varchar(12)  not null default 'VERIFIED' check (certainty in ('VERIFIED', 'SECONDARY', 'UNCERTAIN')),
    notes          text,
    scope_unit_id  bigint references org_unit (id),
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint legal_document_period check (effective_to is null or effective_from is null or effective_to >= effective_from)
);
create unique index legal_document_number_key on legal_document (lower(number_symbol), coalesce(scope_unit_id, 0));
create index legal_document_scope_idx on legal_document (scope_unit_id);

-- National documents the seeds and the regulation notes (shared/domain/regulations) rely on, with the
-- certainty those notes give. Administrators complete and correct them in the UI.
insert into legal_document (doc_type, number_symbol, title, issued_on, issuer, effective_from, certainty, notes) values
('NGHI_DINH', '30/2020/NĐ-CP', 'Nghị định về công tác văn thư (thể thức và kỹ thuật trình bày văn bản hành chính)', '2020-03-05', 'Chính phủ', '2020-03-05', 'VERIFIED', 'Thể thức văn bản do XHHT tạo ra (Phụ lục I).'),
('NGHI_DINH', '20/2014/NĐ-CP', 'Nghị định về phổ cập giáo dục, xóa mù chữ', '2014-03-24', 'Chính phủ', '2014-05-15', 'VERIFIED', 'Còn hiệu lực năm 2026: nguồn thứ cấp.'),
('THONG_TU', '07/2016/TT-BGDĐT', 'Quy định về điều kiện bảo đảm và nội dung, quy trình, thủ tục kiểm tra công nhận đạt chuẩn phổ cập giáo dục, xóa mù chữ', '2016-03-22', 'Bộ Giáo dục và Đào tạo', '2016-05-10', 'SECONDARY', 'Số, ngày ban hành đã kiểm chứng (seed 000); ngày hiệu lực: nguồn thứ cấp.'),
('THONG_TU', '35/2017/TT-BGDĐT', 'Quy định về quản lý, vận hành và sử dụng Hệ thống thông tin quản lý phổ cập giáo dục, xóa mù chữ', '2017-12-28', 'Bộ Giáo dục và Đào tạo', '2018-02-13', 'SECONDARY', 'Ngày hiệu lực đã kiểm chứng; số, ngày ban hành: nguồn thứ cấp.'),
('THONG_TU', '33/2021/TT-BGDĐT', 'Ban hành Chương trình xóa mù chữ', '2021-11-26', 'Bộ Giáo dục và Đào tạo', '2022-01-11', 'VERIFIED', 'Thay thế Quyết định 13/2007/QĐ-BGDĐT; nội dung: nguồn thứ cấp.'),
('THONG_TU', '10/2022/TT-BGDĐT', 'Quy định về đánh giá học viên học Chương trình xóa mù chữ', '2022-07-12', 'Bộ Giáo dục và Đào tạo', null, 'VERIFIED', 'Ngày hiệu lực chưa ghi nhận.'),
('THONG_TU', '44/2014/TT-BGDĐT', 'Quy định đánh giá, xếp loại "Cộng đồng học tập" cấp xã', '2014-12-12', 'Bộ Giáo dục và Đào tạo', null, 'VERIFIED', 'Chế độ cũ (15 tiêu chí, 100 điểm); được thay bằng Thông tư 25/2023/TT-BGDĐT — điều khoản bãi bỏ chưa được xác minh.'),
('THONG_TU', '25/2023/TT-BGDĐT', 'Quy định về đánh giá, công nhận "Cộng đồng học tập" cấp xã, huyện, tỉnh', '2023-12-27', 'Bộ Giáo dục và Đào tạo', '2024-02-12', 'SECONDARY', 'Mức độ 1 / mức độ 2; nội dung một số chỉ tiêu chưa xác định.'),
('THONG_TU', '22/2020/TT-BGDĐT', 'Quy định về tiêu chí đánh giá, xếp loại "Đơn vị học tập" cấp huyện, tỉnh', '2020-08-06', 'Bộ Giáo dục và Đào tạo', '2020-09-21', 'SECONDARY', 'Seed 002 ghi nhầm ngày 06/8/2022.'),
('THONG_TU', '24/2023/TT-BGDĐT', 'Quy định về đánh giá, công nhận "Đơn vị học tập" cấp huyện, tỉnh', '2023-12-11', 'Bộ Giáo dục và Đào tạo', null, 'SECONDARY', 'Ngày hiệu lực chưa ghi nhận.'),
('QUYET_DINH', '281/QĐ-TTg', 'Phê duyệt Đề án "Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng"', '2014-02-20', 'Thủ tướng Chính phủ', '2014-02-20', 'VERIFIED', null),
('QUYET_DINH', '09/2008/QĐ-BGDĐT', 'Ban hành Quy chế tổ chức và hoạt động của trung tâm học tập cộng đồng tại xã, phường, thị trấn', null, 'Bộ Giáo dục và Đào tạo', null, 'SECONDARY', 'Sửa đổi bởi Thông tư 40/2010/TT-BGDĐT; ngày ban hành chưa ghi nhận.'),
('QUYET_DINH', '188/1999/QĐ-TTg', 'Về việc thực hiện chế độ tuần làm việc 40 giờ', '1999-09-17', 'Thủ tướng Chính phủ', null, 'VERIFIED', 'Nghỉ thứ Bảy và Chủ nhật: căn cứ tính ngày làm việc.'),
('NGHI_DINH', '142/2025/NĐ-CP', 'Quy định phân định thẩm quyền của chính quyền địa phương 2 cấp trong lĩnh vực quản lý nhà nước của Bộ Giáo dục và Đào tạo', '2025-06-12', 'Chính phủ', '2025-07-01', 'SECONDARY', 'Thẩm quyền công nhận sau 01/7/2025: chưa xác định cho từng thủ tục.');

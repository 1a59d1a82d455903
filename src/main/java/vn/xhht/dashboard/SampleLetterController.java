package vn.xhht.dashboard;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.document.VietnameseNames;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.VietnamClock;

/**
 * A sample official letter from the user's unit to the level above, as .pdf or .docx: shows the document
 * component (NĐ 30/2020 layout) that plans, decisions and reports will use.
 */
@Controller
class SampleLetterController {

    private final OrgUnitDirectory units;
    private final DocumentRenderer renderer;
    private final VietnamClock clock;

    SampleLetterController(OrgUnitDirectory units, DocumentRenderer renderer, VietnamClock clock) {
        this.units = units;
        this.renderer = renderer;
        this.clock = clock;
    }

    @GetMapping("/documents")
    String page() {
        return "documents";
    }

    @GetMapping("/documents/sample-letter.{format}")
    void letter(@PathVariable String format, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = units.require(user.unitId());
        OfficialDocument doc = sample(unit, units.ancestors(unit), user, clock.today());
        renderer.download(doc, format, "cong-van-mau", response);
    }

    static OfficialDocument sample(OrgUnit unit, List<OrgUnit> ancestors, CurrentUser user, LocalDate today) {
        OrgUnit parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
        // NĐ 30/2020: a People's Committee writes its own name in full and has no parent-body line
        String issuer = unit.level() == OrgUnit.NATION ? "BỘ GIÁO DỤC VÀ ĐÀO TẠO" : "ỦY BAN NHÂN DÂN " + unit.name().toUpperCase(java.util.Locale.forLanguageTag("vi"));
        String parentAuthority = null;
        String place = VietnameseNames.place(unit.name());
        String addressee = parent == null || parent.level() == OrgUnit.NATION ? "Bộ Giáo dục và Đào tạo"
                : VietnameseNames.educationAgency(parent.level(), parent.name());
        return new OfficialDocument(parentAuthority, issuer, "Số:      /UBND-VX", place, today, null,
                "V/v báo cáo kết quả hoạt động giáo dục thường xuyên, xây dựng xã hội học tập",
                List.of(new OfficialDocument.Paragraph("Kính gửi: " + addressee + "."),
                        new OfficialDocument.Paragraph("Thực hiện chỉ đạo của cấp trên về xây dựng xã hội học tập, " + VietnameseNames.peoplesCommittee(unit.name())
                                + " báo cáo kết quả hoạt động của Trung tâm học tập cộng đồng như sau:"),
                        new OfficialDocument.Heading("I.", "KẾT QUẢ THỰC HIỆN"),
                        new OfficialDocument.Table(List.of("TT", "Nội dung", "Đơn vị tính", "Kết quả"), List.of(
                                List.of("1", "Chuyên đề đã tổ chức", "chuyên đề", ""),
                                List.of("2", "Lượt người tham gia", "lượt người", ""),
                                List.of("3", "Lớp xóa mù chữ", "lớp", ""))),
                        new OfficialDocument.Heading("II.", "KHÓ KHĂN, ĐỀ XUẤT"),
                        new OfficialDocument.Paragraph("(Văn bản mẫu do XHHT tạo theo thể thức Nghị định 30/2020/NĐ-CP; số liệu sẽ được điền tự động khi các phân hệ báo cáo hoạt động.)")),
                List.of("- Như trên;", "- Lưu: VT."),
                new OfficialDocument.Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", user.fullName()));
    }
}

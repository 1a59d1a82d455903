package vn.xhht.oversight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.xhht.document.OfficialDocument;
import vn.xhht.document.OfficialDocument.Heading;
import vn.xhht.document.OfficialDocument.Paragraph;
import vn.xhht.document.OfficialDocument.Signature;
import vn.xhht.document.OfficialDocument.Table;
import vn.xhht.document.VietnameseNames;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.oversight.Inspection.Finding;
import vn.xhht.oversight.Inspection.Member;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.VietnamClock;

/**
 * The inspection's documents in the Nghị định 30/2020 layout, for the project's one renderer: the yearly inspection
 * plan, the minutes (biên bản kiểm tra), the conclusion (kết luận kiểm tra) and the sanction decision. The issuing
 * body is the agency of the user who downloads (the office that inspects); the text comes from the recorded data
 * only, and what was not recorded stays a dotted blank to fill by hand, never an invented value.
 */
@Component
class OversightDocuments {

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String BLANK = "……………";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final OrgUnitDirectory units;
    private final OversightRules rules;
    private final VietnamClock clock;

    OversightDocuments(OrgUnitDirectory units, OversightRules rules, VietnamClock clock) {
        this.units = units;
        this.rules = rules;
        this.clock = clock;
    }

    OfficialDocument plan(CurrentUser user, int year, List<Inspection> inspections, Map<Long, List<Member>> teams) {
        OrgUnit office = units.require(user.unitId());
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Heading("I.", "MỤC ĐÍCH, YÊU CẦU"));
        blocks.add(new Paragraph("Kiểm tra việc chấp hành quy định về tổ chức và hoạt động của các cơ sở giáo dục ngoài nhà trường và các trung tâm "
                + "học tập cộng đồng trên địa bàn năm " + year + "; kịp thời chấn chỉnh, xử lý vi phạm theo quy định."));
        blocks.add(new Heading("II.", "ĐỐI TƯỢNG, THỜI GIAN, THÀNH PHẦN ĐOÀN KIỂM TRA"));
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        // the plan reads in date order; the list page shows the latest first
        List<Inspection> ordered = inspections.stream().sorted(java.util.Comparator.comparing(Inspection::date).thenComparing(Inspection::id)).toList();
        for (Inspection i : ordered) {
            rows.add(List.of(String.valueOf(++n), i.subjectName(), i.unitName(), i.date().format(DMY), team(teams.getOrDefault(i.id(), List.of()))));
        }
        if (rows.isEmpty()) {
            blocks.add(new Paragraph("Chưa có cuộc kiểm tra nào được ghi cho năm " + year + "."));
        } else {
            blocks.add(new Table(List.of("STT", "Đối tượng kiểm tra", "Địa bàn", "Thời gian", "Thành phần đoàn"), rows));
        }
        blocks.add(new Heading("III.", "NỘI DUNG KIỂM TRA"));
        blocks.add(new Paragraph("1. Đối với cơ sở giáo dục ngoài nhà trường:"));
        rules.checkItems(Inspection.SubjectType.ESTABLISHMENT.name()).forEach(c -> blocks.add(new Paragraph("- " + c.title() + " (" + c.legalBasis() + ");")));
        blocks.add(new Paragraph("2. Đối với trung tâm học tập cộng đồng:"));
        rules.checkItems(Inspection.SubjectType.CENTRE.name()).forEach(c -> blocks.add(new Paragraph("- " + c.title() + " (" + c.legalBasis() + ");")));
        blocks.add(new Heading("IV.", "TỔ CHỨC THỰC HIỆN"));
        blocks.add(new Paragraph("Đoàn kiểm tra lập biên bản từng cuộc kiểm tra, ban hành kết luận kiểm tra; trường hợp có vi phạm, đề nghị người có "
                + "thẩm quyền xử phạt theo quy định và theo dõi việc khắc phục."));
        return new OfficialDocument(parent(office), issuer(office), "Số:      /KH-" + symbol(office), place(office), clock.today(), "KẾ HOẠCH",
                "Kiểm tra các cơ sở giáo dục ngoài nhà trường và trung tâm học tập cộng đồng năm " + year, blocks,
                List.of("- Các cơ sở được kiểm tra;", "- Thành viên đoàn kiểm tra;", "- Lưu: VT."), new Signature(null, head(office), ""));
    }

    OfficialDocument minutes(CurrentUser user, Inspection i) {
        OrgUnit office = units.require(user.unitId());
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Hôm nay, ngày " + i.date().format(DMY) + ", tại " + i.subjectName() + " (" + i.unitName() + "), đoàn kiểm tra của "
                + VietnameseNames.educationAgency(office.level(), office.name()) + " tiến hành kiểm tra " + i.subjectName() + "."));
        blocks.add(new Heading("I.", "THÀNH PHẦN"));
        blocks.add(new Paragraph("1. Đoàn kiểm tra:"));
        blocks.add(teamTable(i.team()));
        blocks.add(new Paragraph("2. Đại diện " + (i.subjectType() == Inspection.SubjectType.CENTRE ? "trung tâm" : "cơ sở") + " được kiểm tra: " + BLANK));
        blocks.add(new Heading("II.", "KẾT QUẢ KIỂM TRA"));
        blocks.add(findingsTable(i.findings()));
        blocks.add(new Heading("III.", "YÊU CẦU KHẮC PHỤC"));
        addRemedies(blocks, i.findings());
        blocks.add(new Paragraph("Biên bản được lập thành hai bản có giá trị như nhau, đã đọc lại cho các thành phần cùng nghe và thống nhất ký tên."));
        blocks.add(new Table(List.of("ĐẠI DIỆN " + (i.subjectType() == Inspection.SubjectType.CENTRE ? "TRUNG TÂM" : "CƠ SỞ") + " ĐƯỢC KIỂM TRA",
                "TRƯỞNG ĐOÀN KIỂM TRA"), List.of(List.of("(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)"), List.of("", leader(i.team())))));
        return new OfficialDocument(parent(office), issuer(office), "Số:      /BB-ĐKT", VietnameseNames.place(i.unitName()), i.date(), "BIÊN BẢN",
                "Kiểm tra " + lowerFirst(i.subjectName()), blocks, List.of(), null);
    }

    OfficialDocument conclusion(CurrentUser user, Inspection i) {
        OrgUnit office = units.require(user.unitId());
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Căn cứ Kế hoạch kiểm tra năm " + i.planYear() + ";"));
        blocks.add(new Paragraph("Căn cứ Biên bản kiểm tra ngày " + i.date().format(DMY) + " của đoàn kiểm tra;"));
        blocks.add(new Paragraph(issuerInSentence(office) + " kết luận kiểm tra " + i.subjectName() + " (" + i.unitName() + ") như sau:"));
        blocks.add(new Heading("I.", "KẾT QUẢ KIỂM TRA"));
        blocks.add(findingsTable(i.findings()));
        blocks.add(new Heading("II.", "KẾT LUẬN"));
        blocks.add(new Paragraph(i.conclusion() == null || i.conclusion().isBlank() ? BLANK : i.conclusion()));
        long violations = i.findings().stream().filter(f -> f.violationCode() != null).count();
        blocks.add(new Paragraph(violations == 0 ? "Qua kiểm tra, đoàn không phát hiện hành vi vi phạm."
                : "Qua kiểm tra, đoàn phát hiện " + violations + " hành vi vi phạm" + (i.sanction() == null ? "." : "; đã bị xử phạt theo Quyết định số "
                + i.sanction().number() + " ngày " + i.sanction().decidedOn().format(DMY) + " của " + i.sanction().authority() + ".")));
        blocks.add(new Heading("III.", "KIẾN NGHỊ, YÊU CẦU"));
        addRemedies(blocks, i.findings());
        return new OfficialDocument(parent(office), issuer(office), "Số:      /KL-" + symbol(office), place(office), clock.today(), "KẾT LUẬN",
                "Kiểm tra " + lowerFirst(i.subjectName()), blocks,
                List.of("- " + i.subjectName() + ";", "- " + VietnameseNames.peoplesCommittee(i.unitName()) + ";", "- Lưu: VT, hồ sơ kiểm tra."),
                new Signature(null, head(office), ""));
    }

    /** Only an inspection with a recorded sanction has a decision. */
    OfficialDocument sanctionDecision(CurrentUser user, Inspection i, Establishment e) {
        OrgUnit office = units.require(user.unitId());
        Inspection.Sanction s = i.sanction();
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        List<OversightRules.ViolationType> types = i.findings().stream().filter(f -> f.violationCode() != null)
                .map(f -> rules.violationType(f.violationCode()).orElse(null)).filter(java.util.Objects::nonNull).distinct().toList();
        blocks.add(new Paragraph("Căn cứ Luật Xử lý vi phạm hành chính;"));
        types.stream().map(OversightRules.ViolationType::legalBasis).distinct().forEach(b -> blocks.add(new Paragraph("Căn cứ " + b + ";")));
        blocks.add(new Paragraph("Căn cứ Biên bản kiểm tra ngày " + i.date().format(DMY) + ";"));
        blocks.add(new Paragraph(s.authority() + " quyết định:"));
        blocks.add(new Heading("Điều 1.", "Xử phạt vi phạm hành chính đối với "
                + (s.offenderKind() == Establishment.OwnerKind.INDIVIDUAL ? "cá nhân" : "tổ chức") + " có tên sau đây:"));
        blocks.add(new Paragraph("Tên: " + (e != null && e.owner() != null ? e.owner() + " (" + i.subjectName() + ")" : i.subjectName()) + "."));
        blocks.add(new Paragraph("Địa chỉ: " + (e == null ? BLANK : e.address() + ", " + i.unitName()) + "."));
        blocks.add(new Paragraph("1. Đã thực hiện hành vi vi phạm hành chính:"));
        for (Finding f : i.findings()) {
            if (f.violationCode() != null) {
                String basis = rules.violationType(f.violationCode()).map(OversightRules.ViolationType::legalBasis).orElse("");
                blocks.add(new Paragraph("- " + f.violationDescription() + (basis.isEmpty() ? "" : ", quy định tại " + basis) + ";"));
            }
        }
        blocks.add(new Paragraph("2. Hình thức xử phạt chính: phạt tiền " + Inspections.vnd(s.fineVnd()) + " đồng."));
        List<String> extra = types.stream().map(OversightRules.ViolationType::extraMeasures).filter(m -> m != null && !m.isBlank()).toList();
        blocks.add(new Paragraph("3. Biện pháp khắc phục hậu quả: " + (extra.isEmpty() ? "không." : String.join("; ", extra) + ".")));
        blocks.add(new Heading("Điều 2.", "Quyết định này có hiệu lực thi hành kể từ ngày ký."));
        blocks.add(new Paragraph("Tổ chức, cá nhân bị xử phạt phải nghiêm chỉnh chấp hành Quyết định này và nộp tiền phạt trong thời hạn do Luật Xử lý vi phạm "
                + "hành chính quy định; quá thời hạn mà không chấp hành thì bị cưỡng chế thi hành theo quy định của pháp luật."));
        blocks.add(new Heading("Điều 3.", "Quyết định này được giao cho " + i.subjectName() + " để chấp hành."));
        return new OfficialDocument(parent(office), issuer(office), "Số: " + s.number(), place(office), s.decidedOn(), "QUYẾT ĐỊNH",
                "Xử phạt vi phạm hành chính", blocks, List.of("- Như Điều 3;", "- Lưu: VT, hồ sơ."), new Signature(null, position(s.authority()), ""));
    }

    private Table teamTable(List<Member> team) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Member m : team) {
            rows.add(List.of(String.valueOf(++n), m.fullName(), m.position() == null ? "" : m.position(), m.agency()));
        }
        if (rows.isEmpty()) {
            rows.add(List.of("1", BLANK, "", ""));
        }
        return new Table(List.of("STT", "Họ và tên", "Chức vụ trong đoàn", "Cơ quan"), rows);
    }

    private static Table findingsTable(List<Finding> findings) {
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(List.of(f.itemNo() == null ? "" : String.valueOf(f.itemNo()), f.itemTitle() == null ? "Nội dung khác" : f.itemTitle(),
                    f.note() == null ? "" : f.note(), f.violationDescription() == null ? "Không" : f.violationDescription()));
        }
        if (rows.isEmpty()) {
            rows.add(List.of("", "Chưa ghi kết quả kiểm tra", "", ""));
        }
        return new Table(List.of("Mục", "Nội dung kiểm tra", "Kết quả, nhận xét", "Vi phạm"), rows);
    }

    private static void addRemedies(List<OfficialDocument.Block> blocks, List<Finding> findings) {
        List<Finding> remedies = findings.stream().filter(f -> f.remedy() != null).toList();
        if (remedies.isEmpty()) {
            blocks.add(new Paragraph("Không có yêu cầu khắc phục."));
            return;
        }
        for (Finding f : remedies) {
            blocks.add(new Paragraph("- " + f.remedy() + (f.remedyDue() == null ? "" : ": hoàn thành trong " + f.remedyWorkingDays()
                    + " ngày làm việc, chậm nhất ngày " + f.remedyDue().format(DMY)) + (f.resolvedOn() == null ? "." : " (đã khắc phục ngày "
                    + f.resolvedOn().format(DMY) + ").")));
        }
    }

    private static String team(List<Member> team) {
        return team.isEmpty() ? "" : String.join("; ", team.stream().map(m -> m.fullName() + " (" + m.agency() + ")").toList());
    }

    private static String leader(List<Member> team) {
        return team.isEmpty() ? "" : team.get(0).fullName();
    }

    /** The body of the office: "SỞ GIÁO DỤC VÀ ĐÀO TẠO" under "ỦY BAN NHÂN DÂN TỈNH …"; a commune issues itself. */
    static String issuer(OrgUnit office) {
        if (office.level() == OrgUnit.PROVINCE) {
            return "SỞ GIÁO DỤC VÀ ĐÀO TẠO";
        }
        if (office.level() == OrgUnit.DISTRICT) {
            return "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO";
        }
        if (office.level() == OrgUnit.NATION) {
            return "BỘ GIÁO DỤC VÀ ĐÀO TẠO";
        }
        return "ỦY BAN NHÂN DÂN " + office.name().toUpperCase(VI);
    }

    static String parent(OrgUnit office) {
        return office.level() == OrgUnit.PROVINCE || office.level() == OrgUnit.DISTRICT ? "ỦY BAN NHÂN DÂN " + office.name().toUpperCase(VI) : null;
    }

    private static String issuerInSentence(OrgUnit office) {
        return office.level() == OrgUnit.NATION ? "Bộ Giáo dục và Đào tạo" : VietnameseNames.educationAgency(office.level(), office.name());
    }

    private static String symbol(OrgUnit office) {
        return switch (office.level()) {
            case OrgUnit.PROVINCE -> "SGDĐT";
            case OrgUnit.DISTRICT -> "PGDĐT";
            case OrgUnit.NATION -> "BGDĐT";
            default -> "UBND";
        };
    }

    private static String head(OrgUnit office) {
        return switch (office.level()) {
            case OrgUnit.PROVINCE, OrgUnit.NATION -> "GIÁM ĐỐC";
            case OrgUnit.DISTRICT -> "TRƯỞNG PHÒNG";
            default -> "CHỦ TỊCH";
        };
    }

    /** The signer's position from the authority typed with the decision ("Chánh Thanh tra Sở" → "CHÁNH THANH TRA SỞ"). */
    private static String position(String authority) {
        return authority == null ? "" : authority.toUpperCase(VI);
    }

    private static String place(OrgUnit office) {
        return VietnameseNames.place(office.name());
    }

    private static String lowerFirst(String name) {
        return name == null || name.isEmpty() ? "" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

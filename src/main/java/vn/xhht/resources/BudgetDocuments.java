package vn.xhht.resources;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.document.OfficialDocument;
import vn.xhht.review.Review;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

/**
 * A centre's budget documents in the layout of Nghị định 30/2020/NĐ-CP: the estimate (dự toán thu, chi) the centre
 * submits to the commune chairman (TT 344/2016/TT-BTC Điều 16) and the settlement report (báo cáo quyết toán) of
 * the year. Always in Vietnamese: these are official papers whatever language the page is read in.
 */
@Service
@Transactional(readOnly = true)
public class BudgetDocuments {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final BudgetService budgets;
    private final MessageSource messages;
    private final VietnamClock clock;

    BudgetDocuments(BudgetService budgets, MessageSource messages, VietnamClock clock) {
        this.budgets = budgets;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code kind}: estimate or settlement; the file's base name goes with it. */
    public record Named(OfficialDocument document, String baseName) {
    }

    public Named document(CurrentUser user, long budgetId, String kind) {
        Budget b = budgets.require(user, budgetId);
        return switch (kind) {
            case "estimate" -> new Named(estimate(b), "du-toan-thu-chi-" + b.year());
            case "settlement" -> new Named(settlement(b), "bao-cao-quyet-toan-" + b.year());
            default -> throw new NotFoundProblem("error.404.text");
        };
    }

    OfficialDocument estimate(Budget b) {
        Budget.Totals t = b.totals();
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new OfficialDocument.Paragraph("Căn cứ Thông tư số 96/2008/TT-BTC ngày 27/10/2008 của Bộ Tài chính hướng dẫn việc hỗ trợ kinh phí "
                + "từ ngân sách nhà nước cho trung tâm học tập cộng đồng; Thông tư số 344/2016/TT-BTC ngày 30/12/2016 của Bộ Tài chính quy định "
                + "về quản lý ngân sách xã và các hoạt động tài chính khác của xã, phường, thị trấn;"));
        blocks.add(new OfficialDocument.Paragraph(b.centreName() + " lập dự toán thu, chi năm " + b.year() + " như sau:"));
        blocks.add(new OfficialDocument.Heading("I", "DỰ TOÁN THU THEO NGUỒN"));
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Budget.BySource s : t.bySource()) {
            rows.add(List.of(String.valueOf(i++), source(s.source()), Money.format(s.estimated())));
        }
        rows.add(List.of("", "Tổng thu", Money.format(t.estimatedRevenue())));
        blocks.add(new OfficialDocument.Table(List.of("TT", "Nguồn thu", "Dự toán (đồng)"), rows));
        blocks.add(new OfficialDocument.Heading("II", "DỰ TOÁN CHI THEO MỤC"));
        rows = new ArrayList<>();
        i = 1;
        for (Budget.ByCategory c : t.byCategory()) {
            rows.add(List.of(String.valueOf(i++), c.name(), Money.format(c.estimated())));
        }
        rows.add(List.of("", "Tổng chi", Money.format(t.estimatedSpending())));
        blocks.add(new OfficialDocument.Table(List.of("TT", "Mục chi", "Dự toán (đồng)"), rows));
        Review r = budgets.review(b.id());
        blocks.add(new OfficialDocument.Paragraph(r.status() == Review.Status.APPROVED
                ? "Dự toán đã được Chủ tịch Ủy ban nhân dân " + lowerFirst(b.communeName()) + " phê duyệt" + on(r.decidedAt()) + "."
                : "Kính trình Chủ tịch Ủy ban nhân dân " + lowerFirst(b.communeName()) + " xem xét, phê duyệt."));
        return new OfficialDocument("UBND " + b.communeName().toUpperCase(VI), b.centreName().toUpperCase(VI), "Số:      /DT-TTHTCĐ",
                place(b), clock.today(), "DỰ TOÁN", "Thu, chi ngân sách năm " + b.year(), blocks,
                List.of("- Chủ tịch UBND " + lowerFirst(b.communeName()) + ";", "- Bộ phận tài chính - kế toán xã;", "- Lưu: TTHTCĐ."),
                new OfficialDocument.Signature(null, "GIÁM ĐỐC", ""));
    }

    OfficialDocument settlement(Budget b) {
        Budget.Totals t = b.totals();
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new OfficialDocument.Paragraph("Thực hiện Thông tư số 344/2016/TT-BTC ngày 30/12/2016 của Bộ Tài chính, " + b.centreName()
                + " báo cáo quyết toán thu, chi năm " + b.year() + " như sau:"));
        blocks.add(new OfficialDocument.Heading("I", "THU THEO NGUỒN"));
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Budget.BySource s : t.bySource()) {
            rows.add(List.of(String.valueOf(i++), source(s.source()), Money.format(s.estimated()), Money.format(s.allocated()), Money.format(s.received())));
        }
        rows.add(List.of("", "Tổng cộng", Money.format(t.estimatedRevenue()), Money.format(t.allocated()), Money.format(t.received())));
        blocks.add(new OfficialDocument.Table(List.of("TT", "Nguồn thu", "Dự toán", "Được giao", "Thực nhận"), rows));
        blocks.add(new OfficialDocument.Heading("II", "CHI THEO MỤC"));
        rows = new ArrayList<>();
        i = 1;
        for (Budget.ByCategory c : t.byCategory()) {
            rows.add(List.of(String.valueOf(i++), c.name(), Money.format(c.estimated()), Money.format(c.spent())));
        }
        rows.add(List.of("", "Tổng cộng", Money.format(t.estimatedSpending()), Money.format(t.spent())));
        blocks.add(new OfficialDocument.Table(List.of("TT", "Mục chi", "Dự toán", "Thực chi"), rows));
        long balance = t.received() - t.spent();
        blocks.add(new OfficialDocument.Heading("III", "CÂN ĐỐI"));
        blocks.add(new OfficialDocument.Paragraph(balance >= 0
                ? "Thực nhận " + Money.format(t.received()) + " đồng, thực chi " + Money.format(t.spent()) + " đồng, còn lại " + Money.format(balance) + " đồng."
                : "Thực nhận " + Money.format(t.received()) + " đồng, thực chi " + Money.format(t.spent()) + " đồng, chi vượt số thực nhận "
                        + Money.format(-balance) + " đồng."));
        blocks.add(new OfficialDocument.Paragraph(b.settlementLocked()
                ? "Số liệu quyết toán đã được khoá" + on(b.settlementLockedAt()) + "."
                : "Số liệu chưa khoá quyết toán, có thể còn thay đổi."));
        return new OfficialDocument("UBND " + b.communeName().toUpperCase(VI), b.centreName().toUpperCase(VI), "Số:      /BC-TTHTCĐ",
                place(b), clock.today(), "BÁO CÁO", "Quyết toán thu, chi năm " + b.year(), blocks,
                List.of("- Chủ tịch UBND " + lowerFirst(b.communeName()) + ";", "- Bộ phận tài chính - kế toán xã;", "- Lưu: TTHTCĐ."),
                new OfficialDocument.Signature(null, "GIÁM ĐỐC", ""));
    }

    private String source(Budget.Source s) {
        return messages.getMessage("budget.source." + s.name(), null, s.name(), VI);
    }

    private static String on(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        LocalDate d = t.atZoneSameInstant(VietnamClock.ZONE).toLocalDate();
        return " ngày " + String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String place(Budget b) {
        String n = b.communeName();
        for (String prefix : List.of("Xã ", "Phường ", "Thị trấn ", "Đặc khu ")) {
            if (n.startsWith(prefix)) {
                return n.substring(prefix.length());
            }
        }
        return n;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}

package vn.xhht.resources;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import vn.xhht.review.Review;

/**
 * A centre's budget of one year: the estimate the commune chairman approves, then allocation, receipts, spending
 * and settlement as lines in whole đồng. {@code lines} is null for readers who see totals only (the study-promotion
 * association).
 */
@Schema(name = "Budget", description = "Ngân sách năm của một trung tâm. / A centre's budget of one year.")
public record Budget(long id, long centreId, String centreName, long communeId, String communeName, int year,
                     Review.Status status, boolean settlementLocked, OffsetDateTime settlementLockedAt,
                     Totals totals, @Schema(description = "Các dòng; không có với người chỉ xem tổng. / Lines; absent for totals-only readers.")
                     List<Line> lines, long version) {

    public enum Stage { ESTIMATE, ALLOCATION, RECEIPT, SPENDING, SETTLEMENT }

    public enum Source { STATE_SUPPORT, COMMUNE_BUDGET, CONTRIBUTIONS, PAID_ACTIVITIES, DONORS }

    /** One amount: with a category it is spending (planned or actual), without one it is revenue by source. */
    @Schema(name = "BudgetLine")
    public record Line(long id, Stage stage, Source source, String category, String categoryName, long amountVnd,
                       LocalDate date, Long activityId, String description,
                       @Schema(description = "Lớp xóa mù chữ của xã mà khoản chi dùng cho. / The commune's literacy class the spending paid for.")
                       Long classId,
                       @Schema(description = "Đợt tập huấn mà khoản chi dùng cho. / The training event the spending paid for.")
                       Long trainingId,
                       @Schema(description = "Tài sản của trung tâm mà khoản chi mua hoặc sửa. / The centre's asset the spending bought or repaired.")
                       Long assetId) {

        /** What the line is linked to, if anything. */
        public Link link() {
            if (activityId != null) {
                return new Link(LinkKind.ACTIVITY, activityId);
            }
            if (classId != null) {
                return new Link(LinkKind.CLASS, classId);
            }
            if (trainingId != null) {
                return new Link(LinkKind.TRAINING, trainingId);
            }
            return assetId == null ? null : new Link(LinkKind.ASSET, assetId);
        }
    }

    public enum LinkKind { ACTIVITY, CLASS, TRAINING, ASSET }

    /** Where a spending line belongs: one activity, literacy class, training event or asset. */
    public record Link(LinkKind kind, long id) {
        /** The form's value, "ACTIVITY:12". */
        public String key() {
            return kind.name() + ":" + id;
        }
    }

    @Schema(name = "BudgetTotals", description = "Tổng theo giai đoạn, nguồn và mục chi (đồng). / Totals in đồng.")
    public record Totals(long estimatedRevenue, long estimatedSpending, long allocated, long received, long spent, long settled,
                         List<BySource> bySource, List<ByCategory> byCategory) {
    }

    @Schema(name = "BudgetBySource")
    public record BySource(Source source, long estimated, long allocated, long received) {
    }

    @Schema(name = "BudgetByCategory")
    public record ByCategory(String category, String name, long estimated, long spent) {
    }
}

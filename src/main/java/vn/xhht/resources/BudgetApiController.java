package vn.xhht.resources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.review.Review;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ngân sách trung tâm / Centre budgets")
class BudgetApiController {

    @Schema(name = "BudgetCreateRequest")
    record CreateBudget(@Schema(description = "Năm ngân sách, từ 2000 đến năm nay + 2. / Budget year, 2000 to this year + 2.",
            example = "2027", requiredMode = Schema.RequiredMode.REQUIRED) Integer year) {
    }

    @Schema(name = "BudgetLineRequest")
    record LineRequest(
            @Schema(description = "Giai đoạn. / Stage.", requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"ESTIMATE", "ALLOCATION", "RECEIPT", "SPENDING", "SETTLEMENT"}) String stage,
            @Schema(description = "Nguồn thu (bắt buộc với giao dự toán và thực nhận). / Revenue source (required for ALLOCATION and RECEIPT).",
                    allowableValues = {"STATE_SUPPORT", "COMMUNE_BUDGET", "CONTRIBUTIONS", "PAID_ACTIVITIES", "DONORS"}) String source,
            @Schema(description = "Mã mục chi trong danh mục (bắt buộc với khoản chi). / Spending category code (required for SPENDING).",
                    example = "MATERIALS", maxLength = 40) String category,
            @Schema(description = "Số tiền, đồng, số nguyên không âm. / Amount in whole đồng, not negative.", type = "integer",
                    format = "int64", minimum = "0", maximum = "999999999999", example = "1500000",
                    requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amountVnd,
            @Schema(description = "Hoạt động của chính trung tâm mà khoản chi dùng cho. / An activity of the same centre the spending paid for.")
            Long activityId,
            @Schema(description = "Lớp xóa mù chữ của chính xã mà khoản chi dùng cho. / A literacy class of the same commune the spending paid for.")
            Long classId,
            @Schema(description = "Đợt tập huấn do xã tổ chức hoặc người của trung tâm đã dự. / A training the commune organised or the centre's people attended.")
            Long trainingId,
            @Schema(description = "Tài sản của chính trung tâm mà khoản chi mua hoặc sửa. / An asset of the same centre the spending bought or repaired.")
            Long assetId,
            @Schema(description = "Ngày chứng từ. / Date of the line.", example = "2027-03-15", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate date,
            @Schema(description = "Diễn giải. / Description.", maxLength = 500, example = "Mua sách cho tủ sách") String description) {
    }

    @Schema(name = "BudgetDecision")
    record Decision(@Schema(description = "Ý kiến khi duyệt hoặc trả lại. / Comment when approving or returning.", maxLength = 2000,
            example = "Bổ sung dự toán chi tập huấn") String comment) {
    }

    private final BudgetService budgets;
    private final BudgetSummaries summaries;
    private final SpendingCheck spendingCheck;

    BudgetApiController(BudgetService budgets, BudgetSummaries summaries, SpendingCheck spendingCheck) {
        this.budgets = budgets;
        this.summaries = summaries;
        this.spendingCheck = spendingCheck;
    }

    @GetMapping("/budgets/{id}/check")
    @Operation(operationId = "checkBudgetSpending", summary = "Kiểm tra chi tiêu so với dự toán",
            description = "Spending against the estimate (per category and in total) and the allocation, with the cost per participation of the year.")
    SpendingCheck.Result check(@PathVariable long id) {
        return spendingCheck.check(CurrentUsers.require(), id);
    }

    @GetMapping("/centres/{id}/budgets")
    @Operation(operationId = "listCentreBudgets", summary = "Ngân sách các năm của một trung tâm", description = "The budgets of a centre, latest year first.")
    List<Budget> list(@PathVariable long id) {
        return budgets.ofCentre(CurrentUsers.require(), id);
    }

    @PostMapping("/centres/{id}/budgets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createBudget", summary = "Lập ngân sách năm của trung tâm",
            description = "Starts a centre's budget (the estimate as a draft) for a year.")
    Budget create(@PathVariable long id, @RequestBody CreateBudget body) {
        return budgets.create(CurrentUsers.require(), id, body == null ? null : body.year());
    }

    @GetMapping("/budgets/{id}")
    @Operation(operationId = "getBudget", summary = "Xem ngân sách", description = "One budget with its totals and lines (totals only for the study-promotion association).")
    Budget get(@PathVariable long id) {
        return budgets.require(CurrentUsers.require(), id);
    }

    @PostMapping("/budgets/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addBudgetLine", summary = "Thêm dòng dự toán, giao, thu, chi hoặc quyết toán",
            description = "Adds one line. Spending needs a category; lines after the settlement lock are refused.")
    Budget.Line addLine(@PathVariable long id, @RequestBody LineRequest body) {
        CurrentUser user = CurrentUsers.require();
        LineRequest b = body == null ? new LineRequest(null, null, null, null, null, null, null, null, null, null) : body;
        return budgets.addLine(user, id, new BudgetService.LineInput(b.stage(), b.source(), b.category(), b.amountVnd(),
                b.date() == null ? null : b.date().toString(), b.activityId(), b.description(), b.classId(), b.trainingId(),
                b.assetId()));
    }

    @PostMapping("/budgets/{id}/submit")
    @Operation(operationId = "submitBudget", summary = "Trình dự toán để Chủ tịch UBND xã phê duyệt", description = "Submits the estimate.")
    Review submit(@PathVariable long id) {
        return budgets.submit(CurrentUsers.require(), id);
    }

    @PostMapping("/budgets/{id}/approve")
    @Operation(operationId = "approveBudget", summary = "Phê duyệt dự toán",
            description = "The commune (for its chairman, TT 344/2016 art. 16) approves; not by the person who submitted.")
    Review approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return budgets.approve(CurrentUsers.require(), id, body == null ? null : body.comment());
    }

    @PostMapping("/budgets/{id}/return")
    @Operation(operationId = "returnBudget", summary = "Trả lại dự toán để sửa", description = "Returns the estimate with a comment.")
    Review returnBudget(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return budgets.returnWithComment(CurrentUsers.require(), id, body == null ? null : body.comment());
    }

    @PostMapping("/budgets/{id}/settlement")
    @Operation(operationId = "lockBudgetSettlement", summary = "Khoá quyết toán", description = "Locks the year: no line is added after it.")
    Budget lock(@PathVariable long id) {
        return budgets.lockSettlement(CurrentUsers.require(), id);
    }

    @GetMapping("/budgets/summary")
    @Operation(operationId = "budgetSummary", summary = "Tổng hợp ngân sách theo đơn vị",
            description = "Estimate, allocation, receipts and spending of the centres under a unit for a year, by source and category.")
    BudgetSummaries.Summary summary(@Parameter(description = "Đơn vị (xã, tỉnh…). / Unit.") @RequestParam long unitId,
                                    @Parameter(description = "Năm ngân sách. / Budget year.") @RequestParam int year) {
        return summaries.summary(CurrentUsers.require(), unitId, BudgetYears.checked(year));
    }
}

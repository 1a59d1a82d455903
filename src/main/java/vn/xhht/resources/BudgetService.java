package vn.xhht.resources;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.centre.Activity;
import vn.xhht.centre.ActivityService;
import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRecordLookup;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.literacy.LiteracyClassLookup;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.VietnamClock;

/**
 * Centre budgets (R36). The centre (its commune's officer) makes the estimate; the commune chairman approves it
 * (TT 344/2016/TT-BTC Điều 16) through the review workflow, within the commune and by another person than the one
 * who submitted. After approval the centre records allocation, receipts and spending; the settlement lock ends the
 * year: nothing is added after it.
 */
@Service
@Transactional
public class BudgetService {

    public static final String SUBJECT = "Budget";

    /** Who keeps a centre's budget: the commune (centre director) and the administrator. */
    static final Set<Role> KEEPERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.SYSTEM_ADMIN);
    /** Who approves for the commune chairman. */
    static final Set<Role> APPROVERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.SYSTEM_ADMIN);

    /** One line as typed (API or page); every field may be missing or wrong, and is checked here. */
    public record LineInput(String stage, String source, String category, Object amountVnd, String date, Long activityId,
                            String description, Long classId, Long trainingId, Long assetId) {
        public LineInput(String stage, String source, String category, Object amountVnd, String date, Long activityId, String description) {
            this(stage, source, category, amountVnd, date, activityId, description, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final CentreRegistry centres;
    private final ActivityService activities;
    private final OrgUnitDirectory units;
    private final ReviewWorkflow reviews;
    private final AuditTrail audit;
    private final VietnamClock clock;
    private final BudgetRules rules;
    private final LiteracyClassLookup classes;
    private final CentreRecordLookup records;
    private final Trainings trainings;

    BudgetService(JdbcClient jdbc, CentreRegistry centres, ActivityService activities, OrgUnitDirectory units,
                  ReviewWorkflow reviews, AuditTrail audit, VietnamClock clock, BudgetRules rules, LiteracyClassLookup classes,
                  CentreRecordLookup records, Trainings trainings) {
        this.classes = classes;
        this.records = records;
        this.trainings = trainings;
        this.jdbc = jdbc;
        this.centres = centres;
        this.activities = activities;
        this.units = units;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
    }

    /** The association reads the figures of its area, not the lines (who was paid what). */
    public static boolean totalsOnly(CurrentUser user) {
        return user.role() == Role.ASSOCIATION_EVALUATOR;
    }

    public boolean canKeep(CurrentUser user, Budget b) {
        return KEEPERS.contains(user.role()) && units.canWrite(user, b.communeId());
    }

    public boolean canSubmit(CurrentUser user, Budget b) {
        return canKeep(user, b) && review(b.id()).editable();
    }

    public boolean canDecide(CurrentUser user, Budget b) {
        return reviews.canDecideWithinUnit(user, review(b.id()), APPROVERS);
    }

    public Review review(long budgetId) {
        return reviews.require(SUBJECT, budgetId);
    }

    @Transactional(readOnly = true)
    public List<Budget> ofCentre(CurrentUser user, long centreId) {
        Centre c = centres.require(user, centreId);
        return jdbc.sql("select id from budget where centre_id = :c order by budget_year desc").param("c", c.id())
                .query(Long.class).list().stream().map(id -> load(user, id)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Budget> ofCentreYear(CurrentUser user, long centreId, int year) {
        Centre c = centres.require(user, centreId);
        return jdbc.sql("select id from budget where centre_id = :c and budget_year = :y").param("c", c.id()).param("y", year)
                .query(Long.class).optional().map(id -> load(user, id));
    }

    @Transactional(readOnly = true)
    public Budget require(CurrentUser user, long id) {
        Long commune = jdbc.sql("select commune_id from budget where id = :id").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundProblem("budget.notFound", id));
        if (!units.canRead(user, commune)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return load(user, id);
    }

    public Budget create(CurrentUser user, long centreId, Integer year) {
        Centre c = centres.require(user, centreId);
        if (!KEEPERS.contains(user.role()) || !units.canWrite(user, c.communeId())) {
            throw new AccessDeniedProblem("budget.cannotKeep");
        }
        if (year == null) {
            throw new InvalidInputProblem("year", "budget.year.required");
        }
        int now = clock.year();
        if (year < 2000 || year > now + 2) {
            throw new InvalidInputProblem("year", "budget.year.range", now + 2);
        }
        if (jdbc.sql("select count(*) from budget where centre_id = :c and budget_year = :y").param("c", c.id()).param("y", year)
                .query(Long.class).single() > 0) {
            throw new InvalidInputProblem("year", "budget.year.exists", year);
        }
        long id = jdbc.sql("""
                insert into budget (centre_id, commune_id, province_id, budget_year, created_by)
                values (:c, :commune, :p, :y, :u) returning id
                """).param("c", c.id()).param("commune", c.communeId()).param("p", c.provinceId()).param("y", year)
                .param("u", user.username()).query(Long.class).single();
        reviews.open(user, SUBJECT, id, c.communeId(), c.communeId(), rules.due(c.provinceId(), year, "ESTIMATE").orElse(null));
        audit.change(AuditAction.CREATE, SUBJECT, id, c.communeId(), null, Map.of("centreId", c.id(), "year", year),
                "Lập ngân sách năm " + year + " của " + c.name());
        return load(user, id);
    }

    /** Adds one line after checking every field; nothing is saved when one is wrong. */
    public Budget.Line addLine(CurrentUser user, long budgetId, LineInput in) {
        Budget b = require(user, budgetId);
        if (!canKeep(user, b)) {
            throw new AccessDeniedProblem("budget.cannotKeep");
        }
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        Budget.Stage stage = choice(v, "stage", Budget.Stage.class, in.stage(), true);
        Budget.Source source = choice(v, "source", Budget.Source.class, in.source(), false);
        String category = in.category() == null || in.category().isBlank() ? null : in.category().strip();
        if (category != null && !rules.categoryExists(category)) {
            v.add(new InvalidInputProblem.Violation("category", "budget.category.unknown"));
        }
        Long amount = amount(v, in.amountVnd());
        LocalDate date = null;
        try {
            date = InputRules.date("date", in.date());
            if (date == null) {
                v.add(new InvalidInputProblem.Violation("date", "budget.date.required"));
            }
        } catch (InvalidInputProblem e) {
            v.addAll(e.violations());
        }
        InputRules.maxLength(v, "description", in.description(), TextLimits.BUDGET_LINE__DESCRIPTION);
        if (stage != null) {
            if (stage == Budget.Stage.SPENDING && category == null) {
                v.add(new InvalidInputProblem.Violation("category", "budget.category.requiredForSpending"));
            }
            if ((stage == Budget.Stage.ALLOCATION || stage == Budget.Stage.RECEIPT) && source == null) {
                v.add(new InvalidInputProblem.Violation("source", "budget.source.required"));
            }
            if (source == null && category == null && v.stream().noneMatch(x -> x.field().equals("category") || x.field().equals("source"))) {
                v.add(new InvalidInputProblem.Violation("category", "budget.sourceOrCategory"));
            }
            if (date != null && (stage == Budget.Stage.SPENDING || stage == Budget.Stage.RECEIPT) && date.getYear() != b.year()) {
                v.add(new InvalidInputProblem.Violation("date", "budget.date.inYear", String.valueOf(b.year())));
            } else if (date != null && Math.abs(date.getYear() - b.year()) > 1) {
                v.add(new InvalidInputProblem.Violation("date", "budget.date.nearYear", String.valueOf(b.year() - 1), String.valueOf(b.year() + 1)));
            }
        }
        checkLinks(v, user, b, category, in);
        if (stage != null && v.isEmpty()) {
            Review r = review(budgetId);
            if (b.settlementLocked()) {
                v.add(new InvalidInputProblem.Violation("stage", "budget.locked.settled"));
            } else if (stage == Budget.Stage.ESTIMATE && !r.editable()) {
                v.add(new InvalidInputProblem.Violation("stage", "budget.estimate.locked"));
            } else if (stage != Budget.Stage.ESTIMATE && r.status() != Review.Status.APPROVED) {
                v.add(new InvalidInputProblem.Violation("stage", "budget.notApproved"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        String description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        long id = jdbc.sql("""
                insert into budget_line (budget_id, stage, source, category, amount_vnd, line_date, activity_id, lit_class_id,
                                         training_id, asset_id, description, created_by)
                values (:b, :stage, :source, :category, :amount, :date, :activity, :class, :training, :asset, :description, :u) returning id
                """).param("b", budgetId).param("stage", stage.name()).param("source", source == null ? null : source.name())
                .param("category", category).param("amount", amount).param("date", date).param("activity", in.activityId())
                .param("class", in.classId()).param("training", in.trainingId()).param("asset", in.assetId())
                .param("description", description).param("u", user.username()).query(Long.class).single();
        bump(budgetId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("stage", stage.name());
        after.put("source", source == null ? null : source.name());
        after.put("category", category);
        after.put("amountVnd", amount);
        after.put("date", date.toString());
        after.put("activityId", in.activityId());
        after.put("classId", in.classId());
        after.put("trainingId", in.trainingId());
        after.put("assetId", in.assetId());
        audit.change(AuditAction.CREATE, "BudgetLine", id, b.communeId(), null, after,
                "Thêm dòng ngân sách năm " + b.year() + " của " + b.centreName());
        return lines(budgetId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    /** Removes a line of the estimate while the estimate can still change (a typing mistake). */
    public void removeEstimateLine(CurrentUser user, long budgetId, long lineId) {
        Budget b = require(user, budgetId);
        if (!canKeep(user, b)) {
            throw new AccessDeniedProblem("budget.cannotKeep");
        }
        if (!review(budgetId).editable() || b.settlementLocked()) {
            throw new InvalidInputProblem("stage", "budget.estimate.locked");
        }
        int n = jdbc.sql("delete from budget_line where id = :l and budget_id = :b and stage = 'ESTIMATE'")
                .param("l", lineId).param("b", budgetId).update();
        if (n == 0) {
            throw new NotFoundProblem("budget.line.notFound", lineId);
        }
        bump(budgetId);
        audit.change(AuditAction.DELETE, "BudgetLine", lineId, b.communeId(), Map.of("budgetId", budgetId), null,
                "Xoá dòng dự toán năm " + b.year() + " của " + b.centreName());
    }

    public Review submit(CurrentUser user, long id) {
        Budget b = require(user, id);
        if (!canKeep(user, b)) {
            throw new AccessDeniedProblem("review.cannotSubmit");
        }
        if (b.totals().estimatedRevenue() == 0 && b.totals().estimatedSpending() == 0
                && lines(id).stream().noneMatch(l -> l.stage() == Budget.Stage.ESTIMATE)) {
            throw new InvalidInputProblem("lines", "budget.estimate.empty");
        }
        return reviews.submit(user, SUBJECT, id);
    }

    public Review approve(CurrentUser user, long id, String comment) {
        require(user, id);
        checkComment(comment);
        return reviews.approveWithinUnit(user, SUBJECT, id, comment, APPROVERS);
    }

    public Review returnWithComment(CurrentUser user, long id, String comment) {
        require(user, id);
        checkComment(comment);
        return reviews.returnWithinUnit(user, SUBJECT, id, comment, APPROVERS);
    }

    /** Ends the year: after the settlement nothing is recorded on this budget. */
    public Budget lockSettlement(CurrentUser user, long id) {
        Budget b = require(user, id);
        if (!canKeep(user, b)) {
            throw new AccessDeniedProblem("budget.cannotKeep");
        }
        if (b.settlementLocked()) {
            throw new InvalidInputProblem("stage", "budget.locked.settled");
        }
        if (review(id).status() != Review.Status.APPROVED) {
            throw new InvalidInputProblem("stage", "budget.notApproved");
        }
        jdbc.sql("update budget set settlement_locked_at = now(), settlement_locked_by = :u, version = version + 1 where id = :id")
                .param("u", user.username()).param("id", id).update();
        audit.change(AuditAction.UPDATE, SUBJECT, id, b.communeId(), Map.of("settlementLocked", false), Map.of("settlementLocked", true),
                "Khoá quyết toán ngân sách năm " + b.year() + " của " + b.centreName());
        return load(user, id);
    }

    private static void checkComment(String comment) {
        if (comment != null && comment.strip().length() > 2000) {
            throw new InvalidInputProblem("comment", "error.tooLong", 2000);
        }
    }

    /**
     * A spending line may name where the money went: one activity, literacy class or asset of the same centre or
     * commune, or a training the commune organised or the centre's people attended. Anything else is refused on its
     * field, as if the id did not exist (another centre's ids are not confirmed).
     */
    private void checkLinks(List<InvalidInputProblem.Violation> v, CurrentUser user, Budget b, String category, LineInput in) {
        List<String> named = new ArrayList<>();
        if (in.activityId() != null) {
            named.add("activityId");
        }
        if (in.classId() != null) {
            named.add("classId");
        }
        if (in.trainingId() != null) {
            named.add("trainingId");
        }
        if (in.assetId() != null) {
            named.add("assetId");
        }
        if (named.isEmpty()) {
            return;
        }
        if (category == null) {
            v.add(new InvalidInputProblem.Violation(named.get(0), "budget.activity.spendingOnly"));
            return;
        }
        if (named.size() > 1) {
            v.add(new InvalidInputProblem.Violation(named.get(1), "budget.link.onlyOne"));
            return;
        }
        if (in.activityId() != null) {
            Optional<Activity> a = activityOf(user, in.activityId());
            if (a.isEmpty() || a.get().centreId() != b.centreId()) {
                v.add(new InvalidInputProblem.Violation("activityId", "budget.activity.otherCentre"));
            }
        } else if (in.classId() != null) {
            boolean ok = classes.find(in.classId()).filter(c -> c.communeId() == b.communeId() && units.canRead(user, c.communeId())).isPresent();
            if (!ok) {
                v.add(new InvalidInputProblem.Violation("classId", "budget.class.otherCommune"));
            }
        } else if (in.trainingId() != null) {
            if (!trainings.concernsCentre(user, in.trainingId(), b.centreId(), b.communeId())) {
                v.add(new InvalidInputProblem.Violation("trainingId", "budget.training.otherCentre"));
            }
        } else {
            boolean ok = records.asset(in.assetId()).filter(a -> a.centreId() == b.centreId()).isPresent();
            if (!ok) {
                v.add(new InvalidInputProblem.Violation("assetId", "budget.asset.otherCentre"));
            }
        }
    }

    private Optional<Activity> activityOf(CurrentUser user, long id) {
        try {
            return Optional.of(activities.require(user, id));
        } catch (NotFoundProblem | AccessDeniedProblem e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> E choice(List<InvalidInputProblem.Violation> v, String field, Class<E> type, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                v.add(new InvalidInputProblem.Violation(field, "budget." + field + ".required"));
            }
            return null;
        }
        try {
            return InputRules.choice(field, type, raw);
        } catch (InvalidInputProblem e) {
            v.addAll(e.violations());
            return null;
        }
    }

    /** Whole đồng from a JSON number or typed text ("1.500.000"): a fraction, a negative or a word is refused. */
    static Long amount(List<InvalidInputProblem.Violation> v, Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            v.add(new InvalidInputProblem.Violation("amountVnd", "budget.amount.required"));
            return null;
        }
        BigDecimal d;
        try {
            d = raw instanceof Number n ? new BigDecimal(n.toString())
                    : vn.xhht.shared.VietnameseNumbers.parse(raw.toString().replace("đ", "").strip());
        } catch (NumberFormatException e) {
            v.add(new InvalidInputProblem.Violation("amountVnd", "budget.amount.notWhole"));
            return null;
        }
        if (d == null) {
            v.add(new InvalidInputProblem.Violation("amountVnd", "budget.amount.required"));
            return null;
        }
        if (d.signum() < 0) {
            v.add(new InvalidInputProblem.Violation("amountVnd", "budget.amount.negative"));
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            v.add(new InvalidInputProblem.Violation("amountVnd", "budget.amount.notWhole"));
            return null;
        }
        if (d.compareTo(InputRules.MAX_AMOUNT) > 0) {
            v.add(new InvalidInputProblem.Violation("amountVnd", "error.amountRange"));
            return null;
        }
        return d.longValueExact();
    }

    private void bump(long budgetId) {
        jdbc.sql("update budget set version = version + 1 where id = :id").param("id", budgetId).update();
    }

    List<Budget.Line> lines(long budgetId) {
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return jdbc.sql("""
                select l.*, c.name_vi, c.name_en from budget_line l left join budget_category c on c.code = l.category
                 where l.budget_id = :b order by l.line_date, l.id
                """).param("b", budgetId).query((rs, n) -> new Budget.Line(rs.getLong("id"), Budget.Stage.valueOf(rs.getString("stage")),
                        rs.getString("source") == null ? null : Budget.Source.valueOf(rs.getString("source")), rs.getString("category"),
                        rs.getString(en ? "name_en" : "name_vi"), rs.getLong("amount_vnd"), rs.getObject("line_date", LocalDate.class),
                        (Long) rs.getObject("activity_id"), rs.getString("description"), (Long) rs.getObject("lit_class_id"),
                        (Long) rs.getObject("training_id"), (Long) rs.getObject("asset_id"))).list();
    }

    private Budget load(CurrentUser user, long id) {
        record Head(long id, long centreId, String centreName, long communeId, String communeName, int year,
                    OffsetDateTime lockedAt, long version) {
        }
        Head h = jdbc.sql("""
                select b.id, b.centre_id, c.name as centre_name, b.commune_id, u.name as commune_name, b.budget_year,
                       b.settlement_locked_at, b.version
                  from budget b join xhht_centre c on c.id = b.centre_id join xhht_unit u on u.id = b.commune_id where b.id = :id
                """).param("id", id).query((ResultSet rs, int n) -> new Head(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("centre_name"),
                rs.getLong("commune_id"), rs.getString("commune_name"), rs.getInt("budget_year"),
                rs.getObject("settlement_locked_at", OffsetDateTime.class), rs.getLong("version"))).single();
        List<Budget.Line> lines = lines(id);
        return new Budget(h.id(), h.centreId(), h.centreName(), h.communeId(), h.communeName(), h.year(), review(id).status(),
                h.lockedAt() != null, h.lockedAt(), totals(lines), totalsOnly(user) ? null : lines, h.version());
    }

    private Budget.Totals totals(List<Budget.Line> lines) {
        long estRev = 0, estSpend = 0, allocated = 0, received = 0, spent = 0, settled = 0;
        Map<Budget.Source, long[]> bySource = new LinkedHashMap<>();
        for (Budget.Source s : Budget.Source.values()) {
            bySource.put(s, new long[3]);
        }
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (BudgetRules.Category c : rules.categories()) {
            byCategory.put(c.code(), new long[2]);
            names.put(c.code(), c.name());
        }
        for (Budget.Line l : lines) {
            boolean spending = l.category() != null;
            switch (l.stage()) {
                case ESTIMATE -> {
                    if (spending) {
                        estSpend += l.amountVnd();
                        byCategory.computeIfAbsent(l.category(), k -> new long[2])[0] += l.amountVnd();
                    } else {
                        estRev += l.amountVnd();
                        bySource.get(l.source())[0] += l.amountVnd();
                    }
                }
                case ALLOCATION -> {
                    allocated += l.amountVnd();
                    bySource.get(l.source())[1] += l.amountVnd();
                }
                case RECEIPT -> {
                    received += l.amountVnd();
                    bySource.get(l.source())[2] += l.amountVnd();
                }
                case SPENDING -> {
                    spent += l.amountVnd();
                    byCategory.computeIfAbsent(l.category(), k -> new long[2])[1] += l.amountVnd();
                }
                case SETTLEMENT -> settled += l.amountVnd();
            }
        }
        return new Budget.Totals(estRev, estSpend, allocated, received, spent, settled,
                bySource.entrySet().stream().map(e -> new Budget.BySource(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList(),
                byCategory.entrySet().stream().map(e -> new Budget.ByCategory(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue()[0], e.getValue()[1])).toList());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

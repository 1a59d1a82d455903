package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of a criteria framework (bộ tiêu chí): criteria → items, and ordered result levels, lowest first.
 * Everything that comes from a regulation is here as data, with its legal basis and how sure we are of it.
 */
public record Framework(String code, int version, String title, SubjectType subjectType, Scoring scoring,
                        BigDecimal maxTotal, LocalDate effectiveFrom, LocalDate effectiveTo, boolean complete,
                        String incompleteNote, LegalBasis legalBasis, List<Authority> authorities,
                        List<Criterion> criteria, List<Level> levels, Integer validityMonths, Integer upgradeAfterMonths,
                        List<Deadline> deadlines, @io.swagger.v3.oas.annotations.media.Schema(description = "Chỉ tiêu phấn đấu theo mã (ví dụ tỷ lệ đạt chuẩn, %). / Targets by code (for example the share of subjects recognised, %).")
                        Map<String, BigDecimal> targets, List<String> dossier,
                        ValidityRule validityRule, Procedure procedure) {

    /**
     * Which steps of the procedure the framework's regulation requires beyond self-assessment, submission and
     * decision: the self-check plan approved by the subject's chairman (step 1), the dossier documents each with its
     * file (step 2), the check plan approved by the receiving office (step 3), a check team covering every criterion
     * (step 4). Stated with its source and certainty like every rule taken from a document.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FrameworkProcedure")
    public record Procedure(boolean selfCheckPlan, boolean dossierFiles, boolean checkPlan, boolean checkTeamByCriteria,
                            String source, String certainty) {
        public static final Procedure NONE = new Procedure(false, false, false, false, null, null);
    }

    /**
     * How long a recognition lasts. The sources read "bảo lưu 3 năm" two ways: 36 months from the decision, or the
     * three calendar years after the year of recognition; which one applies is a rule of the framework version, with
     * its source and how sure it is, and the other reading is named so users see the doubt.
     */
    public enum ValidityReading { MONTHS_FROM_DECISION, YEARS_AFTER_RECOGNITION_YEAR }

    @io.swagger.v3.oas.annotations.media.Schema(name = "FrameworkValidityRule")
    public record ValidityRule(ValidityReading reading, Integer months, Integer years, String source, String certainty,
                               String alternative) {
        /** The last day a recognition decided on {@code decisionDate} is valid (the year of recognition is the decision's). */
        public LocalDate until(LocalDate decisionDate) {
            if (reading == ValidityReading.YEARS_AFTER_RECOGNITION_YEAR) {
                return LocalDate.of(decisionDate.getYear() + years, 12, 31);
            }
            return decisionDate.plusMonths(months).minusDays(1);
        }
    }

    /** What is evaluated: a commune, a hamlet, a family, a clan, an agency (learning unit) or a learning centre. */
    public enum SubjectType {
        COMMUNE, DISTRICT, PROVINCE, HAMLET, FAMILY, CLAN, UNIT, CENTRE;

        /** Subjects that are org units themselves; the others are registered subjects. */
        public boolean isOrgUnit() {
            return this == COMMUNE || this == DISTRICT || this == PROVINCE || this == HAMLET;
        }
    }

    public enum Scoring { POINTS, PASSFAIL }

    public enum ItemType { POINTS, PASSFAIL, MEASURE }

    public record LegalBasis(String number, LocalDate date, String issuer, String certainty, String note) {
    }

    /**
     * Who receives, checks and decides, for dossiers submitted in [from, to]. {@code reviewerLevel} says which unit
     * above the subject does it: district, province, commune or parent.
     */
    public record Authority(LocalDate from, LocalDate to, String reviewerLevel, String receiver, String checker,
                            String decider, String certainty) {
        public boolean validOn(LocalDate d) {
            return (from == null || !from.isAfter(d)) && (to == null || !to.isBefore(d));
        }
    }

    public record Criterion(String code, String title, List<Item> items, int line) {
    }

    /** A scored item (chỉ tiêu / nội dung). A MEASURE item holds a value (e.g. a percentage) met at a level's threshold. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FrameworkItem")
    public record Item(String code, String title, String guidance, boolean evidenceRequired, ItemType type,
                       BigDecimal maxPoints, String unit, BigDecimal minValue,
                       @io.swagger.v3.oas.annotations.media.Schema(description = "Ngưỡng đạt theo mã mức kết quả (cùng đơn vị với unit). / The value to reach, by result level code (in unit).")
                       Map<String, BigDecimal> thresholds,
                       String certainty, int line) {
        public BigDecimal thresholdFor(String level) {
            BigDecimal t = thresholds.get(level);
            return t != null ? t : minValue;
        }
    }

    /**
     * A result level with its conditions (all must hold). {@code known = false}: the regulation's conditions are
     * not known yet; the level can never be reached until an administrator completes it.
     */
    public record Level(String code, String title, boolean recognised, boolean known, BigDecimal minTotal,
                        List<String> allItemsMetOf, List<String> itemsMet, Integer minItemsMet, boolean noCriterionZero,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "Điểm tối thiểu của từng tiêu chí theo mã tiêu chí. / Minimum points of each criterion, by criterion code.")
                        Map<String, BigDecimal> minCriterionPoints, int line) {
    }

    /** "Within N working days of event E" or "before day/month of the year after the evaluation year". */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FrameworkDeadline")
    public record Deadline(Step step, String afterEvent, Integer workingDays, Integer day, Integer month, int yearOffset) {
    }

    /** The step the next actor owes. */
    public enum Step { SUBMIT, ACCEPT, CHECK_PLAN, CHECK, DECIDE, PUBLISH }

    public Stream<Item> items() {
        return criteria.stream().flatMap(c -> c.items().stream());
    }

    public Optional<Item> item(String code) {
        return items().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The title of a level code (the code itself if unknown, a dash if null). */
    public String levelTitle(String code) {
        return code == null ? "—" : level(code).map(Level::title).orElse(code);
    }

    public Optional<Authority> authorityOn(LocalDate date) {
        return authorities.stream().filter(a -> a.validOn(date)).findFirst();
    }

    public boolean appliesTo(int year) {
        LocalDate ref = LocalDate.of(year, 12, 31);
        LocalDate start = LocalDate.of(year, 1, 1);
        return (effectiveFrom == null || !effectiveFrom.isAfter(ref)) && (effectiveTo == null || !effectiveTo.isBefore(start));
    }

    public boolean isPoints() {
        return scoring == Scoring.POINTS;
    }

    public int itemCount() {
        return (int) items().count();
    }
}

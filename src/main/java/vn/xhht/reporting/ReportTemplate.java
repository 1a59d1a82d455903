package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A report form as data (loaded from {@code classpath:reporting/templates/*.yml}): what is reported, how often, by
 * which level to which, by when, and where each figure comes from.
 */
public record ReportTemplate(String code, String title, String titleEn, Periodicity periodicity, List<LevelRule> submittingLevels,
                             Receiver receiver, DueRule dueRule, String basis, String campaignCode, CampaignWindow campaignWindow, List<Section> sections,
                             List<Rule> rules, String file) {

    /** How often the report is made (kỳ báo cáo). */
    public enum Periodicity { MONTHLY, QUARTERLY, HALF_YEAR, SEMESTER_I, SCHOOL_YEAR, CALENDAR_YEAR, CAMPAIGN, AD_HOC }

    /** Who reviews: the unit directly above in the structure of the period, or the province. */
    public enum Receiver { PARENT, PROVINCE }

    public enum FieldType { NUMBER, PERCENTAGE, TEXT, TABLE }

    /** How the figure of a unit above is made from its children's approved reports. */
    public enum Aggregation { SUM, WEIGHTED_AVERAGE, MIN, MAX, COUNT_YES, NONE }

    /** The level that submits, effective-dated (offices before the 2025 reform were districts). */
    public record LevelRule(int level, LocalDate from, LocalDate to) {
        boolean appliesOn(LocalDate d) {
            return (from == null || !from.isAfter(d)) && (to == null || !to.isBefore(d));
        }
    }

    /**
     * Due date rule: DAY_OF_LAST_MONTH (the {@code day}th of the period's last month, capped at its length),
     * END_OF_PERIOD, DAYS_AFTER_END ({@code days} after the period's last day), MONTH_DAY (the first
     * {@code month}/{@code day} on or after the period's start).
     */
    public record DueRule(Kind kind, int day, int month, int days, String text) {
        public enum Kind { DAY_OF_LAST_MONTH, END_OF_PERIOD, DAYS_AFTER_END, MONTH_DAY }
    }

    /** The days of a campaign (e.g. Lifelong Learning Week 1–7 October). */
    public record CampaignWindow(int month, int firstDay, int lastDay) {
    }

    public record Section(String code, String title, List<Field> fields) {
    }

    /**
     * A field. Numbers have either a {@code source} (a figure code of some ReportFigureSource), a {@code ratio}
     * (numerator / denominator × 100 of two other fields), or manual entry.
     */
    public record Field(String code, String label, FieldType type, String unit, String source, String ratioOf, String ratioTo,
                        Aggregation aggregation, String weight, boolean required, List<String> columns, boolean key) {

        public boolean numeric() {
            return type == FieldType.NUMBER || type == FieldType.PERCENTAGE;
        }

        public boolean computed() {
            return ratioOf != null;
        }

        public boolean sourced() {
            return source != null;
        }
    }

    /** A check between a field and another field or a constant: {@code left op right}. */
    public record Rule(String left, String op, String right, String message) {
    }

    public List<Field> fields() {
        return sections.stream().flatMap(s -> s.fields().stream()).toList();
    }

    public Optional<Field> field(String code) {
        return fields().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The level submitting own reports for a period ending on {@code end}, if any. */
    public Optional<Integer> submittingLevel(LocalDate end) {
        return submittingLevels.stream().filter(l -> l.appliesOn(end)).map(LevelRule::level).findFirst();
    }

    public String displayTitle(boolean english) {
        return english && titleEn != null ? titleEn : title;
    }
}

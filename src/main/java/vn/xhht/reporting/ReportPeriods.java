package vn.xhht.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.xhht.reporting.ReportTemplate.DueRule;
import vn.xhht.reporting.ReportTemplate.Periodicity;

/** Period codes, the periods of a template in a year, and due dates from a template's rule. Pure logic. */
public final class ReportPeriods {

    private ReportPeriods() {
    }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})S([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})M(0[1-9]|1[0-2])");
    private static final Pattern SCHOOL = Pattern.compile("(\\d{4})-(\\d{4})(HK1)?");
    private static final Pattern CAMPAIGN = Pattern.compile("(\\d{4})([A-Z][A-Z0-9]{1,15})");

    /** Years outside this range are refused as not existing. */
    static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

    /** The period of a standard code (a campaign code needs its template: {@link #parse(ReportTemplate, String)}). */
    public static ReportPeriod parse(String code) {
        return tryParse(code).orElseThrow(() -> new IllegalArgumentException("period " + code));
    }

    public static Optional<ReportPeriod> tryParse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase();
        Matcher m;
        ReportPeriod p = null;
        if ((m = YEAR.matcher(c)).matches()) {
            int y = year(m.group(1));
            p = new ReportPeriod(c, ReportPeriod.Kind.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        } else if ((m = HALF.matcher(c)).matches()) {
            int y = year(m.group(1));
            boolean first = m.group(2).equals("1");
            p = new ReportPeriod(c, ReportPeriod.Kind.HALF, LocalDate.of(y, first ? 1 : 7, 1), first ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31));
        } else if ((m = QUARTER.matcher(c)).matches()) {
            int y = year(m.group(1));
            int q = Integer.parseInt(m.group(2));
            YearMonth last = YearMonth.of(y, q * 3);
            p = new ReportPeriod(c, ReportPeriod.Kind.QUARTER, LocalDate.of(y, q * 3 - 2, 1), last.atEndOfMonth());
        } else if ((m = MONTH.matcher(c)).matches()) {
            YearMonth ym = YearMonth.of(year(m.group(1)), Integer.parseInt(m.group(2)));
            p = new ReportPeriod(c, ReportPeriod.Kind.MONTH, ym.atDay(1), ym.atEndOfMonth());
        } else if ((m = SCHOOL.matcher(c)).matches()) {
            int y = year(m.group(1));
            if (Integer.parseInt(m.group(2)) != y + 1) {
                return Optional.empty();
            }
            // the school year runs September to August as plans do; semester I reports on September–December
            p = m.group(3) == null
                    ? new ReportPeriod(c, ReportPeriod.Kind.SCHOOL_YEAR, LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 8, 31))
                    : new ReportPeriod(c, ReportPeriod.Kind.SEMESTER_I, LocalDate.of(y, 9, 1), LocalDate.of(y, 12, 31));
        }
        return p != null && p.from().getYear() >= FIRST_YEAR && p.from().getYear() <= LAST_YEAR ? Optional.of(p) : Optional.empty();
    }

    /** The period of a code for this template: its periodicity decides which codes exist. */
    public static Optional<ReportPeriod> parse(ReportTemplate t, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase();
        if (t.periodicity() == Periodicity.CAMPAIGN) {
            Matcher m = CAMPAIGN.matcher(c);
            if (!m.matches() || !m.group(2).equals(t.campaignCode()) || t.campaignWindow() == null) {
                return Optional.empty();
            }
            int y = year(m.group(1));
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                return Optional.empty();
            }
            ReportTemplate.CampaignWindow w = t.campaignWindow();
            return Optional.of(new ReportPeriod(c, ReportPeriod.Kind.CAMPAIGN, LocalDate.of(y, w.month(), w.firstDay()), LocalDate.of(y, w.month(), w.lastDay())));
        }
        Optional<ReportPeriod> p = tryParse(c);
        return p.filter(x -> fits(t.periodicity(), x.kind()));
    }

    static boolean fits(Periodicity periodicity, ReportPeriod.Kind kind) {
        return switch (periodicity) {
            case MONTHLY -> kind == ReportPeriod.Kind.MONTH;
            case QUARTERLY -> kind == ReportPeriod.Kind.QUARTER;
            case HALF_YEAR -> kind == ReportPeriod.Kind.HALF;
            case SEMESTER_I -> kind == ReportPeriod.Kind.SEMESTER_I;
            case SCHOOL_YEAR -> kind == ReportPeriod.Kind.SCHOOL_YEAR;
            case CALENDAR_YEAR -> kind == ReportPeriod.Kind.YEAR;
            case CAMPAIGN -> kind == ReportPeriod.Kind.CAMPAIGN;
            case AD_HOC -> kind != ReportPeriod.Kind.CAMPAIGN;
        };
    }

    /**
     * The periods of a template that start in {@code year} (school years and semesters: the school year starting in
     * September of that year). Ad-hoc reports have no generated periods.
     */
    public static List<ReportPeriod> periods(ReportTemplate t, int year) {
        List<String> codes = new ArrayList<>();
        switch (t.periodicity()) {
            case MONTHLY -> {
                for (int m = 1; m <= 12; m++) {
                    codes.add(year + "M" + (m < 10 ? "0" : "") + m);
                }
            }
            case QUARTERLY -> {
                for (int q = 1; q <= 4; q++) {
                    codes.add(year + "Q" + q);
                }
            }
            case HALF_YEAR -> codes.addAll(List.of(year + "S1", year + "S2"));
            case SEMESTER_I -> codes.add(year + "-" + (year + 1) + "HK1");
            case SCHOOL_YEAR -> codes.add(year + "-" + (year + 1));
            case CALENDAR_YEAR -> codes.add(String.valueOf(year));
            case CAMPAIGN -> codes.add(year + t.campaignCode());
            case AD_HOC -> {
            }
        }
        return codes.stream().map(c -> parse(t, c).orElseThrow()).toList();
    }

    /**
     * The periods a user picks from for a template: those that have begun by {@code today}, this year's and last
     * year's, newest first (people report on what has happened; codes are never typed).
     */
    public static List<ReportPeriod> choices(ReportTemplate t, LocalDate today) {
        List<ReportPeriod> out = new ArrayList<>();
        for (int y = today.getYear(); y >= today.getYear() - 1; y--) {
            List<ReportPeriod> year = new ArrayList<>(periods(t, y));
            java.util.Collections.reverse(year);
            year.stream().filter(p -> !p.from().isAfter(today)).forEach(out::add);
        }
        return out;
    }

    /** Periods of any kind for the dashboard and meetings: this and last year, their halves, quarters begun by today. */
    public static List<ReportPeriod> standardChoices(LocalDate today, boolean quartersOnly) {
        List<ReportPeriod> out = new ArrayList<>();
        for (int y = today.getYear(); y >= today.getYear() - 1; y--) {
            if (!quartersOnly) {
                out.add(parse(String.valueOf(y)));
                for (int h = 2; h >= 1; h--) {
                    ReportPeriod p = parse(y + "S" + h);
                    if (!p.from().isAfter(today)) {
                        out.add(p);
                    }
                }
            }
            for (int q = 4; q >= 1; q--) {
                ReportPeriod p = parse(y + "Q" + q);
                if (!p.from().isAfter(today)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The Vietnamese label of a stored code, the one formatter for lists ("2026Q4" → "Quý IV/2026"). */
    public static String label(String code) {
        Optional<ReportPeriod> p = tryParse(code);
        if (p.isPresent()) {
            return p.get().label();
        }
        Matcher m = code == null ? null : CAMPAIGN.matcher(code.strip().toUpperCase());
        return m != null && m.matches() ? ReportPeriod.campaignName(m.group(2)) + " năm " + m.group(1) : code;
    }

    /** The due date of a period by the template's rule (before any per-year override). */
    public static LocalDate due(DueRule rule, ReportPeriod p) {
        YearMonth last = YearMonth.from(p.to());
        return switch (rule.kind()) {
            case DAY_OF_LAST_MONTH -> last.atDay(Math.min(rule.day(), last.lengthOfMonth()));
            case END_OF_PERIOD -> p.to();
            case DAYS_AFTER_END -> p.to().plusDays(rule.days());
            case MONTH_DAY -> {
                LocalDate d = YearMonth.of(p.from().getYear(), rule.month()).atDay(Math.min(rule.day(), YearMonth.of(p.from().getYear(), rule.month()).lengthOfMonth()));
                yield d.isBefore(p.from()) ? d.plusYears(1) : d;
            }
        };
    }

    private static int year(String s) {
        return Integer.parseInt(s);
    }
}

package vn.xhht.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules around a centre's budget, read from data with their legal basis and certainty: spending categories,
 * TT 96/2008 minimum support, and when the estimate, allocation and settlement are due in each province.
 */
@Component
@Transactional(readOnly = true)
public class BudgetRules {

    public record Category(String code, String name) {
    }

    public record SupportLevel(String kind, String zone, Long minVnd, String label, LocalDate validFrom, String legalBasis,
                               String certainty) {
    }

    public record Deadline(String kind, LocalDate due, String legalBasis, String certainty) {
    }

    private final JdbcClient jdbc;

    BudgetRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> categories() {
        String col = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "name_en" : "name_vi";
        return jdbc.sql("select code, " + col + " as name from budget_category where active order by sort")
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("name"))).list();
    }

    boolean categoryExists(String code) {
        return jdbc.sql("select count(*) from budget_category where code = :c and active").param("c", code).query(Long.class).single() > 0;
    }

    /** The support levels in force on the first day of the year. */
    public List<SupportLevel> supportLevels(int year) {
        LocalDate on = LocalDate.of(year, 1, 1);
        return jdbc.sql("""
                select * from budget_support_level where valid_from <= :d and (valid_to is null or valid_to >= :d)
                 order by kind desc, zone nulls first, id
                """).param("d", on).query((rs, n) -> new SupportLevel(rs.getString("kind"), rs.getString("zone"),
                (Long) rs.getObject("min_vnd"), rs.getString("label"), rs.getObject("valid_from", LocalDate.class),
                rs.getString("legal_basis"), rs.getString("certainty"))).list();
    }

    /** The deadlines of a budget year in a province: its own rows, else the general ones. */
    public List<Deadline> deadlines(long provinceId, int year) {
        LocalDate on = LocalDate.of(year, 1, 1);
        return jdbc.sql("""
                select distinct on (kind) kind, year_offset, due_month, due_day, legal_basis, certainty
                  from budget_deadline
                 where (province_id = :p or province_id is null) and valid_from <= :d and (valid_to is null or valid_to >= :d)
                 order by kind, province_id nulls last, valid_from desc
                """).param("p", provinceId).param("d", on).query((rs, n) -> {
            int y = year + rs.getInt("year_offset");
            LocalDate first = LocalDate.of(y, rs.getInt("due_month"), 1);
            LocalDate due = first.withDayOfMonth(Math.min(rs.getInt("due_day"), first.lengthOfMonth()));
            return new Deadline(rs.getString("kind"), due, rs.getString("legal_basis"), rs.getString("certainty"));
        }).list().stream().sorted(java.util.Comparator.comparing(Deadline::due)).toList();
    }

    public Optional<LocalDate> due(long provinceId, int year, String kind) {
        return deadlines(provinceId, year).stream().filter(d -> d.kind().equals(kind)).map(Deadline::due).findFirst();
    }
}

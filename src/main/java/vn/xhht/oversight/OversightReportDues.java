package vn.xhht.oversight;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.reporting.ReportSubmissions;
import vn.xhht.review.Review;
import vn.xhht.shared.Certainty;

/**
 * The due dates of the evaluation and list of out-of-school establishments (R30) that a unit owes its province: dated
 * rows per province, level of the owing unit and half-year ({@code ovs_report_due}), each with its basis and
 * certainty. Whether the unit sent it is read from its R30 report; lateness is {@link Review#late}.
 */
@Service
@Transactional(readOnly = true)
public class OversightReportDues {

    /** The periodic report template whose submission settles the due date. */
    static final String TEMPLATE = "out-of-school";

    /** A rule row as stored (for the catalogue page). */
    public record Rule(long id, long provinceId, String provinceName, int ownerLevel, int half, int dueMonth, int dueDay,
                       LocalDate validFrom, LocalDate validTo, String legalBasis, Certainty certainty) {
    }

    /** One due date a unit owes: its period, the rule behind it, and where the report stands. */
    public record Due(int year, int half, LocalDate dueDate, String periodCode, String legalBasis, Certainty certainty,
                      OffsetDateTime submittedAt, boolean late) {
        public boolean submitted() {
            return submittedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final ReportSubmissions submissions;

    OversightReportDues(JdbcClient jdbc, OrgUnitDirectory units, ReportSubmissions submissions) {
        this.jdbc = jdbc;
        this.units = units;
        this.submissions = submissions;
    }

    public List<Rule> rules() {
        return jdbc.sql("""
                select d.*, u.name as province_name from ovs_report_due d join xhht_unit u on u.id = d.province_id
                order by u.name, d.valid_from, d.owner_level, d.half
                """).query((rs, n) -> new Rule(rs.getLong("id"), rs.getLong("province_id"), rs.getString("province_name"),
                rs.getInt("owner_level"), rs.getInt("half"), rs.getInt("due_month"), rs.getInt("due_day"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("legal_basis"),
                Certainty.valueOf(rs.getString("certainty")))).list();
    }

    /** The due dates of a year that the unit owes (none for a unit of a level or province without rows). */
    public List<Due> dues(long unitId, int year, LocalDate today) {
        OrgUnit unit = units.find(unitId).orElse(null);
        if (unit == null || unit.provinceId() == null || unit.level() < OrgUnit.DISTRICT || unit.level() > OrgUnit.COMMUNE) {
            return List.of();
        }
        List<Due> out = new ArrayList<>();
        for (Rule r : rules()) {
            if (r.provinceId() != unit.provinceId() || r.ownerLevel() != unit.level()) {
                continue;
            }
            LocalDate due;
            try {
                due = LocalDate.of(year, r.dueMonth(), r.dueDay());
            } catch (DateTimeException e) {
                continue;
            }
            // the rule in force on the due date decides, and the unit must exist on it
            if (due.isBefore(r.validFrom()) || r.validTo() != null && due.isAfter(r.validTo()) || !unit.validOn(due)) {
                continue;
            }
            String period = year + "S" + r.half();
            OffsetDateTime submitted = submissions.review(TEMPLATE, period, unitId).map(Review::submittedAt).orElse(null);
            out.add(new Due(year, r.half(), due, period, r.legalBasis(), r.certainty(), submitted, Review.late(due, submitted, today)));
        }
        out.sort(java.util.Comparator.comparing(Due::dueDate));
        return out;
    }
}

package vn.xhht.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.review.Review;
import vn.xhht.shared.CurrentUser;

/** Finding reports: the one of a unit for a template and period, and the lists a user can open (read scope). */
@Service
@Transactional(readOnly = true)
public class ReportListing {

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final TemplateCatalog templates;

    ReportListing(JdbcClient jdbc, OrgUnitDirectory units, TemplateCatalog templates) {
        this.jdbc = jdbc;
        this.units = units;
        this.templates = templates;
    }

    @Transactional(readOnly = true)
    public Optional<Long> find(String templateCode, String periodCode, long unitId) {
        return jdbc.sql("select id from report where template_code = :t and period_code = :p and unit_id = :u")
                .param("t", templateCode).param("p", periodCode).param("u", unitId).query(Long.class).optional();
    }

    /** Reports visible to the user, filtered (null filters do not filter); newest periods first. */
    @Transactional(readOnly = true)
    public List<Summary> list(CurrentUser user, String templateCode, String periodCode, Long unitId, int limit) {
        long scope = unitId == null ? user.unitId() : units.requireReadable(user, unitId).id();
        return jdbc.sql("""
                select r.id, r.template_code, r.period_code, r.period_to, r.unit_id, u.name as unit_name, r.aggregate, s.status, s.due_date, s.submitted_at
                from report r join xhht_unit u on u.id = r.unit_id
                join xhht_review s on s.subject_type = 'Report' and s.subject_id = r.id
                where r.unit_id in (select id from xhht_read_scope(:scope))
                  and (cast(:t as varchar) is null or r.template_code = :t) and (cast(:p as varchar) is null or r.period_code = :p)
                order by r.period_to desc, r.template_code, u.name limit :limit
                """).param("scope", scope).param("t", blankToNull(templateCode)).param("p", blankToNull(periodCode))
                .param("limit", limit)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("template_code"),
                        templates.find(rs.getString("template_code")).map(ReportTemplate::title).orElse(rs.getString("template_code")),
                        rs.getString("period_code"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getBoolean("aggregate"),
                        Review.Status.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("submitted_at", OffsetDateTime.class))).list();
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportSummary")
    public record Summary(long id, String templateCode, String templateTitle, String periodCode, long unitId, String unitName, boolean aggregate,
                          Review.Status status, LocalDate dueDate, OffsetDateTime submittedAt) {
        public String periodLabel() {
            return ReportPeriods.label(periodCode);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

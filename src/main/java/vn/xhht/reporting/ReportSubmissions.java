package vn.xhht.reporting;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;

/**
 * Where a unit's own periodic report of a template and period stands, for modules that keep the dated due rules of
 * that report (oversight's R30 due dates per province): they judge lateness with {@link Review#late} against their
 * own due date and the report's submission time.
 */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class ReportSubmissions {

    private final JdbcClient jdbc;
    private final ReviewWorkflow reviews;

    ReportSubmissions(JdbcClient jdbc, ReviewWorkflow reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    /** The review of the unit's own (not rolled-up) report, if the unit has started it. */
    public Optional<Review> review(String templateCode, String periodCode, long unitId) {
        return jdbc.sql("""
                select id from report where template_code = :t and period_code = :p and unit_id = :u and not aggregate
                """).param("t", templateCode).param("p", periodCode).param("u", unitId).query(Long.class).optional()
                .flatMap(id -> reviews.find(ReportService.SUBJECT, id));
    }
}

package vn.xhht.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.review.Review;
import vn.xhht.review.SubmissionBoard;
import vn.xhht.shared.CurrentUser;

/**
 * "Who has submitted, who is late" for the dossiers of an evaluation campaign, on review's one board
 * ({@link SubmissionBoard}) like the plan and report boards. Evaluation says which dossiers are expected and by when:
 * every dossier of the campaign, by the campaign's dossier deadline, or, when the campaign has none, by the due date
 * its review keeps from the framework's rules. Where each stands, and whether it is late, is review's one rule.
 */
@Service
@Transactional(readOnly = true)
public class CampaignBoard {

    /** A dossier's line: its subject and unit, the review status (null never: a dossier is opened with its review). */
    public record Line(long evaluationId, String subject, long unitId, String unitName, Review.Status status, LocalDate dueDate,
                       OffsetDateTime submittedAt, SubmissionBoard.Standing standing) {
    }

    public record Board(CampaignService.Campaign campaign, SubmissionBoard.Counts counts, List<Line> lines) {
    }

    private final JdbcClient jdbc;
    private final CampaignService campaigns;
    private final SubmissionBoard submissions;

    CampaignBoard(JdbcClient jdbc, CampaignService campaigns, SubmissionBoard submissions) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.submissions = submissions;
    }

    public Board board(CurrentUser user, long campaignId, LocalDate today) {
        CampaignService.Campaign c = campaigns.require(user, campaignId);
        record Row(long evaluationId, String subject, long unitId, String unitName) {
        }
        List<Row> rows = jdbc.sql("""
                select e.id, e.subject_name, e.owner_unit_id, u.name from evaluation e join xhht_unit u on u.id = e.owner_unit_id
                 where e.campaign_id = :c order by u.name, e.subject_name, e.id
                """).param("c", campaignId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
        // the campaign's deadline binds every dossier of it; without one, each review keeps the framework's date
        SubmissionBoard.DueFrom dueFrom = c.dossierDue() == null ? SubmissionBoard.DueFrom.REVIEW_FIRST : SubmissionBoard.DueFrom.GIVEN;
        List<SubmissionBoard.Entry> entries = submissions.entries(EvaluationService.SUBJECT,
                rows.stream().map(r -> new SubmissionBoard.Expected(r.unitId(), r.evaluationId(), c.dossierDue())).toList(), dueFrom, today);
        List<Line> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            SubmissionBoard.Entry e = entries.get(i);
            lines.add(new Line(r.evaluationId(), r.subject(), r.unitId(), r.unitName(), e.status(), e.dueDate(), e.submittedAt(), e.standing()));
        }
        return new Board(c, SubmissionBoard.count(entries), lines);
    }
}

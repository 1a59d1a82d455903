package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewMoved;
import vn.xhht.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting module on its own (with what it depends on): when review publishes that a report was returned, the
 * unit that submitted it gets an e-mail with the reviewer's reason; a decision on another kind of subject, or a
 * submission, sends nothing. A reminder is e-mailed after it committed, and the e-mails sent are noted on it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = {"xhht.embedded-db.dir=target/pg-slice-reporting", "xhht.embedded-db.clean=true",
        "xhht.login.cleanup-cron=-", "xhht.reporting.mail.base-url=https://xhht.example.vn"})
@Import({ReportDecisionMailModuleTest.Outbox.class, vn.xhht.support.TestClockConfig.class})
class ReportDecisionMailModuleTest {

    @Autowired
    ReportService reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<SimpleMailMessage> sent;
    @Autowired
    CompletenessBoard board;

    @BeforeEach
    void emptyOutbox() {
        sent.clear();
    }

    @Test
    void aReturnedReportIsMailedToItsUnitWithTheReason(Scenario scenario) {
        ReportFixtures fx = new ReportFixtures(jdbc);
        long province = fx.unit("Tỉnh Thư Báo", OrgUnit.PROVINCE, null, null, null);
        long commune = fx.unit("Xã Thư Báo", OrgUnit.COMMUNE, province, null, null);
        jdbc.sql("""
                insert into app_user (username, password_hash, full_name, role, unit_id, email, enabled)
                values ('xa.thubao', 'x', 'Cán bộ xã', 'COMMUNE_OFFICER', :u, 'xa.thubao@example.vn', true)""").param("u", commune).update();
        long id = reports.create(fx.user(Role.COMMUNE_OFFICER, commune), "centre-quarterly", "2026Q3", commune).id();

        // handled (the publication is deleted once every listener is done) and nothing sent: not a report, not a decision
        scenario.publish(new ReviewMoved("Plan", id, commune, province, Review.Status.SUBMITTED, Review.Status.RETURNED,
                        "RETURN", "so.thubao", "Không phải báo cáo"))
                .andWaitForStateChange(this::unfinishedPublications, n -> n == 0)
                .andVerify(n -> assertThat(sent).isEmpty());
        scenario.publish(new ReviewMoved(ReportService.SUBJECT, id, commune, province, Review.Status.DRAFT,
                        Review.Status.SUBMITTED, "SUBMIT", "xa.thubao", null))
                .andWaitForStateChange(this::unfinishedPublications, n -> n == 0)
                .andVerify(n -> assertThat(sent).isEmpty());
        scenario.publish(new ReviewMoved(ReportService.SUBJECT, id, commune, province, Review.Status.SUBMITTED,
                        Review.Status.RETURNED, "RETURN", "so.thubao", "Thiếu số lượt người học"))
                .andWaitForStateChange(() -> List.copyOf(sent), mails -> !mails.isEmpty())
                .andVerify(mails -> {
                    assertThat(mails).hasSize(1);
                    SimpleMailMessage m = mails.get(0);
                    assertThat(m.getTo()).containsExactly("xa.thubao@example.vn");
                    assertThat(m.getSubject()).startsWith("[XHHT] Trả lại ").contains("2026");
                    assertThat(m.getText()).contains("đã bị trả lại để chỉnh sửa", "Ý kiến: Thiếu số lượt người học",
                            "https://xhht.example.vn/reports/" + id);
                });
    }

    @Test
    void aReminderIsMailedAfterItCommittedAndTheMailsSentAreNotedOnIt(Scenario scenario) {
        ReportFixtures fx = new ReportFixtures(jdbc);
        long province = fx.unit("Tỉnh Nhắc Thư", OrgUnit.PROVINCE, null, null, null);
        long commune = fx.unit("Xã Nhắc Thư", OrgUnit.COMMUNE, province, null, null);
        jdbc.sql("""
                insert into app_user (username, password_hash, full_name, role, unit_id, email, enabled)
                values ('xa.nhacthu', 'x', 'Cán bộ xã', 'COMMUNE_OFFICER', :u, 'xa.nhacthu@example.vn', true)""").param("u", commune).update();

        // the reminder commits with no e-mail counted; the listener sends it afterwards and notes how many went out
        scenario.stimulate(() -> board.remind(fx.user(Role.PROVINCE_OFFICER, province), "centre-quarterly", "2026Q3", province,
                        LocalDate.of(2026, 11, 1)))
                .andWaitForStateChange(() -> jdbc.sql("select emailed from report_reminder where unit_id = :u").param("u", commune)
                        .query(Integer.class).optional().orElse(0), n -> n > 0)
                .andVerify(n -> {
                    assertThat(n).isEqualTo(1);
                    assertThat(sent).singleElement().satisfies(m -> {
                        assertThat(m.getTo()).containsExactly("xa.nhacthu@example.vn");
                        assertThat(m.getSubject()).startsWith("[XHHT] Nhắc nộp ").contains("2026");
                        assertThat(m.getText()).contains("Hạn nộp: ", "https://xhht.example.vn/reports");
                    });
                });
    }

    private long unfinishedPublications() {
        return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    }

    /** A mail server that keeps what it is given. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        List<SimpleMailMessage> sent() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        JavaMailSender mailSender(List<SimpleMailMessage> sent) {
            return new JavaMailSenderImpl() {
                @Override
                public void send(SimpleMailMessage... messages) {
                    sent.addAll(List.of(messages));
                }
            };
        }
    }
}

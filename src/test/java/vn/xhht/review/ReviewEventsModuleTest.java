package vn.xhht.review;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xhht.shared.Role;
import vn.xhht.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review module on its own (with the modules it needs: orgunit, audit, platform, shared, document): every move
 * of a subject publishes {@link ReviewMoved} with what was decided and by whom, which plan, reporting and the other
 * owners of reviewed subjects listen to.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@org.springframework.context.annotation.Import(vn.xhht.support.TestClockConfig.class)
@TestPropertySource(properties = {"xhht.embedded-db.dir=target/pg-slice-review", "xhht.embedded-db.clean=true"})
class ReviewEventsModuleTest {

    @Autowired
    ReviewWorkflow workflow;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void submittingAndReturningPublishWhatMovedAndWhy(Scenario scenario) {
        long province = unit("Tỉnh Sự Kiện", 1, nation());
        long commune = unit("Xã Sự Kiện", 3, province);
        var clerk = new TestUsers.User(-1, "xa.sukien", "Cán bộ xã", Role.COMMUNE_OFFICER, commune);
        var officer = new TestUsers.User(-2, "so.sukien", "Cán bộ sở", Role.PROVINCE_OFFICER, province);
        tx.executeWithoutResult(s -> workflow.open(clerk, "Report", 990_001, commune, province, null));

        scenario.stimulate(() -> workflow.submit(clerk, "Report", 990_001))
                .andWaitForEventOfType(ReviewMoved.class)
                .toArriveAndVerify(e -> assertThat(e).isEqualTo(new ReviewMoved("Report", 990_001, commune, province,
                        Review.Status.DRAFT, Review.Status.SUBMITTED, "SUBMIT", "xa.sukien", null)));

        scenario.stimulate(() -> workflow.returnWithComment(officer, "Report", 990_001, "  Thiếu số liệu quý  "))
                .andWaitForEventOfType(ReviewMoved.class)
                .matching(e -> e.to() == Review.Status.RETURNED)
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(Review.Status.SUBMITTED);
                    assertThat(e.actor()).isEqualTo("so.sukien");
                    assertThat(e.comment()).isEqualTo("Thiếu số liệu quý");
                });
    }

    private long nation() {
        return jdbc.sql("select id from org_unit where level = 0").query(Long.class).single();
    }

    private long unit(String name, int level, long parent) {
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, source) values (:code, :name, 'Thử', :level, :parent, 'TEST')
                returning id""").param("code", "EV-" + level).param("name", name).param("level", level).param("parent", parent)
                .query(Long.class).single();
        jdbc.sql("""
                update org_unit u set path = pu.path || u.id || '/', province_id = case when u.level = 1 then u.id else pu.province_id end
                from org_unit pu where pu.id = u.parent_id and u.id = :id""").param("id", id).update();
        return id;
    }
}

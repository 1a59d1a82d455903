package vn.xhht.outreach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xhht.centre.CentreRecords;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V210 moves the centres' border-guard partners to outreach's border posts. Flyway ran it on an empty list at start,
 * so the test adds partner rows and runs its data steps again: that is also the proof that running it twice is safe.
 */
@XhhtIntegrationTest
class BorderPostMigrationTest {

    static final Path MIGRATION = Path.of("src/main/resources/db/migration/V210__border_posts_from_partner_org.sql");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CentreRegistry centres;
    @Autowired
    CentreRecords records;

    /** The migration's data steps (everything after the table it creates). */
    static String steps() throws IOException {
        String sql = Files.readString(MIGRATION);
        return sql.substring(sql.indexOf("-- 1."));
    }

    long partner(long commune, String name, String kind) {
        return jdbc.sql("insert into partner_org (unit_id, name, kind) values (:u, :n, :k) returning id")
                .param("u", commune).param("n", name).param("k", kind).query(Long.class).single();
    }

    long count(String sql, Object... args) {
        var q = jdbc.sql(sql);
        for (int i = 0; i < args.length; i++) {
            q = q.param(i + 1, args[i]);
        }
        return q.query(Long.class).single();
    }

    @Test
    void borderGuardPartnersBecomeOnePostPerNameCoveringTheirCommunesAndNothingIsLost() throws IOException {
        String t = UUID.randomUUID().toString().substring(0, 6);
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long other = TestUsers.unitId(jdbc, "01438", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        String name = "Đồn Biên phòng Sóc Giang " + t;
        long a = partner(canYen, name, "BORDER_POST");
        long b = partner(other, "  đồn biên phòng  sóc giang " + t + " ", "BORDER_POST");
        long school = partner(canYen, "Trường Tiểu học Sóc Giang " + t, "SCHOOL");

        String steps = steps();
        tx.executeWithoutResult(s -> jdbc.sql(steps).update());
        tx.executeWithoutResult(s -> jdbc.sql(steps).update());

        long post = count("select post_id from border_post_origin where partner_org_id = ?", a);
        assertThat(count("select post_id from border_post_origin where partner_org_id = ?", b)).isEqualTo(post);
        assertThat(count("select count(*) from border_post_origin where partner_org_id = ?", school)).isZero();
        assertThat(jdbc.sql("select unit_id, name from border_post where id = :id").param("id", post)
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).single()).isEqualTo(caoBang + " " + name);
        assertThat(count("select count(*) from border_post where lower(name) like ?", "%sóc giang " + t + "%")).isEqualTo(1);
        assertThat(jdbc.sql("select commune_id from border_post_commune where post_id = :p order by commune_id").param("p", post)
                .query(Long.class).list()).containsExactlyInAnyOrder(canYen, other);
        assertThat(jdbc.sql("select valid_from from border_post_commune where post_id = :p and commune_id = :c").param("p", post)
                .param("c", canYen).query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2025, 7, 1));
        // nothing deleted: the centre's partner rows are all still there
        assertThat(count("select count(*) from partner_org where id in (?, ?, ?)", a, b, school)).isEqualTo(3);
        assertThat(count("select count(*) from audit_event where entity_type = 'BorderPost' and entity_id = ?", String.valueOf(post)))
                .isEqualTo(1);
        // new posts are added where the province keeps them, not as a centre's partner
        long centre = centres.ofCommune(canYen).orElseThrow().id();
        assertThatThrownBy(() -> records.addPartner(TestUsers.load(jdbc, "xa.canyen"), centre, "Đồn mới " + t, "BORDER_POST"))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).messageKey())
                        .isEqualTo("w16.partner.borderPost.moved"));
    }
}

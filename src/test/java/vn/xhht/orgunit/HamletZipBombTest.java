package vn.xhht.orgunit;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hamlet import uses the shared .xlsx guard: a zip bomb is refused with its own message, nothing changes. */
@XhhtIntegrationTest
class HamletZipBombTest {

    @Autowired
    HamletImport hamletImport;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() throws Exception {
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long before = jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", canYen).query(Long.class).single();
        byte[] bomb = vn.xhht.document.XlsxZipBombTestSupport.bomb(600);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> hamletImport.run(TestUsers.load(jdbc, "xa.canyen"), canYen, new ByteArrayInputStream(bomb)))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        p -> assertThat(p.violations().get(0).messageKey()).isEqualTo("hamlet.import.zipBomb"));
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
        assertThat(jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", canYen).query(Long.class).single())
                .isEqualTo(before);
    }
}

package vn.xhht.centre;

import java.net.CookieManager;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A centre sees on its own pages that a contingency activation postponed one of its planned activities. */
@XhhtIntegrationTest
class ActivityMarkTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CentreRegistry centres;
    @Autowired
    ActivityDisruptions disruptions;
    @Autowired
    VietnamClock clock;

    @Test
    void thePostponementMarkShowsOnTheCentresListTheActivityPageAndThePublicBoard() {
        var province = TestUsers.load(jdbc, "so.caobang");
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        Centre c = centres.ofCommune(commune).orElseThrow();
        String t = UUID.randomUUID().toString().substring(0, 6);
        // soon, so that it is among the first activities of the public board
        LocalDate day = clock.today().plusDays(2 + Math.floorMod(t.hashCode(), 7));
        long marked = activity(c, "Chuyên đề trồng rừng " + t, day);
        long other = activity(c, "Chuyên đề nuôi ong " + t, day);
        String ref = "w16-test-" + t;
        disruptions.apply(province, commune, c.id(), day, day, ActivityDisruptions.Action.POSTPONE, null, "Lũ quét xóm Nà Mạ " + t, ref);
        jdbc.sql("delete from activity_disruption where activity_id = :a and source_ref = :r").param("a", other).param("r", ref).update();
        assertThat(disruptions.marks(java.util.List.of(marked, other))).containsOnlyKeys(marked);

        Http h = Http.session(port, new CookieManager());
        assertThat(h.login("xa.canyen", "xhht-demo")).doesNotContain("error");
        String list = h.get("/centres/" + c.id() + "?month=" + day.toString().substring(0, 7)).body();
        String row = list.substring(list.indexOf("Chuyên đề trồng rừng " + t));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Hoãn").contains("Lũ quét xóm Nà Mạ " + t);
        String otherRow = list.substring(list.indexOf("Chuyên đề nuôi ong " + t));
        assertThat(otherRow.substring(0, otherRow.indexOf("</tr>"))).doesNotContain("Hoãn");

        String page = h.get("/activities/" + marked).body();
        assertThat(page).contains("id=\"disruption-mark\"").contains("Lý do: Lũ quét xóm Nà Mạ " + t);
        assertThat(h.get("/activities/" + other).body()).doesNotContain("id=\"disruption-mark\"");

        String board = Http.anonymous(port).get("/public/centres/" + c.id()).body();
        String item = board.substring(board.indexOf("Chuyên đề trồng rừng " + t));
        assertThat(item.substring(0, item.indexOf("</li>"))).contains("Hoãn");
    }

    long activity(Centre c, String title, LocalDate day) {
        return jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, venue, participations)
                values (:c, :p, (select code from activity_type order by code limit 1), (select code from topic order by code limit 1), :t, :d, :d,
                        'Nhà văn hóa thôn', 0) returning id
                """).param("c", c.id()).param("p", c.provinceId()).param("t", title).param("d", day).query(Long.class).single();
    }
}

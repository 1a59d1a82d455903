package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@XhhtIntegrationTest
class CentreRecordsTest {

    @Autowired
    CentreRecords records;
    @Autowired
    CentreRegistry centres;
    @Autowired
    JdbcClient jdbc;

    long centre(String code) {
        return centres.ofCommune(TestUsers.unitId(jdbc, code, OrgUnit.COMMUNE, "2025-07-01")).orElseThrow().id();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 5);
    }

    @Test
    void replacingTheDirectorKeepsThePredecessorInTheHistory() {
        var user = TestUsers.load(jdbc, "xa.canyen");
        long c = centre("01366");
        String t = tag();
        long first = records.addBoardMember(user, c, "Nông Văn Thành " + t, "DIRECTOR", "Phó Chủ tịch UBND xã", true,
                BigDecimal.valueOf(745000), LocalDate.of(2025, 7, 1), null);
        records.addBoardMember(user, c, "Lục Thị Hoa " + t, "DIRECTOR", "Phó Chủ tịch UBND xã", true, null, LocalDate.of(2026, 3, 1), first);
        var board = records.board(user, c);
        assertThat(board).filteredOn(b -> b.fullName().endsWith(t)).extracting(b -> b.fullName() + " " + b.termEnd())
                .containsExactlyInAnyOrder("Lục Thị Hoa " + t + " null", "Nông Văn Thành " + t + " 2026-02-28");
        assertThatThrownBy(() -> records.addBoardMember(user, c, "X", "DIRECTOR", null, true, null, LocalDate.of(2026, 4, 1), first))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("replacesId"));
    }

    @Test
    void aBookIsLentOnlyWhileACopyIsInAndReturnsAreLogged() {
        var user = TestUsers.load(jdbc, "xa.canyen");
        long c = centre("01366");
        long book = records.addBook(user, c, "Kỹ thuật nuôi gà thả vườn " + tag(), "Trạm Khuyến nông", 1);
        long loan = records.lend(user, c, book, "Hoàng Văn Páo", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        assertThatThrownBy(() -> records.lend(user, c, book, "Người khác", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("record.book.allOut"));
        assertThatThrownBy(() -> records.giveBack(user, c, loan, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).minusDays(1))).isInstanceOf(InvalidInputProblem.class);
        records.giveBack(user, c, loan, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        records.lend(user, c, book, "Người khác", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        assertThat(records.loans(user, c)).filteredOn(l -> l.bookId() == book).hasSize(2);
    }

    @Test
    void onePersonServesSeveralCentresOfTheProvince() {
        var province = TestUsers.load(jdbc, "so.caobang");
        String name = "Bế Văn Sơn " + tag();
        long p1 = records.addPerson(province, centre("01366"), name, "REPORTER", "Chăn nuôi thú y", "Trạm Khuyến nông huyện", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        long p2 = records.addPerson(province, centre("01438"), name, "REPORTER", "Chăn nuôi thú y", "Trạm Khuyến nông huyện", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        assertThat(p2).isEqualTo(p1);
        records.addTraining(province, centre("01366"), p1, "Bồi dưỡng báo cáo viên", "Sở GD&ĐT", LocalDate.of(2026, 5, 10));
        assertThat(records.people(province, centre("01438"))).filteredOn(p -> p.personId() == p1).singleElement().satisfies(p -> {
            assertThat(p.centres()).isEqualTo(2);
            assertThat(p.trainings()).contains("Bồi dưỡng báo cáo viên (05/2026)");
        });
    }

    @Test
    void theNeighbouringCommuneCannotChangeThisRecord() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        assertThatThrownBy(() -> records.addAsset(canYen, centre("01438"), "ROOM", "Phòng học", 1, null, null, "GOOD"))
                .isInstanceOf(AccessDeniedProblem.class);
        long club = records.addClub(canYen, centre("01366"), "Câu lạc bộ hát then " + tag(), "Văn nghệ", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        records.addClubMember(canYen, centre("01366"), club, "Lương Thị Mây", "FEMALE", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        assertThat(records.clubs(canYen, centre("01366"))).filteredOn(k -> k.id() == club).singleElement()
                .satisfies(k -> assertThat(k.members()).isEqualTo(1));
    }
}

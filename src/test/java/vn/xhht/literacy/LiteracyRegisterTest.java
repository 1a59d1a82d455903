package vn.xhht.literacy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xhht.literacy.LiteracyFixture.*;

/** Import (all or nothing, idempotent), indicators arithmetic, standards boundaries and access on real PostgreSQL. */
@XhhtIntegrationTest
class LiteracyRegisterTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;
    @Autowired
    LiteracyIndicators indicators;
    @Autowired
    Register register;

    static final LocalDate TODAY = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE);

    long persons(long communeId) {
        return jdbc.sql("select count(*) from lit_person where commune_id = :c").param("c", communeId).query(Long.class).single();
    }

    @Test
    void aFileWithOneBadRowIsRejectedAsAWholeAndEveryBadRowIsListed() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        Path good = csv(row(c, 0, "H1", "P1", "Nông Văn Ánh", "Nam", birthForAge(30, TODAY), "TT", "", "9", "MĐ2"));
        assertThat(importAndWait(imports, u, c.id(), good, "a.csv").status()).isEqualTo("DONE");
        Path bad = csv(
                row(c, 0, "H1", "P1", "Nông Văn Ánh", "Nam", birthForAge(30, TODAY), "TT", "", "9", "MĐ2"),
                row(c, 0, "H2", "P2", "Lục Thị Bình", "Nữ", birthForAge(40, TODAY), "TT", "", "2", "MC"),
                row(c, 0, "H2", "P3", "Lục Văn Cường", "Nam", "01/01/" + (TODAY.getYear() + 1), "TT", "", "0", ""),
                row(c, 0, "H2", "P4", "Lục Văn Dũng", "Nam", birthForAge(9, TODAY), "TT", "", "3", "MĐ1"),
                row(c, 0, "H2", "P5", "Lục Văn Em", "X", birthForAge(20, TODAY), "TT", "", "9", ""),
                row(c, 0, "H2", "P2", "Lục Thị Bình", "Nữ", birthForAge(40, TODAY), "TT", "", "2", "MC"),
                String.join(",", c.code(), "", "H3", "", "", "P6", "Hà Văn Giang", "Nam", "1990", "02", "", "", "TT", "", "", "9", "", "", "", ""),
                row(c, 0, "H2", "P7", "Lục Văn Hải", "Nam", birthForAge(20, TODAY), "TT", "", "9", "").replace(",02,", ",99,"));
        RegisterImport.Job j = importAndWait(imports, u, c.id(), bad, "b.csv");
        assertThat(j.status()).isEqualTo("REJECTED");
        assertThat(j.errors()).extracting(RegisterImport.ImportError::line, RegisterImport.ImportError::field)
                .contains(org.assertj.core.groups.Tuple.tuple(4, "birthDate"), org.assertj.core.groups.Tuple.tuple(5, "literacyStatus"),
                        org.assertj.core.groups.Tuple.tuple(6, "sex"), org.assertj.core.groups.Tuple.tuple(7, "personCode"),
                        org.assertj.core.groups.Tuple.tuple(8, "hamlet"), org.assertj.core.groups.Tuple.tuple(9, "ethnicity"));
        // the register is unchanged: still one person, still level 2
        assertThat(persons(c.id())).isEqualTo(1);

        Path layout = Path.of(java.nio.file.Files.createTempFile("lit", ".csv").toString());
        java.nio.file.Files.writeString(layout, "Họ tên,Tuổi\nA,3\n");
        RegisterImport.Job wrong = importAndWait(imports, u, c.id(), layout, "c.csv");
        assertThat(wrong.status()).isEqualTo("REJECTED");
        assertThat(wrong.errors().get(0).field()).isEqualTo("layout");
    }

    @Test
    void reImportingTheSameFileChangesNothingAndAChangedRowIsRecordedWithItsRound() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        String[] rows = {
                row(c, 0, "H1", "P1", "Nguyễn Thị Ánh", "Nữ", birthForAge(30, TODAY), "TT", "", "9", "MĐ2"),
                row(c, 1, "H2", "P2", "Đàm Văn Lộc", "Nam", birthForAge(50, TODAY), "TT", "", "2", "MC")};
        RegisterImport.Job first = importAndWait(imports, u, c.id(), csv(rows), "a.csv");
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.inserted()).isEqualTo(2);
        String before = jdbc.sql("select string_agg(id || ':' || version || ':' || updated_at, ',' order by id) from lit_person where commune_id = :c")
                .param("c", c.id()).query(String.class).single();
        RegisterImport.Job again = importAndWait(imports, u, c.id(), csv(rows), "a.csv");
        assertThat(again.status()).isEqualTo("DONE");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(jdbc.sql("select string_agg(id || ':' || version || ':' || updated_at, ',' order by id) from lit_person where commune_id = :c")
                .param("c", c.id()).query(String.class).single()).isEqualTo(before);
        // NFC names kept exactly
        assertThat(jdbc.sql("select full_name from lit_person where commune_id = :c and code = 'P1'").param("c", c.id()).query(String.class).single())
                .isEqualTo(java.text.Normalizer.normalize("Nguyễn Thị Ánh", java.text.Normalizer.Form.NFC));
        rows[1] = rows[1].replace(",MC", ",MĐ1").replace(",2,", ",3,");
        RegisterImport.Job third = importAndWait(imports, u, c.id(), csv(rows), "b.csv");
        assertThat(third.updated()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from lit_person_change ch join lit_person p on p.id = ch.person_id
                where p.commune_id = :c and ch.field = 'literacyStatus' and ch.old_value = 'ILLITERATE' and ch.new_value = 'L1' and ch.round_id is not null
                """).param("c", c.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void indicatorsCountBandEdgesMovesAndDeathsAndTheStandardFlipsAtNinetyPercent() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        java.util.List<String> rows = new java.util.ArrayList<>();
        // 9 literate level 2 aged 20, 1 illiterate aged 35 exactly today (in the 15-35 band), 1 re-illiterate aged 36 (outside 15-35)
        for (int i = 0; i < 9; i++) {
            rows.add(row(c, 0, "H" + i, "A" + i, "Bế Văn An", "Nam", birthForAge(20, TODAY), "TT", "", "9", "MĐ2"));
        }
        rows.add(row(c, 1, "HX", "B1", "Bế Thị Chi", "Nữ", birthForAge(35, TODAY), "TT", "", "1", "MC"));
        rows.add(row(c, 1, "HX", "B2", "Bế Thị Dung", "Nữ", birthForAge(36, TODAY), "TT", "", "1", "TMC"));
        // moved out last year and deceased: not counted today
        rows.add(row(c, 1, "HY", "C1", "Sầm Văn Hải", "Nam", birthForAge(25, TODAY), "Đi", "01/01/" + (TODAY.getYear() - 1), "0", "MC"));
        rows.add(row(c, 1, "HY", "C2", "Sầm Văn Hùng", "Nam", birthForAge(25, TODAY), "Chết", "01/01/" + (TODAY.getYear() - 1), "0", "MC"));
        // born tomorrow 35 years ago: still 34 today → in band; born 36 years ago tomorrow: 35 → in band
        rows.add(row(c, 1, "HZ", "D1", "Hà Văn Khánh", "Nam", birthForAge(36, TODAY.plusDays(1)), "TT", "", "5", ""));
        assertThat(importAndWait(imports, u, c.id(), csv(rows.toArray(String[]::new)), "i.csv").status()).isEqualTo("DONE");

        LiteracyIndicators.Indicators ind = indicators.compute(u, c.id(), TODAY);
        LiteracyIndicators.Band b1535 = ind.ageBands().stream().filter(b -> b.from() == 15 && b.to() == 35).findFirst().orElseThrow();
        assertThat(b1535.population()).isEqualTo(11); // 9 + B1 (35 today) + D1 (35, birthday tomorrow)
        assertThat(b1535.literateLevel2()).isEqualTo(10);
        assertThat(b1535.illiterate()).isEqualTo(1);
        assertThat(b1535.rateLevel1()).isEqualByComparingTo(new BigDecimal("90.90")); // 10/11 = 90.909…: cut, not rounded (issue 11)
        LiteracyIndicators.Band b1560 = ind.ageBands().stream().filter(b -> b.from() == 15 && b.to() == 60).findFirst().orElseThrow();
        assertThat(b1560.population()).isEqualTo(12);
        assertThat(b1560.reilliterate()).isEqualTo(1);
        // a moved-out person still counted on a date before the move
        LiteracyIndicators.Band earlier = indicators.compute(u, c.id(), LocalDate.of(TODAY.getYear() - 2, 6, 1)).ageBands().stream()
                .filter(b -> b.from() == 15 && b.to() == 60).findFirst().orElseThrow();
        assertThat(earlier.population()).isGreaterThanOrEqualTo(12);

        LiteracyIndicators.StandardResult xmc1 = ind.standards().stream().filter(s -> s.code().equals("XMC") && s.level() == 1).findFirst().orElseThrow();
        assertThat(xmc1.met()).isTrue(); // 10/11 = 90.909… % >= 90 %
        LiteracyIndicators.StandardResult xmc2 = ind.standards().stream().filter(s -> s.code().equals("XMC") && s.level() == 2).findFirst().orElseThrow();
        assertThat(xmc2.met()).isFalse(); // 10/12 = 83.33 % < 90 %
        LiteracyIndicators.ConditionResult cond = xmc2.conditions().get(0);
        assertThat(cond.code()).isEqualTo("XMC2_C1");
        assertThat(cond.numerator()).isEqualTo(10);
        assertThat(cond.denominator()).isEqualTo(12);
        assertThat(cond.missing()).isEqualTo(1); // 11 of 12 needed (90 % of 12 = 10.8)
    }

    @Test
    void aPastDateCountsTheLiteracyStatusPeopleHadThen() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        assertThat(importAndWait(imports, u, c.id(), csv(
                row(c, 0, "H1", "P1", "Lục Văn Páo", "Nam", birthForAge(30, TODAY), "TT", "", "0", "MC"),
                row(c, 0, "H1", "P2", "Lục Thị Mai", "Nữ", birthForAge(28, TODAY), "TT", "", "0", "MC")), "past.csv").status())
                .isEqualTo("DONE");
        long id = jdbc.sql("select id from lit_person where commune_id = :c and code = 'P1'").param("c", c.id()).query(Long.class).single();
        long version = jdbc.sql("select version from lit_person where id = :id").param("id", id).query(Long.class).single();
        // Páo completes a literacy class assessment today
        register.updateStatus(u, id, version, "L2", "ASSESSMENT", "PRESENT", null, 0);

        // dates are Vietnamese calendar days (the change was recorded during today's in Vietnam)
        LocalDate todayInVietnam = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        LiteracyIndicators.Band today = band(indicators.compute(u, c.id(), todayInVietnam), 15, 35);
        assertThat(today.literateLevel2()).isEqualTo(1);
        assertThat(today.illiterate()).isEqualTo(1);
        // yesterday the register said both were illiterate
        LiteracyIndicators.Band yesterday = band(indicators.compute(u, c.id(), todayInVietnam.minusDays(1)), 15, 35);
        assertThat(yesterday.literateLevel2()).isZero();
        assertThat(yesterday.illiterate()).isEqualTo(2);
    }

    static LiteracyIndicators.Band band(LiteracyIndicators.Indicators ind, int from, int to) {
        return ind.ageBands().stream().filter(b -> b.from() == from && b.to() == to).findFirst().orElseThrow();
    }

    @Test
    void exactlyNinetyPercentMeetsAndAnEspeciallyDifficultCommuneUsesTheNarrowerBand() throws Exception {
        Commune c = commune(jdbc, true);
        User u = officer(c.id(), true);
        java.util.List<String> rows = new java.util.ArrayList<>();
        // 15-25: 9 literate level 2 + 1 illiterate = exactly 90 %; 30-year-olds illiterate: would fail the normal 15-35 band
        for (int i = 0; i < 9; i++) {
            rows.add(row(c, 0, "H" + i, "A" + i, "Triệu Văn Sơn", "Nam", birthForAge(18, TODAY), "TT", "", "9", "MĐ2"));
        }
        rows.add(row(c, 0, "HB", "B0", "Triệu Thị Lan", "Nữ", birthForAge(25, TODAY), "TT", "", "0", "MC"));
        for (int i = 0; i < 5; i++) {
            rows.add(row(c, 1, "HC", "C" + i, "Triệu Văn Toàn", "Nam", birthForAge(30, TODAY), "TT", "", "0", "MC"));
        }
        assertThat(importAndWait(imports, u, c.id(), csv(rows.toArray(String[]::new)), "d.csv").status()).isEqualTo("DONE");
        LiteracyIndicators.Indicators ind = indicators.compute(u, c.id(), TODAY);
        assertThat(ind.especiallyDifficult()).isTrue();
        LiteracyIndicators.StandardResult xmc1 = ind.standards().stream().filter(s -> s.code().equals("XMC") && s.level() == 1).findFirst().orElseThrow();
        assertThat(xmc1.conditions()).extracting(LiteracyIndicators.ConditionResult::code).containsExactly("XMC1_C1_DIFFICULT");
        assertThat(xmc1.conditions().get(0).value()).isEqualByComparingTo("90.00");
        assertThat(xmc1.met()).isTrue();
        // the same register in a normal commune would not meet level 1 (9 of 15 aged 15-35)
        List<LiteracyIndicators.StandardResult> normal = indicators.evaluateCommune(
                new vn.xhht.orgunit.OrgUnit(c.id(), c.code(), "x", "Xã", 3, null, null, null, c.provinceId(), null, null, false, null,
                        false, false, "TEST", 0), false, TODAY);
        assertThat(normal.stream().filter(s -> s.code().equals("XMC") && s.level() == 1).findFirst().orElseThrow().met()).isFalse();
    }

    @Test
    void personsOfAnotherCommuneAreInvisibleAndTheEvaluatorSeesNoPersonData() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        assertThat(importAndWait(imports, u, c.id(), csv(row(c, 0, "H1", "P1", "Mạc Thị Hằng", "Nữ", "1980", "TT", "", "9", "MĐ2")), "a.csv").status())
                .isEqualTo("DONE");
        TestUsers.User canYen = TestUsers.load(jdbc, "xa.canyen");
        User canYenWithAccess = new User(canYen.userId(), canYen.username(), canYen.fullName(), canYen.role(), canYen.unitId(), true);
        assertThatThrownBy(() -> register.search(canYenWithAccess, c.id(), "", 0, 10)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> indicators.compute(canYenWithAccess, c.id(), TODAY)).isInstanceOf(AccessDeniedProblem.class);
        // the association evaluator of the province reads the figures but no person
        TestUsers.User hkh = TestUsers.load(jdbc, "hkh.caobang");
        assertThat(jdbc.sql("select literacy_access from app_user where username = 'hkh.caobang'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select literacy_access from app_user where username = 'xa.canyen'").query(Boolean.class).single()).isTrue();
        assertThat(indicators.compute(hkh, c.id(), TODAY).population()).isEqualTo(1);
        assertThatThrownBy(() -> register.search(hkh, c.id(), "", 0, 10)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> register.list(hkh, c.hamlets().get(0), "BELOW3", TODAY)).isInstanceOf(AccessDeniedProblem.class);
        // the province officer with the permission sees the person, and the read is logged
        TestUsers.User so = TestUsers.load(jdbc, "so.caobang");
        User soWithAccess = new User(so.userId(), so.username(), so.fullName(), so.role(), so.unitId(), true);
        assertThat(register.search(soWithAccess, c.id(), "mac thi", 0, 10).items()).extracting(Register.Person::fullName).containsExactly("Mạc Thị Hằng");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'LiteracyPerson' and action = 'READ' and unit_id = :c")
                .param("c", c.id()).query(Long.class).single()).isPositive();
    }
}

package vn.xhht.literacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** Hand-built communes and registers for the literacy tests (unique names: the test database is shared). */
final class LiteracyFixture {
    private LiteracyFixture() {
    }

    record User(long userId, String username, String fullName, Role role, long unitId, boolean literacyAccess) implements CurrentUser {
    }

    record Commune(long id, String code, long provinceId, List<Long> hamlets, List<String> hamletCodes) {
    }

    static long province(JdbcClient jdbc) {
        return jdbc.sql("select id from org_unit where code = '04' and level = 1 and valid_from = '2025-07-01'").query(Long.class).single();
    }

    /** A new commune below Cao Bằng with two hamlets; difficult = especially difficult socio-economic conditions. */
    static Commune commune(JdbcClient jdbc, boolean difficult) {
        long province = province(jdbc);
        String code = "T" + UUID.randomUUID().toString().substring(0, 7);
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, especially_difficult, source)
                values (:c, :n, 'Xã', 3, :p, :p, '2025-07-01', :d, 'TEST') returning id
                """).param("c", code).param("n", "Xã Thử " + code).param("p", province).param("d", difficult).query(Long.class).single();
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where id = :id")
                .param("p", province).param("id", id).update();
        List<Long> hamlets = new java.util.ArrayList<>();
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            long h = jdbc.sql("""
                    insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                    values (:c, :n, 'Thôn', 4, :p, :prov, '2025-07-01', 'TEST') returning id
                    """).param("c", code + ".00" + i).param("n", "Thôn Nà " + i).param("p", id).param("prov", province)
                    .query(Long.class).single();
            jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where id = :id")
                    .param("p", id).param("id", h).update();
            hamlets.add(h);
            codes.add(code + ".00" + i);
        }
        return new Commune(id, code, province, hamlets, codes);
    }

    static User officer(long unitId, boolean access) {
        return new User(1, "test.literacy", "Cán bộ thử", Role.COMMUNE_OFFICER, unitId, access);
    }

    static Path csv(String... rows) throws Exception {
        Path f = Files.createTempFile("lit-test-", ".csv");
        Files.writeString(f, SampleRegister.header() + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** Starts an import and waits for its end. */
    static RegisterImport.Job importAndWait(RegisterImport imports, CurrentUser user, long unitId, Path file, String name) throws Exception {
        long id = imports.start(user, unitId, name, file, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "Tổ điều tra thôn");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            RegisterImport.Job j = imports.job(user, id);
            if (!j.running()) {
                return j;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    /** One CSV row of the layout. */
    static String row(Commune c, int hamlet, String household, String code, String name, String sex, String birth,
                      String resident, String residentDate, String highest, String literacy) {
        return String.join(",", c.code(), c.hamletCodes().get(hamlet), household, "Chủ hộ " + household, "Số 1", code, name, sex,
                birth, "02", "", "", resident, residentDate, "", highest, "", "", literacy, "");
    }

    static String birthForAge(int age, LocalDate on) {
        LocalDate b = on.minusYears(age);
        return String.format("%02d/%02d/%d", b.getDayOfMonth(), b.getMonthValue(), b.getYear());
    }
}

package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14 (R20): an administrator adds a new dated period of a recognising-authority rule; the period in force ends
 * the day before, the history stays, the change is audited, and bad input is refused on its field. The rule used
 * here (a district, PCGDMN5 level 3) is one no other test reads.
 */
@XhhtIntegrationTest
class RecognitionAuthorityAdminTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Recognitions recognitions;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    static final LiteracyFixture.User ADMIN = new LiteracyFixture.User(1, "admin", "Quản trị", Role.SYSTEM_ADMIN,
            1, false);

    @Test
    void aNewPeriodClosesThePreviousOneAndIsAuditedAndTheDecisionFollowsIt() {
        long first = recognitions.newAuthority(ADMIN, new Recognitions.AuthorityForm(2, "PCGDMN5", 3, 1, true, "UBND cấp tỉnh",
                LocalDate.of(2025, 1, 1), "Văn bản thử A", "secondary"));
        long second = recognitions.newAuthority(ADMIN, new Recognitions.AuthorityForm(2, "PCGDMN5", 3, 2, false,
                "Chưa xác định — tạm theo cấu hình: UBND cấp huyện", LocalDate.of(2025, 9, 1), "Chưa tìm thấy văn bản", "verified"));
        assertThat(jdbc.sql("select valid_to from lit_recognition_authority where id = :id").param("id", first).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2025, 8, 31));
        // a configured row is stored as such, whatever certainty was picked: no text settles it
        assertThat(jdbc.sql("select authority_level is null and configured_level = 2 and certainty = 'unknown' and configured_by = 'admin'"
                + " from lit_recognition_authority where id = :id").param("id", second).query(Boolean.class).single()).isTrue();
        // the rule in force follows the dates
        assertThat(recognitions.authorityFor(2, "PCGDMN5", 3, LocalDate.of(2025, 5, 1)).orElseThrow().authorityLevel()).isEqualTo(1);
        Recognitions.Authority later = recognitions.authorityFor(2, "PCGDMN5", 3, LocalDate.of(2025, 10, 1)).orElseThrow();
        assertThat(later.authorityLevel()).isEqualTo(2);
        assertThat(later.known()).isFalse();
        // other rules of districts are untouched
        assertThat(recognitions.authorityFor(2, "XMC", 1, LocalDate.of(2024, 5, 1)).orElseThrow().authorityLevel()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'LiteracyRecognitionAuthority' and entity_id in (:ids)")
                .param("ids", List.of(String.valueOf(first), String.valueOf(second))).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(recognitions.authorityRows()).extracting(Recognitions.AuthorityRow::id).contains(first, second);

        // a period starting before the latest one is refused on the date
        assertThatThrownBy(() -> recognitions.newAuthority(ADMIN, new Recognitions.AuthorityForm(2, "PCGDMN5", 3, 1, true, "UBND tỉnh",
                LocalDate.of(2025, 9, 1), "Văn bản thử B", "secondary")))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.violations())
                        .extracting(InvalidInputProblem.Violation::field).containsExactly("validFrom"));
    }

    @Test
    void badInputIsRefusedOnEachFieldAndOnlyAnAdministratorMayChangeTheRules() {
        assertThatThrownBy(() -> recognitions.newAuthority(ADMIN, new Recognitions.AuthorityForm(2, "ABC", null, 3, true, " ",
                null, "", "unknown")))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.violations())
                        .extracting(InvalidInputProblem.Violation::field)
                        .containsExactlyInAnyOrder("standardCode", "authorityLevel", "label", "validFrom", "legalBasis", "certainty"));
        assertThatThrownBy(() -> recognitions.newAuthority(ADMIN, new Recognitions.AuthorityForm(3, null, 2, 1, true, "UBND tỉnh",
                LocalDate.of(2026, 1, 1), "Văn bản", "secondary")))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.violations())
                        .extracting(InvalidInputProblem.Violation::field).containsExactly("standardLevel"));
        LiteracyFixture.User officer = new LiteracyFixture.User(1, "so.caobang", "Cán bộ", Role.PROVINCE_OFFICER, 1, true);
        assertThatThrownBy(() -> recognitions.newAuthority(officer, new Recognitions.AuthorityForm(2, "PCGDMN5", 2, 1, true, "UBND tỉnh",
                LocalDate.of(2026, 1, 1), "Văn bản", "secondary"))).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void theAdministratorsScreenListsTheRulesKeepsWhatWasTypedOnAnErrorAndSavesANewPeriod() {
        vn.xhht.support.Http admin = vn.xhht.support.Http.session(port, new java.net.CookieManager());
        admin.login("admin", "xhht-demo");
        String page = admin.get("/literacy/rules/authorities").body();
        assertThat(page).contains("Cơ quan ra quyết định công nhận", "UBND cấp huyện", "chưa xác định theo văn bản — đang dùng cấu hình",
                "id=\"lit-authority-form\"");
        String csrf = admin.csrfToken("/literacy/rules/authorities");
        var bad = admin.postForm("/literacy/rules/authorities", java.util.Map.of("subjectLevel", "2", "standardCode", "PCGDMN5",
                "standardLevel", "2", "authorityLevel", "1", "settledByText", "true", "label", "", "validFrom", "2025-03-01",
                "legalBasis", "Căn cứ gõ tay 4711", "certainty", "secondary", "_csrf", csrf));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Nhập tên cơ quan công nhận.", "Căn cứ gõ tay 4711", "2025-03-01");
        var good = admin.postForm("/literacy/rules/authorities", java.util.Map.of("subjectLevel", "2", "standardCode", "PCGDMN5",
                "standardLevel", "2", "authorityLevel", "1", "settledByText", "true", "label", "UBND tỉnh (thử màn hình)", "validFrom", "2025-03-01",
                "legalBasis", "Căn cứ gõ tay 4711", "certainty", "secondary", "_csrf", csrf));
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(admin.get("/literacy/rules/authorities").body()).contains("UBND tỉnh (thử màn hình)", "01/03/2025", "cấu hình bởi admin");
        // an officer reads the rules but gets no form, and a post is refused
        vn.xhht.support.Http officer = vn.xhht.support.Http.session(port, new java.net.CookieManager());
        officer.login("so.caobang", "xhht-demo");
        assertThat(officer.get("/literacy/rules/authorities").body()).contains("UBND cấp huyện").doesNotContain("id=\"lit-authority-form\"");
        String officerCsrf = officer.csrfToken("/literacy/rules/authorities");
        assertThat(officer.postForm("/literacy/rules/authorities", java.util.Map.of("subjectLevel", "2", "authorityLevel", "1",
                "label", "X", "validFrom", "2025-04-01", "legalBasis", "Y", "certainty", "secondary", "settledByText", "true",
                "_csrf", officerCsrf)).statusCode()).isEqualTo(403);
    }
}

package vn.xhht.literacy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xhht.literacy.LiteracyFixture.commune;
import static vn.xhht.literacy.LiteracyFixture.officer;

/** Issue 14 (R20): only the recognising authority of the standard and period records the decision. */
@XhhtIntegrationTest
class RecognitionAuthorityTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Recognitions recognitions;

    @Test
    void aCommuneCannotRecordItsOwnDecisionAndTheConfiguredProvinceCan() {
        LiteracyFixture.Commune c = commune(jdbc, false);
        var self = officer(c.id(), true);
        assertThatThrownBy(() -> recognitions.add(self, c.id(), 2026, "XMC/2", "DECISION", "UBND xã", "99/QĐ-UBND",
                LocalDate.of(2026, 3, 2), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> {
                    assertThat(p.violations().get(0).field()).isEqualTo("step");
                    assertThat(p.violations().get(0).messageKey()).isEqualTo("d14lit.recognition.notAuthorityConfigured");
                });
        // the commune still records its own self-check
        recognitions.add(self, c.id(), 2026, "XMC/2", "SELF_CHECK", null, null, null, null);
        long id = recognitions.add(officer(c.provinceId(), true), c.id(), 2026, "XMC/2", "DECISION", "UBND tỉnh Cao Bằng",
                "15/QĐ-UBND", LocalDate.of(2026, 3, 2), null);
        assertThat(jdbc.sql("select step from lit_recognition where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("DECISION");
        // the rule used is shown as unknown: not settled by a text read
        Recognitions.Authority a = recognitions.authorityFor(3, "XMC", 2, LocalDate.of(2026, 3, 2)).orElseThrow();
        assertThat(a.known()).isFalse();
        assertThat(a.certainty()).isEqualTo("unknown");
        assertThat(a.authorityLevel()).isEqualTo(1);
    }

    @Test
    void beforeTheReformTheDistrictDecidesAndAfterItTheMinistryRecognisesAProvinceForXmcLevel2() {
        LiteracyFixture.Commune c = commune(jdbc, false);
        // 2024: UBND cấp huyện (NĐ 20/2014 Điều 25) — the province is not the authority
        assertThatThrownBy(() -> recognitions.add(officer(c.provinceId(), true), c.id(), 2024, "XMC/1", "DECISION", "UBND tỉnh",
                "3/QĐ-UBND", LocalDate.of(2024, 11, 4), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p ->
                        assertThat(p.violations().get(0).messageKey()).isEqualTo("d14lit.recognition.notAuthority"));
        assertThat(recognitions.authorityFor(3, "XMC", 1, LocalDate.of(2024, 11, 4)).orElseThrow().authorityLevel()).isEqualTo(2);
        // a province: XMC level 1 by its own chairman, XMC level 2 by the minister (NĐ 143/2025)
        assertThat(recognitions.authorityFor(1, "XMC", 1, LocalDate.of(2026, 1, 5)).orElseThrow().authorityLevel()).isEqualTo(1);
        assertThat(recognitions.authorityFor(1, "XMC", 2, LocalDate.of(2026, 1, 5)).orElseThrow().authorityLevel()).isZero();
    }
}

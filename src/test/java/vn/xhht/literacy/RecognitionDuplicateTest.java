package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xhht.literacy.LiteracyFixture.*;

/**
 * The same recognition entered twice, or twenty times at once, is stored once; the others get a field message.
 * Class dates that are not real days or lie far outside any class's life are field errors, not dropped.
 */
@XhhtIntegrationTest
class RecognitionDuplicateTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Recognitions recognitions;

    @Autowired
    LiteracyClasses classes;

    @Test
    void classDatesThatAreNotRealOrOutOfRangeAreFieldErrors() {
        Commune c = commune(jdbc, false);
        var user = officer(c.id(), true);
        for (String[] bad : new String[][]{{"1800-01-01", "startDate"}, {"9999-12-31", "startDate"}}) {
            assertThatThrownBy(() -> classes.create(user, c.id(), "XMC_STAGE1", "Lớp thử ngày", null, null, null,
                    LocalDate.parse(bad[0]), null, null))
                    .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.violations().get(0).field()).isEqualTo(bad[1]));
        }
        assertThatThrownBy(() -> classes.create(user, c.id(), "XMC_STAGE1", "Lớp thử ngày", null, null, null,
                LocalDate.of(2026, 1, 5), LocalDate.parse("9999-12-31"), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.violations().get(0).field()).isEqualTo("endDate"));
        assertThat(jdbc.sql("select count(*) from lit_class where commune_id = :c").param("c", c.id()).query(Long.class).single()).isZero();
    }

    @Test
    void identicalRecognitionsAreRefused() throws Exception {
        Commune c = commune(jdbc, false);
        var user = officer(c.id(), true);
        // the decision is recorded by the recognising authority: the province (configured, V110), not the commune
        var province = officer(c.provinceId(), true);
        recognitions.add(province, c.id(), 2025, "XMC/2", "DECISION", "UBND tỉnh", "12/QĐ-UBND", LocalDate.of(2025, 12, 1), null);
        assertThatThrownBy(() -> recognitions.add(province, c.id(), 2025, "XMC/2", "DECISION", "UBND tỉnh", "12/QĐ-UBND",
                LocalDate.of(2025, 12, 1), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.violations().get(0).field()).isEqualTo("standard"));
        // another step of the same standard is another fact
        recognitions.add(user, c.id(), 2025, "XMC/2", "SELF_CHECK", null, null, null, null);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<Boolean> add = () -> {
                    try {
                        recognitions.add(user, c.id(), 2026, "PCGDTH/1", "SELF_CHECK", null, null, null, null);
                        return true;
                    } catch (InvalidInputProblem e) {
                        return false;
                    }
                };
                results.add(pool.submit(add));
            }
            int created = 0;
            for (Future<Boolean> f : results) {
                created += f.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from lit_recognition where unit_id = :u").param("u", c.id()).query(Long.class).single())
                .isEqualTo(3L);
    }
}

package vn.xhht;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The modular monolith's boundaries: no cycles, no module reaching into another's internals. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(XhhtApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("orgunit", "identity", "audit", "document", "platform", "dashboard");
    }
}

package id.gerai;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules only use each other's public API, without cycles; writes the module documentation. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(GeraiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesOfTheDesignExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "region", "tenancy", "identity", "audit", "notification");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

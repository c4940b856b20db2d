package id.gerai.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retention settings bind with their defaults and stop start-up, naming the setting, when set below their minimum. */
class ApplicationRetentionPropertiesTests {

    private static ApplicationRetentionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("gerai.applications", ApplicationRetentionProperties.class);
    }

    @Test
    void defaultsAreHalfAYearForDraftsAndFiveYearsForClosedApplications() {
        ApplicationRetentionProperties p = bind(Map.of());
        assertThat(p.draftRetention()).isEqualTo(Duration.ofDays(180));
        assertThat(p.retention()).isEqualTo(Duration.ofDays(1826));
        assertThat(p.retentionCheckInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(bind(Map.of("gerai.applications.draft-retention", "1d", "gerai.applications.retention", "30d")).retention())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aRetentionBelowItsMinimumIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> bind(Map.of("gerai.applications.retention", "29d")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("gerai.applications.retention (GERAI_APPLICATION_RETENTION) must be at least 30d");
        assertThatThrownBy(() -> bind(Map.of("gerai.applications.draft-retention", "23h")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("gerai.applications.draft-retention (GERAI_DRAFT_RETENTION) must be at least 1d");
    }
}

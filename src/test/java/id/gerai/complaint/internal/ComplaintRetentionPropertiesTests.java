package id.gerai.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The complaint retention binds with five years by default and stops start-up when set below 30 days. */
class ComplaintRetentionPropertiesTests {

    private static ComplaintRetentionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("gerai.complaints", ComplaintRetentionProperties.class);
    }

    @Test
    void fiveYearsByDefaultAndNeverLessThanThirtyDays() {
        assertThat(bind(Map.of()).retention()).isEqualTo(Duration.ofDays(1826));
        // the filing allowance shares the prefix and is left alone
        assertThat(bind(Map.of("gerai.complaints.filings-per-hour", "20", "gerai.complaints.retention", "30d")).retention())
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> bind(Map.of("gerai.complaints.retention", "29d")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("gerai.complaints.retention (GERAI_COMPLAINT_RETENTION) must be at least 30d");
    }
}

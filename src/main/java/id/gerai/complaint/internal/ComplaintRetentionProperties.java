package id.gerai.complaint.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished complaints keep personal data ({@code gerai.complaints.*}; UU 27/2022). Checked at start-up: a
 * value below its minimum stops Gerai with a message naming the setting.
 *
 * @param retention              a finished complaint (closed, not our authority, archived) is anonymised this long after
 *                               it closed (1826 days, five years; at least 30 days)
 * @param retentionCheckInterval how often {@link ComplaintRetention} looks (1 hour; read by the scheduler as well)
 */
@ConfigurationProperties("gerai.complaints")
record ComplaintRetentionProperties(@DefaultValue("1826d") Duration retention, @DefaultValue("1h") Duration retentionCheckInterval) {

    static final Duration MIN_RETENTION = Duration.ofDays(30);

    ComplaintRetentionProperties {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("gerai.complaints.retention (GERAI_COMPLAINT_RETENTION) must be at least 30d "
                    + "(a reporter may still reply to or ask about a complaint closed lately), not " + retention);
        }
        if (retentionCheckInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("gerai.complaints.retention-check-interval must be at least 1s, not "
                    + retentionCheckInterval);
        }
    }
}

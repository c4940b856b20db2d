package id.gerai.application.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long applications keep personal data ({@code gerai.applications.*}; UU 27/2022: delete or anonymise it when its
 * retention ends). Checked at start-up: a value below its minimum stops Gerai with a message naming the setting, since
 * a retention of minutes would wipe drafts people are typing and records agencies still need.
 *
 * @param draftRetention         a draft never submitted is deleted, with its attachments, this long after its last
 *                               change (180 days; at least 1 day)
 * @param retention              a closed application (completed, rejected, withdrawn) is anonymised this long after it
 *                               closed (1826 days, five years; at least 30 days)
 * @param retentionCheckInterval how often {@link ApplicationRetention} looks (1 hour; read by the scheduler as well)
 */
@ConfigurationProperties("gerai.applications")
record ApplicationRetentionProperties(@DefaultValue("180d") Duration draftRetention, @DefaultValue("1826d") Duration retention,
                                      @DefaultValue("1h") Duration retentionCheckInterval) {

    static final Duration MIN_DRAFT_RETENTION = Duration.ofDays(1);
    static final Duration MIN_RETENTION = Duration.ofDays(30);

    ApplicationRetentionProperties {
        if (draftRetention.compareTo(MIN_DRAFT_RETENTION) < 0) {
            throw new IllegalArgumentException("gerai.applications.draft-retention (GERAI_DRAFT_RETENTION) must be at least 1d "
                    + "(drafts people are still writing would be deleted), not " + draftRetention);
        }
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("gerai.applications.retention (GERAI_APPLICATION_RETENTION) must be at least 30d "
                    + "(applications agencies still answer for would lose their applicant), not " + retention);
        }
        if (retentionCheckInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("gerai.applications.retention-check-interval must be at least 1s, not "
                    + retentionCheckInterval);
        }
    }
}

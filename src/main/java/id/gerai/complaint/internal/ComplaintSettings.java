package id.gerai.complaint.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The complaint flow's limits ({@code gerai.complaint.*}), in working days of the tenant's calendar. Checked at
 * start-up: a limit outside 1–60 working days stops Gerai with a message naming it.
 *
 * @param verifyDays    the coordinator verifies (or decides otherwise) within this many working days of filing (3)
 * @param followUpDays  the agency posts its follow-up within this many working days of forwarding (5)
 * @param autoCloseDays an answered complaint closes this many working days after the follow-up without a reply (10)
 * @param dueSoon       how close to its limit a step counts as "due soon" on the staff pages (1 day)
 * @param checkInterval how often the watch looks for overdue steps and complaints to close (60 s)
 */
@ConfigurationProperties("gerai.complaint")
record ComplaintSettings(@DefaultValue("3") int verifyDays, @DefaultValue("5") int followUpDays,
                         @DefaultValue("10") int autoCloseDays, @DefaultValue("P1D") Duration dueSoon,
                         @DefaultValue("60s") Duration checkInterval) {

    ComplaintSettings {
        check("verify-days", verifyDays);
        check("follow-up-days", followUpDays);
        check("auto-close-days", autoCloseDays);
        if (dueSoon.isNegative() || dueSoon.toDays() > 30) {
            throw new IllegalArgumentException("gerai.complaint.due-soon must be between 0 and 30 days, not " + dueSoon);
        }
        if (checkInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("gerai.complaint.check-interval must be at least 1s, not " + checkInterval);
        }
    }

    private static void check(String name, int days) {
        if (days < 1 || days > 60) {
            throw new IllegalArgumentException("gerai.complaint." + name + " must be 1 to 60 working days, not " + days);
        }
    }
}

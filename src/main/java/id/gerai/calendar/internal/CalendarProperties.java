package id.gerai.calendar.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a node keeps a tenant's calendar in memory.
 *
 * @param cacheTtl after this time a calendar is read again; it bounds how long <em>another</em> node keeps
 *                 using a calendar that was changed (the node that made the change drops it at once).
 *                 Between one second and one day.
 */
@Validated
@ConfigurationProperties("gerai.calendar")
record CalendarProperties(@DefaultValue("5m") @NotNull Duration cacheTtl) {

    CalendarProperties {
        if (cacheTtl != null && (cacheTtl.compareTo(Duration.ofSeconds(1)) < 0 || cacheTtl.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException("gerai.calendar.cache-ttl must be between 1s and 1d, was " + cacheTtl);
        }
    }
}

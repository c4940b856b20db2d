package id.gerai.identity.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Personal API tokens: how long they live, and how long a node trusts a token it has verified.
 *
 * @param defaultValidity     the validity of a token issued without one; between one day and {@code maxValidity}
 * @param maxValidity         the longest validity anyone may ask for; between one day and one year
 * @param cacheTtl            how long a verified token is kept in memory before the database is asked again. It bounds
 *                            how long <em>another</em> node keeps accepting a token that was revoked, or whose account
 *                            was disabled or changed (the node that revokes drops it at once). Between 1 s and 5 min.
 * @param cacheSize           at most this many tokens are kept in memory (beyond it, tokens are checked in the database
 *                            on every request); between 1 and 1,000,000
 * @param lastUsedInterval    {@code last_used_at} is written at most this often per token, not on every request;
 *                            between 1 s and 1 day
 * @param maxActivePerAccount at most this many unrevoked, unexpired tokens per account; between 1 and 10,000
 */
@Validated
@ConfigurationProperties("gerai.identity.api-tokens")
record ApiTokenProperties(
        @DefaultValue("90d") @NotNull Duration defaultValidity,
        @DefaultValue("365d") @NotNull Duration maxValidity,
        @DefaultValue("30s") @NotNull Duration cacheTtl,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("1m") @NotNull Duration lastUsedInterval,
        @DefaultValue("100") int maxActivePerAccount) {

    private static final String PREFIX = "gerai.identity.api-tokens.";

    ApiTokenProperties {
        within("max-validity", maxValidity, Duration.ofDays(1), Duration.ofDays(365));
        within("default-validity", defaultValidity, Duration.ofDays(1), maxValidity == null ? Duration.ofDays(365) : maxValidity);
        within("cache-ttl", cacheTtl, Duration.ofSeconds(1), Duration.ofMinutes(5));
        within("last-used-interval", lastUsedInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        if (cacheSize < 1 || cacheSize > 1_000_000) {
            throw new IllegalArgumentException(PREFIX + "cache-size must be between 1 and 1000000, was " + cacheSize);
        }
        if (maxActivePerAccount < 1 || maxActivePerAccount > 10_000) {
            throw new IllegalArgumentException(PREFIX + "max-active-per-account must be between 1 and 10000, was " + maxActivePerAccount);
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw new IllegalArgumentException(PREFIX + name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}

package id.gerai.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing of a secret (an access code, a document's short code): after {@code limit} failed attempts for
 * one key (a tracking number, a client) within {@code window}, that key is refused with 429 ({@link Throttled}) and the given problem
 * code until the window has passed since its first failure. Kept per node in memory and bounded: when more than
 * {@value #MAX_ENTRIES} keys are held, the expired ones are dropped. Meant for secrets whose space makes a handful
 * of guesses per window per node pointless; it is not a defence against a botnet spreading guesses over keys.
 */
public class AttemptThrottle {

    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, long since) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final String code;
    private final int limit;
    private final long windowNanos;

    /**
     * @param code   the problem code of the refusal, e.g. {@code status-check-throttled}
     * @param limit  failures allowed within the window
     * @param window how long failures count
     */
    public AttemptThrottle(String code, int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a throttle needs a positive limit and window");
        }
        this.code = code;
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /**
     * Refuses when {@code key} has used up its failures in the current window: a {@link Throttled} (429) that says
     * how long is left of the window.
     */
    public void check(String key) {
        Failures f = failures.get(key);
        if (f != null && System.nanoTime() - f.since() < windowNanos && f.count() >= limit) {
            throw new Throttled(code, retryAfterSeconds(key));
        }
    }

    /**
     * Seconds until {@code key} may try again (0 when it may now): for a {@code Retry-After} header beside the
     * refusal.
     */
    long retryAfterSeconds(String key) {
        Failures f = failures.get(key);
        if (f == null || f.count() < limit) {
            return 0;
        }
        long left = windowNanos - (System.nanoTime() - f.since());
        return left <= 0 ? 0 : Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L));
    }

    /** Counts an attempt that uses up the allowance whatever its outcome (a filing rather than a guess). */
    public void spent(String key) {
        failed(key);
    }

    /** Counts a failed attempt for {@code key}; the window starts with the first failure. */
    public void failed(String key) {
        long now = System.nanoTime();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> now - f.since() >= windowNanos);
        }
        failures.compute(key, (k, f) -> f == null || now - f.since() >= windowNanos
                ? new Failures(1, now) : new Failures(f.count() + 1, f.since()));
    }
}
